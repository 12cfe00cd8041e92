"""Mood over time: the average of each day, week or month, and a rolling average over it."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import RadioButton, RadioSet
from textual_plotext import PlotextPlot

from tui.analysis import (
    BUCKETS,
    ROLLING_WINDOW,
    Bucket,
    Totals,
    days_logged,
    mood_series,
    rolling_average,
    series_since,
    span_words,
    time_axis,
)
from tui.content.review import load_review_text
from tui.widgets.chart_colors import theme_rgb

BUCKET_LABELS: dict[Bucket, str] = {"day": "Days", "week": "Weeks", "month": "Months"}
UNITS: dict[Bucket, tuple[str, str]] = {
    "day": ("day", "days"),
    "week": ("week", "weeks"),
    "month": ("month", "months"),
}
Y_AXIS_WIDTH = 8
"""Columns plotext gives the scale on the left and the frame."""
TICK_ROOM = 13
"""Columns each x label needs with a gap: "23 Nov 2026" and two spaces."""
LEAST_FOR_AVERAGE = 3
"""Fewer points than this draw no rolling average: it would only repeat them."""


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
        self.totals: Totals | None = None
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
        # is_mounted turns true only after this handler: draw once mounting is done.
        self.call_later(self._replot)

    def on_resize(self) -> None:
        self._replot()  # the number of dates on the axis follows the width

    def show(self, totals: Totals) -> None:
        """Plot these totals."""
        self.totals = totals
        self._replot()

    def next_bucket(self) -> None:
        """Days, then weeks, then months, then days again."""
        following = BUCKETS[(BUCKETS.index(self.bucket) + 1) % len(BUCKETS)]
        self.query_one(f"#bucket-{following}", RadioButton).value = True

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.bucket = BUCKETS[event.index]
        self._replot()

    def title(self) -> str:
        """What the chart shows, with the real span of the days it draws."""
        text = load_review_text()
        if self.totals is None:
            return text.say("charts_loading")
        since = series_since(self.bucket, self.today)
        logged = days_logged(self.totals, since)
        if logged is None:
            if days_logged(self.totals) is None:
                return text.say("chart_none")
            return text.say("chart_none_in", window=text.say(f"window_{self.bucket}"))
        return text.say("chart_title", unit=UNITS[self.bucket][0], span=span_words(*logged))

    def _replot(self) -> None:
        if not self.is_mounted:
            return
        text = load_review_text()
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(self.title())
        plt.ylim(0, 10)
        plt.yticks([0, 2, 4, 6, 8, 10])
        since = series_since(self.bucket, self.today)
        points = mood_series(self.totals, self.bucket, since) if self.totals else []
        if not points:
            plt.xlim(0, 1)
            plt.xticks([])
            plot.refresh()
            return
        room = max(1, (plot.size.width - Y_AXIS_WIDTH) // TICK_ROOM)
        axis = time_axis(points[0].start, points[-1].start, self.bucket, room)
        plt.xlim(axis.low, axis.high)
        plt.xticks(list(axis.ticks), list(axis.labels))
        xs = [float(point.start.toordinal()) for point in points]
        means = [point.mean for point in points]
        one, many = UNITS[self.bucket]
        colour = theme_rgb(self.app, "accent")
        plt.plot(xs, means, marker="braille", color=colour, label=text.say("chart_each", unit=one))
        if len(points) < LEAST_FOR_AVERAGE:
            plt.scatter(xs, means, marker="●", color=colour)  # a dot or two in braille hides
        window = ROLLING_WINDOW[self.bucket]
        if len(points) >= LEAST_FOR_AVERAGE:
            plt.plot(
                xs,
                rolling_average(means, window),
                marker="braille",
                color=theme_rgb(self.app, "primary"),
                label=text.say("chart_average", count=window, units=many),
            )
        plot.refresh()
