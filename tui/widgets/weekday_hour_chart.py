"""Average mood by day of the week and by hour of the day, as two bar charts side by side."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual_plotext import PlotextPlot

from tui.analysis import WEEKDAYS, mean_by_hour, mean_by_weekday
from tui.store.records import MoodLog
from tui.widgets.chart_colors import theme_rgb

MAX_LABELS = 12
"""More bars than this, and only every other one is labelled."""


class WeekdayHourChart(Horizontal):
    """When in the week and in the day mood tends to be higher or lower."""

    DEFAULT_CSS = """
    WeekdayHourChart { height: 14; }
    WeekdayHourChart PlotextPlot { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.moods: Sequence[MoodLog] = ()

    def on_mount(self) -> None:
        # Bar colours come from the theme, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.moods))

    def compose(self) -> ComposeResult:
        yield PlotextPlot(id="by-weekday")
        yield PlotextPlot(id="by-hour")

    def show(self, moods: Sequence[MoodLog]) -> None:
        """Plot the averages of these mood logs."""
        self.moods = moods
        colour = theme_rgb(self.app, "primary")
        weekday = self.query_one("#by-weekday", PlotextPlot)
        self._bars(weekday, list(WEEKDAYS), mean_by_weekday(moods), "By day of the week", colour)
        hour = self.query_one("#by-hour", PlotextPlot)
        hours = [f"{hour:02d}h" for hour in range(24)]
        self._bars(hour, hours, mean_by_hour(moods), "By hour of the day", colour)

    @staticmethod
    def _bars(
        plot: PlotextPlot,
        labels: list[str],
        means: list[float | None],
        title: str,
        colour: tuple[int, int, int],
    ) -> None:
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        # Only what has logs gets a bar: a bar of zero height would smear into the axis.
        found = [
            (label, mean) for label, mean in zip(labels, means, strict=True) if mean is not None
        ]
        plt.title(title if found else f"{title}: no logs yet")
        if found:
            plt.bar(
                [label for label, _ in found], [mean for _, mean in found], color=colour, width=0.6
            )
            if len(found) > MAX_LABELS:
                # Categories sit at 1, 2, 3...; every other label keeps them from colliding.
                ticks = range(1, len(found) + 1, 2)
                plt.xticks(list(ticks), [found[tick - 1][0] for tick in ticks])
        plt.ylim(0, 10)
        plt.yticks([0, 5, 10])
        plot.refresh()
