"""Stage 3, urge surfing: your reasons, the urge timer and its check-ins, and an urge record."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Static

from tui.content.insights import load_insight_text
from tui.content.stages import Field, Stage
from tui.screens.dialog import Dialog
from tui.screens.helped import show_helped_lately
from tui.screens.stage import StageScreen
from tui.screens.stage_fields import field_id
from tui.store import setting_keys
from tui.store.records import Draft, Session, Urge
from tui.store.store import Store
from tui.widgets.helped_list import HelpedList
from tui.widgets.mood_slider import MoodSlider
from tui.widgets.urge_timer import UrgeTimer

STRENGTH_HINT = "left and right, or a number key, say how strong; enter notes it."


class UrgeCheckIn(Dialog[int | None]):
    """How strong is the urge now? One number, then back to the timer (None: not now)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Not now"),
    ]

    DEFAULT_CSS = """
    UrgeCheckIn {
        & > #dialog { width: 76; padding: 1 2 0 2; }
        #checkin-title { text-style: bold; margin-bottom: 1; }
    }
    """

    def __init__(self, labels: tuple[str, ...], value: int | None, *, final: bool) -> None:
        super().__init__()
        self.labels = labels
        self.value = value
        self.final = final

    def compose_body(self) -> ComposeResult:
        title = "Time is up. How strong is the urge now?" if self.final else "A check-in"
        yield Static(title, id="checkin-title")
        if not self.final:
            yield Static("How strong is the urge now? Just notice; there is no wrong answer.")
        yield MoodSlider(self.value, labels=self.labels, id="checkin-strength")
        yield Static(STRENGTH_HINT, id="checkin-hint", classes="dialog-hint")

    def buttons(self) -> list[Button]:
        return [Button("Note it", id="checkin-keep"), Button("Not now", id="checkin-skip")]

    def on_mount(self) -> None:
        self.query_one(MoodSlider).focus()

    @on(MoodSlider.Submitted)
    def action_keep(self) -> None:
        """Close with the strength shown; a slider not set yet waits to be moved."""
        strength = self.query_one(MoodSlider).value
        if strength is None:
            self.app.bell()
            return
        self.dismiss(strength)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "checkin-keep":
            self.action_keep()
        else:
            self.dismiss(None)


class UrgeStage(StageScreen):
    """Notice the urge, write the unsent message, find the need, ride it out: beside the
    timer, what has helped before, in the person's own words."""

    DEFAULT_CSS = """
    UrgeStage #helped { margin-top: 1; }
    """

    def __init__(
        self, stage: Stage, store: Store, *, draft: Draft | None = None, live: bool = True
    ) -> None:
        super().__init__(stage, store, draft=draft, live=live)
        reasons = store.setting(setting_keys.REASONS, "")
        self.reasons = reasons.strip() if isinstance(reasons, str) else ""

    def _compose_field(self, field: Field) -> ComposeResult:
        yield from super()._compose_field(field)
        if field.kind == "urge_timer":
            text = load_insight_text()
            intro, none_yet = text.say("helped", "intro"), text.say("helped", "at_urge_none")
            yield HelpedList(intro, none_yet, id="helped", classes="stage-card")

    def on_mount(self) -> None:
        # StageScreen's on_mount runs after this one by itself (Textual calls each class's).
        show_helped_lately(self, self.store)

    def build_special(self, field: Field) -> Widget:
        if field.kind == "reasons":
            text = self.reasons or field.placeholder
            return Static(text, id=field_id(field.key), classes="stage-card", markup=False)
        if field.kind == "urge_timer":
            return UrgeTimer(live=self.live, id=field_id(field.key))
        return super().build_special(field)

    @property
    def timer(self) -> UrgeTimer:
        timer = self.fields["urge_timer"]
        assert isinstance(timer, UrgeTimer)
        return timer

    @property
    def strength_labels(self) -> tuple[str, ...]:
        return next(field.labels for field in self.stage.fields if field.key == "urge_strength")

    @on(UrgeTimer.CheckInDue)
    @work
    async def _check_in(self, event: UrgeTimer.CheckInDue) -> None:
        """Ask how strong the urge is now, starting from the last strength given."""
        modal = UrgeCheckIn(self.strength_labels, self.latest_strength(), final=event.final)
        strength = await self.app.push_screen_wait(modal)
        if strength is not None:
            self.timer.add_checkin(strength)
        elif not self.timer.finished:
            self.timer.running = True
        self.timer.query_one(Button).focus()

    def latest_strength(self) -> int | None:
        """The urge's strength at the last check-in, else as first given; None if never."""
        latest = self.timer.last_strength
        return latest if latest is not None else self.mood("urge_strength")

    def save_extras(self, session: Session) -> None:
        """Count this urge among those ridden out, at its latest strength.

        Without a strength given (first or at a check-in) no urge is recorded: a number
        the person never gave is never saved.
        """
        strength = self.latest_strength()
        if strength is None:
            return
        answers: dict[str, Any] = session.answers
        self.store.add(
            Urge(
                at=session.saved_at,
                strength=strength,
                note=answers.get("need", ""),
                acted=False,
                source="session",
            )
        )


SCREEN = UrgeStage
