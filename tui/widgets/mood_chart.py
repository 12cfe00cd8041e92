"""Mood over time: the average of each day, week or month, and a rolling average over it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import RadioButton, RadioSet
from textual_plotext import PlotextPlot

from tui.analysis import BUCKETS, ROLLING_WINDOW, Bucket, mood_series, rolling_average, series_since
from tui.store.records import MoodLog
from tui.widgets.chart_colors import theme_rgb

BUCKET_LABELS: dict[Bucket, str] = {"day": "Days", "week": "Weeks", "month": "Months"}
SPAN: dict[Bucket, str] = {
    "day": "the last three months",
    "week": "the last year",
    "month": "all of your history",
}
LINE_LABELS: dict[Bucket, str] = {"day": "each day", "week": "each week", "month": "each month"}
UNITS: dict[Bucket, str] = {"day": "days", "week": "weeks", "month": "months"}
DATE_FORM = "Y-m-d"


class MoodChart(Vertical):
    """A line of average mood per bucket, with its rolling average, and a bucket picker."""

    DEFAULT_CSS = """
    MoodChart { height: auto; }
    MoodChart RadioSet { layout: horizontal; width: auto; border: none; }
    MoodChart RadioSet > RadioButton { width: auto; }
    MoodChart PlotextPlot { height: 16; }
    """

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.moods: Sequence[MoodLog] = ()
        self.bucket: Bucket = "day"

    def compose(self) -> ComposeResult:
        with RadioSet():
            for bucket in BUCKETS:
                yield RadioButton(
                    BUCKET_LABELS[bucket], value=bucket == self.bucket, id=f"bucket-{bucket}"
                )
        yield PlotextPlot()

    def on_mount(self) -> None:
        # Line colours come from the theme, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._replot())

    def show(self, moods: Sequence[MoodLog]) -> None:
        """Plot these mood logs (any order)."""
        self.moods = moods
        self._replot()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.bucket = BUCKETS[event.index]
        self._replot()

    def _replot(self) -> None:
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.date_form(DATE_FORM)
        points = mood_series(self.moods, self.bucket, series_since(self.bucket, self.today))
        window = ROLLING_WINDOW[self.bucket]
        plt.ylim(0, 10)
        plt.yticks([0, 2, 4, 6, 8, 10])
        if not points:
            plt.title(f"No mood logs in {SPAN[self.bucket]}" if self.moods else "No mood logs yet")
        else:
            starts = [point.start.strftime("%Y-%m-%d") for point in points]
            means = [point.mean for point in points]
            plt.title(f"Mood over time: {SPAN[self.bucket]}")
            plt.plot(
                starts,
                means,
                marker="braille",
                color=theme_rgb(self.app, "accent"),
                label=LINE_LABELS[self.bucket],
            )
            plt.plot(
                starts,
                rolling_average(means, window),
                marker="braille",
                color=theme_rgb(self.app, "primary"),
                label=f"average over {window} {UNITS[self.bucket]}",
            )
        plot.refresh()
