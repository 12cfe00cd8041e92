"""A countdown to ride an urge out, asking every few minutes how strong it is now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, ProgressBar, Static

from tui.widgets.timed_exercise import TimedExercise

DEFAULT_MINUTES = 10
MIN_MINUTES = 1
MAX_MINUTES = 30
CHECK_EVERY = 180
"""Seconds between check-ins: often enough to see the wave fall, rarely enough to rest."""


def clock_text(seconds: float) -> str:
    """Seconds as m:ss."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


class UrgeTimer(TimedExercise):
    """A timer of a few minutes with check-ins; it can be paused, lengthened and stopped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "start_pause", "Start or pause the timer", show=False),
        Binding("minus", "adjust(-1)", "One minute less", show=False),
        Binding("plus,equals_sign", "adjust(1)", "One minute more", show=False),
        Binding("s", "stop", "Stop the timer", show=False),
    ]

    DEFAULT_CSS = """
    UrgeTimer {
        height: auto;
        padding: 0 2;
        border: round $border-blurred;
        &:focus-within { border: round $border; }
        #timer-clock { text-style: bold; width: 1fr; text-align: center; margin-top: 1; }
        ProgressBar { width: 1fr; align-horizontal: center; }
        #timer-bar Bar { width: 1fr; }
        #timer-note, #timer-checkins { color: $text-muted; width: 1fr; text-align: center; }
        #timer-buttons { height: auto; align-horizontal: center; }
        #timer-buttons Button { margin: 0 1; min-width: 10; }
    }
    """

    minutes: reactive[int] = reactive(DEFAULT_MINUTES, init=False)

    @dataclass
    class CheckInDue(Message):
        """Time to ask how strong the urge is now; `final` when the timer has run out."""

        timer: UrgeTimer
        final: bool

    def __init__(
        self,
        minutes: int = DEFAULT_MINUTES,
        *,
        check_every: int = CHECK_EVERY,
        live: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(live=live, id=id)
        self.set_reactive(UrgeTimer.minutes, minutes)
        self.check_every = check_every
        self.checkins: list[dict[str, int]] = []

    def compose(self) -> ComposeResult:
        yield Static(id="timer-clock")
        yield ProgressBar(total=100, show_percentage=False, show_eta=False, id="timer-bar")
        yield Static(id="timer-note")
        yield Static(id="timer-checkins")
        with Horizontal(id="timer-buttons"):
            yield Button("Start", id="timer-toggle", variant="primary")
            yield Button("−1 min", id="timer-less")
            yield Button("+1 min", id="timer-more")
            yield Button("Stop", id="timer-stop")

    @property
    def total(self) -> int:
        return self.minutes * 60

    @property
    def finished(self) -> bool:
        return self.skipped or self.elapsed >= self.total

    @property
    def last_strength(self) -> int | None:
        """The urge strength at the latest check-in, if any."""
        return self.checkins[-1]["strength"] if self.checkins else None

    @property
    def answer(self) -> dict[str, Any] | None:
        """What a session keeps, or nothing if the timer was never used."""
        if not self.elapsed and not self.skipped:
            return None
        return {
            "minutes": self.minutes,
            "seconds_ridden": round(self.elapsed),
            "checkins": list(self.checkins),
            "finished": self.elapsed >= self.total,
            "skipped": self.skipped,
        }

    def restore(self, value: Any) -> None:
        """Show a saved answer again, paused where it was left."""
        if not isinstance(value, dict):
            return
        self.minutes = int(value.get("minutes", DEFAULT_MINUTES))
        self.checkins = [dict(item) for item in value.get("checkins", [])]
        self.skipped = bool(value.get("skipped", False))
        self.elapsed = float(value.get("seconds_ridden", 0))

    def add_checkin(self, strength: int, *, resume: bool = True) -> None:
        """Keep a check-in's strength and carry on counting down."""
        self.checkins.append({"after_seconds": round(self.elapsed), "strength": strength})
        self.running = resume and not self.finished
        self.paint()

    def paint(self) -> None:
        if not self.children:
            return  # not composed yet; on_mount paints
        left = self.total - self.elapsed
        if self.skipped:
            clock, note = "Stopped", "You can stop whenever you like. You noticed the urge."
        elif self.finished:
            clock, note = "Time is up", "The wave came and you are still here. Well ridden."
        else:
            clock = f"{clock_text(left)} left"
            if not self.running and self.elapsed:
                clock += " (paused)"
                note = "Paused. Resume when you are ready; the urge can wait too."
            elif not self.running:
                note = "Press Start, then simply let the minutes pass. Breathe, notice, wait."
            else:
                due = self.check_every - (self.elapsed % self.check_every)
                note = f"Next check-in in {clock_text(min(due, left))}"
        self.query_one("#timer-clock", Static).update(clock)
        self.query_one("#timer-note", Static).update(note)
        strengths = " → ".join(str(item["strength"]) for item in self.checkins)
        self.query_one("#timer-checkins", Static).update(
            f"Urge at each check-in: {strengths}" if strengths else ""
        )
        self.query_one(ProgressBar).update(total=self.total, progress=self.elapsed)
        toggle = self.query_one("#timer-toggle", Button)
        toggle.label = "Pause" if self.running else ("Resume" if self.elapsed else "Start")
        for button in self.query(Button):
            button.disabled = self.finished
        self.query_one("#timer-less", Button).disabled = self.finished or self.minutes <= max(
            MIN_MINUTES, int(self.elapsed // 60) + 1
        )

    def watch_minutes(self) -> None:
        self.paint()

    def advance(self, seconds: float) -> None:
        if self.finished or not self.running:
            return
        before = self.elapsed
        self.elapsed = min(float(self.total), self.elapsed + seconds)
        if self.finished:
            self.running = False
            self.post_message(self.CheckInDue(self, final=True))
        elif int(self.elapsed // self.check_every) > int(before // self.check_every):
            self.running = False
            self.post_message(self.CheckInDue(self, final=False))

    def action_start_pause(self) -> None:
        """Start, pause or resume."""
        if not self.finished:
            self.running = not self.running

    def action_adjust(self, delta: int) -> None:
        """Lengthen or shorten the ride, never below the time already done."""
        if self.finished:
            return
        floor = max(MIN_MINUTES, int(self.elapsed // 60) + 1)
        self.minutes = max(floor, min(MAX_MINUTES, self.minutes + delta))

    def action_stop(self) -> None:
        """Stop the timer; the session keeps what was ridden."""
        if not self.finished:
            self.running = False
            self.skipped = True

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "timer-toggle": self.action_start_pause,
            "timer-less": lambda: self.action_adjust(-1),
            "timer-more": lambda: self.action_adjust(1),
            "timer-stop": self.action_stop,
        }
        actions[event.button.id or ""]()
