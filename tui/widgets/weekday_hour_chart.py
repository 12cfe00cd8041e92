"""Average mood by day of the week and by hour of the day, as two bar charts side by side."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual_plotext import PlotextPlot

from tui.analysis import WEEKDAYS, Totals, mean_by_hour, mean_by_weekday
from tui.content.review import load_review_text
from tui.widgets.chart_colors import theme_rgb

HOUR_TICKS: list[float] = [0, 3, 6, 9, 12, 15, 18, 21]


class WeekdayHourChart(Horizontal):
    """When in the week and in the day mood tends to be higher or lower."""

    DEFAULT_CSS = """
    WeekdayHourChart { height: 14; }
    WeekdayHourChart PlotextPlot { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.totals = Totals()

    def on_mount(self) -> None:
        # Bar colours come from the theme, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())
        # is_mounted turns true only after this handler: draw once mounting is done.
        self.call_later(self._draw)

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="by-weekday")
        yield PlotextPlot(id="by-hour")

    def show(self, totals: Totals) -> None:
        """Plot the averages in these totals."""
        self.totals = totals
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted:
            return  # on_mount draws what was shown before then
        colour = theme_rgb(self.app, "primary")
        self._weekdays(mean_by_weekday(self.totals), colour)
        self._hours(mean_by_hour(self.totals), colour)

    def _weekdays(self, means: list[float | None], colour: tuple[int, int, int]) -> None:
        """Bars for the days that have logs: seven always fit side by side."""
        plot = self.query_one("#by-weekday", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        # A day without logs gets no bar: one of zero height would smear into the axis.
        found = [(day, mean) for day, mean in zip(WEEKDAYS, means, strict=True) if mean is not None]
        plt.title(load_review_text().say("weekday_title" if found else "weekday_none"))
        if found:
            plt.bar([day for day, _ in found], [mean for _, mean in found], color=colour, width=0.6)
        plt.ylim(0, 10)
        plt.yticks([0, 5, 10])
        plot.refresh()

    def _hours(self, means: list[float | None], colour: tuple[int, int, int]) -> None:
        """A point for each hour that has logs: 24 bars would run together at this width."""
        plot = self.query_one("#by-hour", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        found = [(hour, mean) for hour, mean in enumerate(means) if mean is not None]
        plt.title(load_review_text().say("hour_title" if found else "hour_none"))
        if found:
            hours = [hour for hour, _ in found]
            plt.scatter(hours, [mean for _, mean in found], color=colour, marker="●")
        plt.xlim(-0.5, 23.5)
        plt.xticks(HOUR_TICKS, [f"{hour:02.0f}h" for hour in HOUR_TICKS])
        plt.ylim(0, 10)
        plt.yticks([0, 5, 10])
        plot.refresh()
