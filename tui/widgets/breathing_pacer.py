"""Paced breathing: a bar that grows on the breath in and shrinks on the breath out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Button, Static

from tui.widgets.timed_exercise import TimedExercise

PHASES: tuple[tuple[str, float], ...] = (
    ("Breathe in", 4.0),
    ("Hold", 2.0),
    ("Breathe out", 6.0),
)
"""Each phase and its seconds; the long breath out is what calms."""
ROUND_SECONDS = sum(seconds for _, seconds in PHASES)


def phase_at(elapsed: float) -> tuple[str, float]:
    """The phase name at `elapsed` seconds and how full the bar is then (0 to 1)."""
    moment = elapsed % ROUND_SECONDS
    for name, seconds in PHASES:
        if moment < seconds:
            part = moment / seconds
            if name == "Breathe in":
                return name, part
            return name, 1.0 if name == "Hold" else 1.0 - part
        moment -= seconds
    return PHASES[0][0], 0.0


class BreathBar(Widget):
    """The bar itself: `fill` from 0 (empty) to 1 (full width)."""

    DEFAULT_CSS = """
    BreathBar { height: 3; width: 1fr; color: $primary; background: $boost; }
    """

    fill: reactive[float] = reactive(0.0)

    def render(self) -> Text:
        width = self.content_size.width
        cells = round(self.fill * width)
        line = " " * ((width - cells) // 2) + "█" * cells
        return Text("\n".join([line] * self.content_size.height), no_wrap=True)


class BreathingPacer(TimedExercise):
    """A few rounds of slow breathing to follow; it can be paused and skipped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "start_pause", "Begin or pause breathing", show=False),
        Binding("s", "skip", "Skip breathing", show=False),
    ]

    DEFAULT_CSS = """
    BreathingPacer {
        height: auto;
        padding: 1 2;
        border: round $border-blurred;
        &:focus-within { border: round $border; }
        #pacer-phase { text-style: bold; width: 1fr; text-align: center; }
        #pacer-count { color: $text-muted; width: 1fr; text-align: center; }
        #pacer-buttons { height: auto; margin-top: 1; align-horizontal: center; }
        #pacer-buttons Button { margin: 0 1; }
    }
    """

    TICK = 0.2

    @dataclass
    class Done(Message):
        """Posted when the last round ends or the person skips."""

        pacer: BreathingPacer

    def __init__(self, rounds: int = 5, *, live: bool = True, id: str | None = None) -> None:
        super().__init__(live=live, id=id)
        self.rounds = rounds

    def compose(self) -> ComposeResult:
        yield Static("Ready when you are", id="pacer-phase")
        yield BreathBar()
        yield Static(self._count_text(), id="pacer-count")
        with Horizontal(id="pacer-buttons"):
            yield Button("Begin", id="pacer-toggle", variant="primary")
            yield Button("Skip", id="pacer-skip")

    @property
    def finished(self) -> bool:
        return self.skipped or self.elapsed >= self.rounds * ROUND_SECONDS

    @property
    def rounds_done(self) -> int:
        return min(self.rounds, int(self.elapsed // ROUND_SECONDS))

    @property
    def answer(self) -> dict[str, Any] | None:
        """What a session keeps: rounds breathed, or nothing if never begun."""
        if not self.elapsed and not self.skipped:
            return None
        return {"rounds": self.rounds_done, "finished": self.finished, "skipped": self.skipped}

    def restore(self, value: Any) -> None:
        """Show a saved answer again: the rounds done, finished or skipped."""
        if isinstance(value, dict):
            self.elapsed = float(value.get("rounds", 0)) * ROUND_SECONDS
            self.skipped = bool(value.get("skipped", False))

    def _count_text(self) -> str:
        if self.skipped:
            return "Skipped. That is fine; you can come back to it."
        if self.finished:
            return f"{self.rounds} rounds done. Notice how your body feels now."
        return f"Round {self.rounds_done + 1} of {self.rounds}"

    def paint(self) -> None:
        if not self.children:
            return  # not composed yet; on_mount paints
        if self.finished:
            name, fill = ("Done" if not self.skipped else "Skipped"), 0.0
        elif not self.elapsed and not self.running:
            name, fill = "Ready when you are", 0.0
        else:
            name, fill = phase_at(self.elapsed)
            if not self.running:
                name = f"Paused ({name.lower()})"
        self.query_one("#pacer-phase", Static).update(name)
        self.query_one(BreathBar).fill = fill
        self.query_one("#pacer-count", Static).update(self._count_text())
        toggle = self.query_one("#pacer-toggle", Button)
        toggle.label = "Pause" if self.running else ("Begin" if not self.elapsed else "Resume")
        toggle.disabled = self.finished
        self.query_one("#pacer-skip", Button).disabled = self.finished

    def advance(self, seconds: float) -> None:
        if self.finished:
            return
        self.elapsed = min(self.rounds * ROUND_SECONDS, self.elapsed + seconds)
        if self.finished:
            self.running = False
            self.post_message(self.Done(self))

    def action_start_pause(self) -> None:
        """Begin, pause or resume."""
        if not self.finished:
            self.running = not self.running

    def action_skip(self) -> None:
        """Stop here; nothing is lost by skipping."""
        if not self.finished:
            self.running = False
            self.skipped = True
            self.post_message(self.Done(self))

    @on(Button.Pressed, "#pacer-toggle")
    def _pressed_toggle(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start_pause()

    @on(Button.Pressed, "#pacer-skip")
    def _pressed_skip(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_skip()
