"""The clockwork shared by the timed exercises (breathing, riding out an urge)."""

from __future__ import annotations

from typing import ClassVar

from textual.containers import Vertical
from textual.reactive import reactive
from textual.timer import Timer


class TimedExercise(Vertical):
    """An exercise whose `elapsed` time moves on, a tick at a time, while it is running."""

    TICK: ClassVar[float] = 1.0
    """Seconds between ticks of the interval."""

    elapsed: reactive[float] = reactive(0.0, init=False)
    """Seconds of the exercise done so far."""
    running: reactive[bool] = reactive(False, init=False)
    skipped: reactive[bool] = reactive(False, init=False)

    def __init__(self, *, live: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.live = live
        """False in tests: no interval runs and time moves only by `advance`."""
        self._timer: Timer | None = None

    def paint(self) -> None:
        """Show the current state; each exercise draws its own."""
        raise NotImplementedError

    def advance(self, seconds: float) -> None:
        """Move the exercise on by `seconds` (the interval calls this; so can a test)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.paint()

    def watch_elapsed(self) -> None:
        self.paint()

    def watch_skipped(self) -> None:
        self.paint()

    def watch_running(self, running: bool) -> None:
        if running and self.live and self._timer is None:
            self._timer = self.set_interval(self.TICK, self._tick)
        elif not running and self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.paint()

    def _tick(self) -> None:
        self.advance(self.TICK)
