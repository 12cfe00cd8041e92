"""Home: the five stages, the latest mood, the tracker, the boundaries card and a letter."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.clock import today
from tui.content.moods import load_moods
from tui.content.stages import load_stages
from tui.store import setting_keys
from tui.store.records import MoodLog
from tui.store.store import Overview, Store
from tui.widgets.stage_card import StageCard
from tui.widgets.tracker_panel import TrackerPanel

if TYPE_CHECKING:
    from tui.app import NoContactApp


def day_words(day: date) -> str:
    """A past day as people say it: "today", "yesterday", "Sat 21 Nov", with a year if not this."""
    delta = (today() - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if day.year == today().year:
        return f"{day:%a} {day.day} {day:%b}"
    return f"{day.day} {day:%b %Y}"


def progress_words(done: int, last: datetime | None) -> str:
    """How much has been done in a stage: "Not tried yet", "2 sessions, the last yesterday"."""
    if done == 0 or last is None:
        return "Not tried yet"
    sessions = "1 session" if done == 1 else f"{done} sessions"
    return f"{sessions}, the last {day_words(last.date())}"


def mood_text(log: MoodLog | None) -> Content:
    """The latest mood with its label and when, or an invitation to log one."""
    if log is None:
        return Content("Nothing logged yet. Press m to log how you feel; it takes two seconds.")
    label = load_moods().label(log.mood)
    when = f"{day_words(log.at.date())} at {log.at:%H:%M}"
    parts: list[Any] = [(f"{log.mood}", "bold $accent"), "  ", (label, "bold"), f"\n{when}"]
    if log.note:
        parts.append(("\n" + log.note, "italic $text-muted"))
    return Content.assemble(*parts)


def boundaries_text(card: Any) -> Content | None:
    """The boundaries card saved by stage 4, as three short lines, or None."""
    if not isinstance(card, dict) or not any(
        card.get(key) for key in ("need", "wont_accept", "line")
    ):
        return None
    parts: list[Any] = []
    for key, heading in (
        ("need", "I need"),
        ("wont_accept", "I won't accept"),
        ("line", "My line"),
    ):
        value = card.get(key)
        if value:
            parts.append(("\n" if parts else "") + f"{heading}: ")
            parts.append((str(value), "bold"))
    checklist = card.get("checklist") or []
    if checklist:
        steps = "1 step" if len(checklist) == 1 else f"{len(checklist)} steps"
        parts.append((f"\n{steps} taken to make contact harder", "$text-muted"))
    return Content.assemble(*parts)


def calendar_words(day: date) -> str:
    """A day written out: "Saturday 7 November", with the year when it is not this one."""
    words = f"{day:%A} {day.day} {day:%B}"
    return words if day.year == today().year else f"{words} {day.year}"


def iso_day(value: Any) -> date | None:
    """The date at the start of an ISO date or date-time text, or None if there is none."""
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def letter_text(letters: Any) -> Content | None:
    """The newest letter that may be opened, or a word that one is waiting, or None."""
    if not isinstance(letters, list):
        return None
    dated = [
        (opens, letter)
        for letter in letters
        if isinstance(letter, dict) and letter.get("text")
        for opens in [iso_day(letter.get("open_on"))]
        if opens is not None
    ]
    ready = [pair for pair in dated if pair[0] <= today()]
    waiting = sorted(day for day, _ in dated if day > today())
    if ready:
        _, letter = max(ready, key=lambda pair: (pair[0], str(pair[1].get("written_at", ""))))
        written = iso_day(letter.get("written_at"))
        heading = "A letter from you"
        if written:
            heading += f", written on {calendar_words(written)}"
        parts: list[Any] = [(heading, "bold"), "\n", (str(letter["text"]), "italic")]
        if waiting:
            parts.append(
                (f"\nAnother letter opens on {calendar_words(waiting[0])}.", "$text-muted")
            )
        return Content.assemble(*parts)
    if waiting:
        return Content(
            f"A letter to future you is waiting. It opens on {calendar_words(waiting[0])}."
        )
    return None


class HomeScreen(Screen[None]):
    """Where every visit starts: the stages on the left, how things are on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(number),
                f"open_stage({number})",
                "Open a stage",
                show=number == 1,
                key_display="1-5",
            )
            for number in range(1, 6)
        ),
        Binding("h", "review", "History"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.stages = load_stages()

    @property
    def coach(self) -> NoContactApp:
        from tui.app import NoContactApp

        assert isinstance(self.app, NoContactApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Horizontal(id="home"):
            with Vertical(id="stages-column"):
                yield Static("Five stages", classes="heading")
                with VerticalScroll(id="stages", can_focus=False):
                    for number, stage in self.stages.items():
                        yield StageCard(number, stage.title, stage.summary, id=f"stage-{number}")
            with VerticalScroll(id="side-column"):
                yield Static(id="latest-mood", classes="card")
                # A letter that has opened is a moment of its own: it comes before the rest.
                yield Static(id="letter", classes="card")
                with Vertical(id="tracker"):
                    yield TrackerPanel(self.store)
                yield Static(id="boundaries", classes="card")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "No Contact Coach"

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read everything home shows again: other screens and other processes write."""
        if not self.is_mounted:
            # A resume can arrive while home is still being put together (a click right at
            # start-up): read once its cards exist rather than look for them now.
            self.call_later(self.reload)
            return
        overview = self.store.overview()
        self.show_stages(overview)
        self.show_card("#latest-mood", "Latest mood", mood_text(overview.latest_mood))
        self.show_card(
            "#boundaries",
            "My boundaries",
            boundaries_text(self.store.setting(setting_keys.BOUNDARIES_CARD)),
        )
        self.show_card(
            "#letter", "Letter to future me", letter_text(self.store.setting(setting_keys.LETTERS))
        )
        # Reading may have found a broken file and kept it aside: say so now, not at next start.
        self.coach.show_notices()

    def show_stages(self, overview: Overview) -> None:
        for number in self.stages:
            self.query_one(f"#stage-{number}", StageCard).show_progress(
                progress_words(
                    overview.sessions_per_stage.get(number, 0),
                    overview.last_session_per_stage.get(number),
                )
            )

    def show_card(self, selector: str, title: str, content: Content | None) -> None:
        card = self.query_one(selector, Static)
        card.display = content is not None
        if content is not None:
            card.border_title = title
            card.update(content)

    @on(StageCard.Chosen)
    def stage_chosen(self, event: StageCard.Chosen) -> None:
        self.coach.open_stage(event.number)

    def action_open_stage(self, number: int) -> None:
        """Open stage `number`."""
        self.coach.open_stage(number)

    def action_review(self) -> None:
        """Open history and review."""
        self.coach.open_review()
