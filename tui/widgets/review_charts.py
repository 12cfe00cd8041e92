"""The Charts tab of the review: every chart in one scrolling pane that takes focus and keys."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll

from tui.analysis import Totals, daily_means
from tui.widgets.mood_calendar import MoodCalendar
from tui.widgets.mood_chart import MoodChart
from tui.widgets.stage_effect import StageEffectChart
from tui.widgets.weekday_hour_chart import WeekdayHourChart


class ReviewCharts(VerticalScroll, can_focus=True):
    """Mood over time, a year in pixels, the week and the day, and what each stage does."""

    DEFAULT_CSS = """
    ReviewCharts { height: 1fr; }
    ReviewCharts:focus { background-tint: $foreground 3%; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "next_bucket", "Days/weeks/months"),
        Binding("left_square_bracket", "earlier", "Year back"),
        Binding("right_square_bracket", "later", "Year on"),
        Binding("n", "numbers", "Numbers"),
    ]

    def __init__(
        self, today: date, stage_name: Callable[[int], str], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.today = today
        self.stage_name = stage_name
        self.totals: Totals | None = None
        """What the charts show; None while history is still being read."""

    def on_mount(self) -> None:
        # History can be read before the charts are put together: draw once they are.
        self.call_later(self._draw)

    def compose(self) -> ComposeResult:
        yield MoodChart(self.today)
        yield MoodCalendar(self.today)
        yield WeekdayHourChart()
        yield StageEffectChart(self.stage_name)

    def show(self, totals: Totals) -> None:
        """Draw every chart from these totals."""
        self.totals = totals
        self._draw()

    def _draw(self) -> None:
        totals = self.totals
        if totals is None or not self.is_mounted:
            return
        self.query_one(MoodChart).show(totals)
        self.query_one(MoodCalendar).show(daily_means(totals))
        self.query_one(WeekdayHourChart).show(totals)
        self.query_one(StageEffectChart).show(totals)

    def action_next_bucket(self) -> None:
        """Mood over time by day, then week, then month."""
        self.query_one(MoodChart).next_bucket()

    def action_earlier(self) -> None:
        """The year in pixels a year further back."""
        self.query_one(MoodCalendar).earlier()

    def action_later(self) -> None:
        """The year in pixels a year nearer today."""
        self.query_one(MoodCalendar).later()

    def action_numbers(self) -> None:
        """The year in pixels as numbers, or back to colours."""
        calendar = self.query_one(MoodCalendar)
        calendar.numbers = not calendar.numbers
