"""Average mood by day of the week and by hour of the day, as two bar charts side by side."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual_plotext import PlotextPlot

from tui.analysis import WEEKDAYS, mean_by_hour, mean_by_weekday
from tui.store.records import MoodLog
from tui.widgets.chart_colors import theme_rgb

HOUR_TICKS = [0, 3, 6, 9, 12, 15, 18, 21]


class WeekdayHourChart(Horizontal):
    """When in the week and in the day mood tends to be higher or lower."""

    DEFAULT_CSS = """
    WeekdayHourChart { height: 14; }
    WeekdayHourChart PlotextPlot { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="by-weekday")
        yield PlotextPlot(id="by-hour")

    def show(self, moods: Sequence[MoodLog]) -> None:
        """Plot the averages of these mood logs."""
        colour = theme_rgb(self.app, "primary")
        weekday = self.query_one("#by-weekday", PlotextPlot)
        self._bars(weekday, list(WEEKDAYS), mean_by_weekday(moods), "By day of the week", colour)
        hour = self.query_one("#by-hour", PlotextPlot)
        self._bars(hour, list(range(24)), mean_by_hour(moods), "By hour of the day", colour)
        hour.plt.xticks(HOUR_TICKS, [f"{tick:02d}h" for tick in HOUR_TICKS])

    @staticmethod
    def _bars(
        plot: PlotextPlot,
        labels: list[str] | list[int],
        means: list[float | None],
        title: str,
        colour: tuple[int, int, int],
    ) -> None:
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(title if any(mean is not None for mean in means) else f"{title}: no logs yet")
        # A bar of zero height stands for "no log": plotext draws nothing there.
        plt.bar(labels, [mean or 0 for mean in means], color=colour, width=0.6)
        plt.ylim(0, 10)
        plt.yticks([0, 5, 10])
        plot.refresh()
