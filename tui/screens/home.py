"""Home: the five stages, the latest mood, the tracker, the boundaries card and a letter.

Home reads the store and shows it; what it cannot do itself (open a stage, the review, say
that a file was kept aside) it asks of the app with a message from tui.messages.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.clock import now, today
from tui.content.moods import load_moods
from tui.content.plan_text import load_plan_text
from tui.content.stages import STAGE_NUMBERS, card_headings, load_stages
from tui.content.tracker import load_tracker_text
from tui.content.week_text import load_week_text
from tui.messages import OpenReview, OpenSettings, OpenStage, ShowStoreNotices
from tui.screens.home_cards import (
    boundaries_text,
    latest_mood,
    letter_text,
    mood_text,
    progress_words,
)
from tui.screens.home_companion import plan_card, remember_week_seen, week_card
from tui.store import preferences, setting_keys
from tui.store.records import Session
from tui.store.store import Overview, Store, StoreError
from tui.store.tracker import Tracker, build_tracker
from tui.widgets.action_links import ActionLinks
from tui.widgets.stage_card import StageCard
from tui.widgets.tracker_panel import TrackerPanel

APP_TITLE = "No Contact Coach"
POLL_SECONDS = 2.0
"""How often home looks for writes from elsewhere (`nocontact log` in another shell) and for
a new day: a few stats, so it costs nothing a person could notice."""

TRACKER_FORMS = {
    "urge": "UrgeForm",
    "slip": "SlipForm",
    "logistics": "LogisticsForm",
    "reasons": "ReasonsForm",
    "start": "StartDayForm",
}
"""The form (in tui.screens.tracker_actions) each of the tracker's links opens."""


def read_tracker(store: Store, day: date) -> Tracker:
    """The tracker for `day` from what the store holds."""
    return build_tracker(store.no_contact_start(), store.slips(), store.logistics(), day)


def milestone_news(tracker: Tracker, new: tuple[int, ...]) -> int | None:
    """The milestone among `new` that is news today: the one the current run reaches today.

    One already behind (a start day set in the past, the app not opened for a while) is
    marked without a word: "Day 14" must not pop up over a count that says day 20.
    """
    if tracker.current is None:
        return None
    today_reached = [
        days for days in new if tracker.current.start + timedelta(days) == tracker.today
    ]
    return max(today_reached, default=None)


