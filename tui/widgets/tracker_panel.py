"""The no-contact tracker on home: today's count, the longest run and the total, side by side."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from tui.clock import now, today
from tui.content.tracker import TrackerText, load_tracker_text
from tui.screens.tracker_actions import (
    LogisticsForm,
    ReasonsForm,
    SlipForm,
    StartDayForm,
    TrackerForm,
    UrgeForm,
)
from tui.store.store import Store, StoreError
from tui.store.tracker import MILESTONES, Tracker, build_tracker, in_words

MILESTONES_SETTING = "milestones_seen"
DAY_CHECK_SECONDS = 60
"""How often the panel checks whether the day has turned."""

FORMS: dict[str, type[TrackerForm[Any]]] = {
    "tracker-urge": UrgeForm,
    "tracker-slip": SlipForm,
    "tracker-logistics": LogisticsForm,
    "tracker-reasons": ReasonsForm,
    "tracker-start": StartDayForm,
    "tracker-set-start": StartDayForm,
}
"""Which form each button opens."""


def read_tracker(store: Store) -> Tracker:
    """The tracker for today from what the store holds."""
    return build_tracker(store.no_contact_start(), store.slips(), store.logistics(), today())


def urges_resisted_since(store: Store, day: date) -> int:
    """Urges that passed since `day`; reads only the months since then, not all history."""
    since = datetime.combine(day, time.min, tzinfo=now().tzinfo)
    return sum(1 for urge in store.urges(since=since) if not urge.acted)


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
    TrackerPanel.-unset #tracker-set, TrackerPanel #tracker-unset {
        display: none;
    }
    TrackerPanel.-unset #tracker-unset {
        display: block;
    }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.store = store
        self.text = load_tracker_text()
        self.border_title = self.text.title
        self.shown_day = today()
        """The day the panel was last painted for."""

    def compose(self) -> ComposeResult:
        with Vertical(id="tracker-unset"):
            yield Static(self.text.no_start, id="tracker-invite", markup=False)
            yield Button(self.text.start_button, id="tracker-set-start", variant="primary")
        with Vertical(id="tracker-set"):
            yield Static(id="tracker-current")
            yield Static(id="tracker-counts")
            yield Static(id="tracker-note", markup=False)
            with Grid(classes="tracker-buttons"):
                yield Button("Log an urge", id="tracker-urge", compact=True)
                yield Button("Contact happened", id="tracker-slip", compact=True)
                yield Button("Logistics", id="tracker-logistics", compact=True)
                yield Button("Why I started", id="tracker-reasons", compact=True)
                yield Button("Start day", id="tracker-start", compact=True)

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
        self.set_class(tracker.started is None, "-unset")
        if tracker.started is None:
            return
        current = Content.styled(f"Day {tracker.current_days}", "bold $accent")
        if tracker.current_days:
            current = Content.assemble(current, "\n", tracker.current_in_words)
        self.query_one("#tracker-current", Static).update(current)
        counts = counts_text(tracker, self.text, urges_resisted_since(self.store, tracker.started))
        counts_widget = self.query_one("#tracker-counts", Static)
        counts_widget.display = counts is not None
        counts_widget.update(counts or "")
        self.query_one("#tracker-note", Static).update(note_text(tracker, self.text))
        self.mark_milestones(tracker)

    def mark_milestones(self, tracker: Tracker) -> None:
        """A calm word the first time a milestone is reached, remembered so it comes once."""
        seen = self.store.setting(MILESTONES_SETTING, [])
        seen = [key for key in seen if isinstance(key, str)] if isinstance(seen, list) else []
        new = tracker.new_milestones(seen)
        if not new:
            return
        try:
            self.store.set_setting(MILESTONES_SETTING, tracker.marked_with_new(seen))
        except StoreError as error:
            # The milestone still gets its word; it may come again until the save works.
            self.notify(str(error), title="Not saved", severity="error")
        self.notify(self.text.milestone_note(max(new)), title=f"Day {max(new)}", timeout=10)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        form = FORMS.get(event.button.id or "")
        if form is not None:
            event.stop()
            self.app.push_screen(form(self.store, self.text))
