"""The no-contact tracker on home: today's count, the longest run and the total, side by side."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.clock import now, today
from tui.content.tracker import TrackerText, load_tracker_text
from tui.store import setting_keys
from tui.store.store import Store, StoreError
from tui.store.tracker import MILESTONES, Tracker, build_tracker, in_words

DAY_CHECK_SECONDS = 60
"""How often the panel checks whether the day has turned."""

FORMS = {
    "tracker-urge": "UrgeForm",
    "tracker-slip": "SlipForm",
    "tracker-logistics": "LogisticsForm",
    "tracker-reasons": "ReasonsForm",
    "tracker-start": "StartDayForm",
    "tracker-set-start": "StartDayForm",
}
"""Which form (in tui.screens.tracker_actions) each button opens."""


def read_tracker(store: Store) -> Tracker:
    """The tracker for today from what the store holds."""
    return build_tracker(store.no_contact_start(), store.slips(), store.logistics(), today())


def urges_resisted_since(store: Store, day: date) -> int:
    """Urges that passed since `day`, from the store's monthly totals, not every urge."""
    return store.urge_counts(datetime.combine(day, time.min, tzinfo=now().tzinfo))[0]


def counts_text(tracker: Tracker, text: TrackerText, urges_resisted: int) -> Content | None:
    """The longest run and the total beside the count once there was a slip, and urges passed.

    Before any slip both equal the count, so they would only repeat it; on a first day
    with nothing logged there is nothing to add at all.
    """
    rows = []
    if tracker.slips:
        rows.append((text.longest, in_words(tracker.longest_days)))
        rows.append((text.total, in_words(tracker.total_days)))
    if urges_resisted or tracker.current_days:
        rows.append((text.urges, str(urges_resisted)))
    if not rows:
        return None
    width = max(len(name) for name, _ in rows)
    return Content("\n").join(
        Content.assemble((name.ljust(width), "dim"), "  ", (value, "bold")) for name, value in rows
    )


def short_day(day: date, today: date) -> str:
    """A day as "9 Oct", with its year when it is not this year's."""
    shown = f"{day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def note_text(tracker: Tracker, text: TrackerText) -> str:
    """One calm line under the count: day zero, a restart, or the next milestone."""
    lines = []
    if tracker.current_days == 0 and tracker.slips == 0:
        lines.append(text.day_zero)
    elif tracker.slips and tracker.current:
        lines.append(text.restarted.format(date=short_day(tracker.current.start, tracker.today)))
    upcoming = [days for days in MILESTONES if days > tracker.current_days]
    if upcoming:
        lines.append(text.next_milestone.format(days=upcoming[0]))
    return "\n".join(lines)


class TrackerPanel(Vertical):
    """Shows the tracker and opens its forms; reads the store again whenever home returns."""

    DEFAULT_CSS = """
    TrackerPanel {
        height: auto;
        border: round $border-blurred;
        border-title-color: $primary;
        border-title-style: bold;
        padding: 0 1;
        margin-bottom: 1;
    }
    TrackerPanel #tracker-set, TrackerPanel #tracker-unset {
        height: auto;
    }
    TrackerPanel #tracker-note, TrackerPanel #tracker-invite {
        color: $text-muted;
    }
    TrackerPanel #tracker-counts, TrackerPanel #tracker-note {
        margin-top: 1;
    }
    TrackerPanel .tracker-buttons {
        layout: grid;
        grid-size: 2;
        grid-gutter: 1 1;
        grid-rows: 1;
        height: auto;
        margin-top: 1;
    }
    TrackerPanel .tracker-buttons Button {
        width: 1fr;
    }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.text = load_tracker_text()
        self.border_title = self.text.title
        self.shown_day = today()
        """The day the panel was last painted for."""
        self.started: bool | None = None
        """Whether the part built is the one for a tracker with a first day (None: none yet)."""
        self.current = Static(id="tracker-current")
        self.counts = Static(id="tracker-counts")
        self.note = Static(id="tracker-note", markup=False)

    # Only the part that applies is built (an invitation, or the count and its actions):
    # home paints sooner without widgets it would hide.
    def unset_part(self) -> Vertical:
        """The invitation to mark the first day, before there is one."""
        return Vertical(
            Static(self.text.no_start, id="tracker-invite", markup=False),
            Button(self.text.start_button, id="tracker-set-start", variant="primary"),
            id="tracker-unset",
        )

    def set_part(self) -> Vertical:
        """The count, the other totals, a note, and the actions."""
        self.current = Static(id="tracker-current")
        self.counts = Static(id="tracker-counts")
        self.note = Static(id="tracker-note", markup=False)
        return Vertical(
            self.current,
            self.counts,
            self.note,
            Grid(
                Button("Log an urge", id="tracker-urge", compact=True),
                Button("Contact happened", id="tracker-slip", compact=True),
                Button("Logistics", id="tracker-logistics", compact=True),
                Button("Why I started", id="tracker-reasons", compact=True),
                Button("Start day", id="tracker-start", compact=True),
                classes="tracker-buttons",
            ),
            id="tracker-set",
        )

    def show_part(self, started: bool) -> None:
        """Build the part for a tracker with or without a first day, if it is not shown yet."""
        if started == self.started:
            return
        self.started = started
        self.query_children().remove()
        self.mount(self.set_part() if started else self.unset_part())

    def on_mount(self) -> None:
        self.refresh_tracker()
        self.app.screen_change_signal.subscribe(self, self.screen_changed)
        # Left open overnight, the count still moves on at midnight.
        self.set_interval(DAY_CHECK_SECONDS, self.check_new_day)

    def screen_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh_tracker()

    def check_new_day(self) -> None:
        if today() != self.shown_day and self.screen.is_current:
            self.refresh_tracker()

    def refresh_tracker(self) -> None:
        """Read the start, slips and urges again and paint them."""
        tracker = read_tracker(self.store)
        self.shown_day = tracker.today
        self.show_part(tracker.started is not None)
        if tracker.started is None:
            return
        current = Content.styled(f"Day {tracker.current_days}", "bold $accent")
        if tracker.current_days:
            current = Content.assemble(current, "\n", tracker.current_in_words)
        self.current.update(current)
        counts = counts_text(tracker, self.text, urges_resisted_since(self.store, tracker.started))
        self.counts.display = counts is not None
        self.counts.update(counts or "")
        self.note.update(note_text(tracker, self.text))
        self.mark_milestones(tracker)

    def mark_milestones(self, tracker: Tracker) -> None:
        """A calm word the first time a milestone is reached, remembered so it comes once."""
        seen = self.store.setting(setting_keys.MILESTONES_SEEN, [])
        seen = [key for key in seen if isinstance(key, str)] if isinstance(seen, list) else []
        new = tracker.new_milestones(seen)
        if not new:
            return
        try:
            self.store.edit_setting(
                setting_keys.MILESTONES_SEEN, seen, tracker.marked_with_new(seen)
            )
        except StoreError as error:
            # The milestone still gets its word; it may come again until the save works.
            self.notify(str(error), title="Not saved", severity="error")
        self.notify(self.text.milestone_note(max(new)), title=f"Day {max(new)}", timeout=10)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        name = FORMS.get(event.button.id or "")
        if name is not None:
            event.stop()
            # Imported when first opened: home paints sooner without the forms.
            from tui.screens import tracker_actions

            form: type[tracker_actions.TrackerForm[Any]] = getattr(tracker_actions, name)
            self.app.push_screen(form(self.store, self.text))