class HomeScreen(Screen[None]):
    """Where every visit starts: the stages on the left, how things are on the right."""

    CSS_PATH = "home.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"open_stage({number})",
                "Open stage",
                show=number == STAGE_NUMBERS[0],
                key_display=f"{STAGE_NUMBERS[0]}-{STAGE_NUMBERS[-1]}",
            )
            for number in STAGE_NUMBERS
        ),
        Binding("h", "review", "History"),
        Binding("s", "settings", "Settings", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.stages = load_stages()
        self.moods = load_moods()
        self.tracker_text = load_tracker_text()
        self.stamp: tuple[int, ...] | None = None
        """The store's fingerprint when home last read it."""
        self.shown_day: date | None = None
        """The day home was last painted for."""
        self.fresh = True
        """Whether home has been read on mount and not yet resumed."""
        self.week: Content | None = None
        """The week just ended, when this is the first visit to home since it ended."""

    def compose(self) -> ComposeResult:
        yield Static(APP_TITLE, id="home-title")
        with Horizontal(id="home"):
            with Vertical(id="stages-column"):
                yield Static("Five stages", classes="heading")
                with VerticalScroll(id="stages", can_focus=False):
                    for number, stage in self.stages.items():
                        yield StageCard(number, stage.title, stage.summary, id=f"stage-{number}")
            with VerticalScroll(id="side-column"):
                yield Static(id="week", classes="card")
                yield Static(id="latest-mood", classes="card")
                # A letter that has opened is a moment of its own: it comes before the rest.
                yield Static(id="letter", classes="card")
                yield Static(id="plan", classes="card")
                yield TrackerPanel(self.tracker_text, id="tracker")
                yield Static(id="boundaries", classes="card")
        yield Footer()

    def on_mount(self) -> None:
        self.title = APP_TITLE
        # The week just ended is looked back on once: on this visit to home, not the next.
        self.week = week_card(self.store, now(), load_week_text())
        if self.week is not None:
            try:
                remember_week_seen(self.store, now())
            except StoreError as error:
                self.notify(str(error), title="Not saved", severity="error")
        # Read now, so the tracker's part is built before the first paint, not a frame later.
        self.reload()
        self.set_interval(POLL_SECONDS, self.look_for_changes)

    def on_screen_resume(self) -> None:
        if self.fresh:
            self.fresh = False  # the first resume follows the mount, which has just read
            return
        self.reload()

    def look_for_changes(self) -> None:
        """Read again if anything was written, here or in another process, or the day turned."""
        if self.is_current and (self.store.stamp() != self.stamp or today() != self.shown_day):
            self.reload()

    def on_entries_changed(self) -> None:
        """An undo from here (u): the count and the cards as they are now."""
        self.reload()

    def reload(self) -> None:
        """Read everything home shows again: other screens and other processes write."""
        if not self.is_mounted:
            # A resume can arrive while home is still being put together (a click right at
            # start-up): read once its cards exist rather than look for them now.
            self.call_later(self.reload)
            return
        # Taken first, so a write that lands while home reads is picked up by the next look.
        self.stamp = self.store.stamp()
        day = self.shown_day = today()
        overview = self.store.overview()
        self.show_stages(overview, day)
        given = latest_mood(overview.latest_mood, self.newest_session_with_mood(overview))
        self.show_card(
            "#latest-mood", "Latest mood", mood_text(given, self.moods, self.stages, day)
        )
        self.show_card(
            "#letter",
            "Letter to future me",
            letter_text(self.store.setting(setting_keys.LETTERS), day),
        )
        plan_text = load_plan_text()
        self.show_card("#plan", plan_text.card_title, plan_card(self.store, now(), plan_text))
        self.show_card("#week", load_week_text().title, self.week)
        self.show_tracker(day)
        card = boundaries_text(self.store.setting(setting_keys.BOUNDARIES_CARD), card_headings())
        self.show_card("#boundaries", "My boundaries", card)
        if self.store.notices:
            # Reading may have found a broken file and kept it aside: say so now.
            self.post_message(ShowStoreNotices())

    def newest_session_with_mood(self, overview: Overview) -> Session | None:
        """The newest session, read only when it is newer than the newest mood log."""
        saved = overview.last_session_per_stage.values()
        if not saved:
            return None
        mood = overview.latest_mood
        if mood is not None and mood.at >= max(saved):
            return None
        return next(iter(self.store.records("sessions")), None)

    def show_stages(self, overview: Overview, day: date) -> None:
        for number in self.stages:
            self.query_one(f"#stage-{number}", StageCard).show_progress(
                progress_words(
                    overview.sessions_per_stage.get(number, 0),
                    overview.last_session_per_stage.get(number),
                    day,
                )
            )

    def show_card(self, selector: str, title: str, content: Content | None) -> None:
        card = self.query_one(selector, Static)
        card.display = content is not None
        if content is not None:
            card.border_title = title
            card.update(content)

    def show_tracker(self, day: date) -> None:
        """The tracker for `day`, with the urges ridden out since its start."""
        tracker = read_tracker(self.store, day)
        resisted = 0
        if tracker.started is not None:
            since = datetime.combine(tracker.started, time.min, tzinfo=now().tzinfo)
            resisted = self.store.urge_counts(since)[0]
        quiet = preferences.current(setting_keys.QUIET, self.store.setting(setting_keys.QUIET))
        self.query_one(TrackerPanel).show(tracker, resisted, quiet)
        # In quiet mode milestones are marked without a word, so leaving it brings no old news.
        self.mark_milestones(tracker, announce=not quiet)

    def mark_milestones(self, tracker: Tracker, announce: bool = True) -> None:
        """A calm word on the day a milestone is reached, remembered so it comes once."""
        seen = self.store.setting(setting_keys.MILESTONES_SEEN, [])
        seen = [key for key in seen if isinstance(key, str)] if isinstance(seen, list) else []
        new = tracker.new_milestones(seen)
        if not new:
            return
        try:
            marked = tracker.marked_with_new(seen)
            self.store.edit_setting(setting_keys.MILESTONES_SEEN, seen, marked)
        except StoreError as error:
            # The milestone still gets its word; it may come again until the save works.
            self.notify(str(error), title="Not saved", severity="error")
        news = milestone_news(tracker, new)
        if news is not None and announce:
            self.notify(self.tracker_text.milestone_note(news), title=f"Day {news}", timeout=10)

    # -- what home asks for -----------------------------------------------------

    @on(StageCard.Chosen)
    def stage_chosen(self, event: StageCard.Chosen) -> None:
        self.post_message(OpenStage(event.number))

    def action_open_stage(self, number: int) -> None:
        """Open stage `number`."""
        self.post_message(OpenStage(number))

    def action_review(self) -> None:
        """Open history and review."""
        self.post_message(OpenReview())

    @on(ActionLinks.Chosen, "#tracker-links")
    def tracker_link(self, event: ActionLinks.Chosen) -> None:
        """Open the tracker form the link names; home reads the store again when it closes."""
        event.stop()
        name = TRACKER_FORMS.get(event.action)
        if name is None:
            return
        # Imported when first opened: home paints sooner without the forms.
        from tui.screens import tracker_actions

        form = getattr(tracker_actions, name)
        self.app.push_screen(form(self.store, self.tracker_text))

    def action_settings(self) -> None:
        """Open the settings."""
        self.post_message(OpenSettings())
