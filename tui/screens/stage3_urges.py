"""Stage 3, urge surfing: your reasons, the urge timer and its check-ins, and an urge record."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from tui.content.stages import Field, Stage
from tui.screens.stage import StageScreen
from tui.screens.stage_fields import field_id
from tui.store import setting_keys
from tui.store.records import Draft, Session, Urge
from tui.store.store import Store
from tui.widgets.mood_slider import MoodSlider
from tui.widgets.urge_timer import UrgeTimer


class UrgeCheckIn(ModalScreen[int | None]):
    """How strong is the urge now? One number, then back to the timer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "keep", "Note it"),
        Binding("escape", "dismiss(None)", "Not now"),
    ]

    DEFAULT_CSS = """
    UrgeCheckIn {
        align: center middle;
        & > Vertical {
            width: 76; height: auto; padding: 1 2;
            border: round $primary; background: $surface;
        }
        #checkin-title { text-style: bold; margin-bottom: 1; }
        Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, labels: tuple[str, ...], value: int, *, final: bool) -> None:
        super().__init__()
        self.labels = labels
        self.value = value
        self.final = final

    def compose(self) -> ComposeResult:
        title = "Time is up. How strong is the urge now?" if self.final else "A check-in"
        with Vertical():
            yield Static(title, id="checkin-title")
            if not self.final:
                yield Static("How strong is the urge now? Just notice; there is no wrong answer.")
            yield MoodSlider(self.value, labels=self.labels, id="checkin-strength")
            with Horizontal():
                yield Button("Not now", id="checkin-skip")
                yield Button("Note it", id="checkin-keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one(MoodSlider).focus()

    def action_keep(self) -> None:
        """Close with the strength shown."""
        self.dismiss(self.query_one(MoodSlider).value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "checkin-keep":
            self.action_keep()
        else:
            self.dismiss(None)


class UrgeStage(StageScreen):
    """Notice the urge, write the unsent message, find the need, ride it out."""

    def __init__(
        self, stage: Stage, store: Store, *, draft: Draft | None = None, live: bool = True
    ) -> None:
        super().__init__(stage, store, draft=draft, live=live)
        reasons = store.setting(setting_keys.REASONS, "")
        self.reasons = reasons.strip() if isinstance(reasons, str) else ""

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
    def _check_in(self, event: UrgeTimer.CheckInDue) -> None:
        latest = self.timer.last_strength
        start = latest if latest is not None else self._initial_strength()
        modal = UrgeCheckIn(self.strength_labels, start, final=event.final)
        self.app.push_screen(modal, self._checked_in)

    def _checked_in(self, strength: int | None) -> None:
        if strength is not None:
            self.timer.add_checkin(strength)
        elif not self.timer.finished:
            self.timer.running = True
        self.timer.query_one(Button).focus()

    def _initial_strength(self) -> int:
        slider = self.fields["urge_strength"]
        assert isinstance(slider, MoodSlider)
        return slider.value

    def save_extras(self, session: Session) -> None:
        """Count this urge among those ridden out, at its latest strength."""
        if not self.touched():
            return  # an untouched page is not an urge
        answers: dict[str, Any] = session.answers
        latest = self.timer.last_strength
        self.store.add(
            Urge(
                at=session.saved_at,
                strength=latest if latest is not None else self._initial_strength(),
                note=answers.get("need", ""),
                acted=False,
                source="session",
            )
        )


SCREEN = UrgeStage
