"""A year in pixels: a row per month, newest first, each day coloured by its average mood.

Colour alone is not enough for everyone: the numbers view shows each day's average as a
number (half a month to a line, so every number has room), and it is the view from the
start when NO_COLOR is set. The day and its mood also show under the mouse pointer.
"""

from __future__ import annotations

import calendar
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.events import MouseMove
from textual.reactive import reactive
from textual.widget import Widget

from tui.content.review import load_review_text
from tui.date_words import short_day

CELL = "▐█"
"""A day: a block with a sliver of space before it, so neighbouring days stay apart."""
NO_LOG = "··"
NUMBER_WIDTH = 3
"""A day in the numbers view: room for "10" and a space before it."""
HALF_MONTH = 16
"""Days on each line of a month in the numbers view."""
MONTHS_SHOWN = 12
LABEL_WIDTH = 10
"""Room for "Nov 2026" and a gap before the cells."""


def months_ending(last: date, count: int) -> list[tuple[int, int]]:
    """The `count` (year, month) pairs up to and including the month of `last`, newest first."""
    index = last.year * 12 + last.month - 1
    pairs = (divmod(index - offset, 12) for offset in range(count))
    return [(year, month + 1) for year, month in pairs]


def mood_colour(mood: float, low: Color, middle: Color, high: Color) -> Color:
    """A colour between `low` (0), `middle` (5) and `high` (10)."""
    if mood <= 5:
        return low.blend(middle, max(0.0, mood) / 5)
    return middle.blend(high, min(10.0, mood - 5) / 5)


def shown_number(mean: float) -> str:
    """A day's average as the whole number nearest to it (halves round up)."""
    return str(int(mean + 0.5))


class MoodCalendar(Widget):
    """Twelve months of days, newest month on top, coloured or numbered by average mood."""

    DEFAULT_CSS = """
    MoodCalendar { height: auto; padding: 0 1; }
    """

    years_back: reactive[int] = reactive(0)
    """How many years before the current one the calendar shows (0: the last twelve months)."""
    numbers: reactive[bool] = reactive(False)
    """Whether each day shows its average mood as a number instead of a colour."""

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.means: dict[date, float] = {}

    def on_mount(self) -> None:
        self.numbers = self.app.no_color
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh())

    def show(self, means: dict[date, float]) -> None:
        """Colour the calendar by these daily averages."""
        self.means = means
        self.refresh(layout=True)

    def earlier(self) -> None:
        self.years_back += 1

    def later(self) -> None:
        self.years_back = max(0, self.years_back - 1)

    def watch_numbers(self) -> None:
        self.refresh(layout=True)

    @property
    def header_rows(self) -> int:
        """Lines above the first month: the title, the key, and the day numbers."""
        return 4 if self.numbers else 3

    def shown_months(self) -> list[tuple[int, int]]:
        """The (year, month) rows on screen, newest first."""
        last = self.today.replace(day=1)
        last = last.replace(year=last.year - self.years_back)
        return months_ending(last, MONTHS_SHOWN)

    def day_at(self, x: int, y: int) -> date | None:
        """The day under a point of the widget's content, if it is a day."""
        line, column = y - self.header_rows, x - LABEL_WIDTH
        shown = self.shown_months()
        if self.numbers:
            row, half = divmod(line, 2)
            day = column // NUMBER_WIDTH + 1 + half * HALF_MONTH
            if column // NUMBER_WIDTH >= HALF_MONTH:
                return None
        else:
            row, day = line, column // len(CELL) + 1
        if not (0 <= row < len(shown) and column >= 0):
            return None
        year, month = shown[row]
        return date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None

    def on_mouse_move(self, event: MouseMove) -> None:
        offset = event.get_content_offset(self)
        day = self.day_at(offset.x, offset.y) if offset else None
        mean = self.means.get(day) if day else None
        known = day is not None and mean is not None
        self.tooltip = f"{short_day(day)}: average mood {mean:.1f}" if day and known else None

    def render(self) -> Text:
        text = load_review_text()
        variables = self.app.theme_variables
        low, middle, high = (
            Color.parse(variables[name]) for name in ("error", "warning", "success")
        )
        faint = Style(dim=True)
        shown = self.shown_months()
        (last_year, last_month), (first_year, first_month) = shown[0], shown[-1]
        title = text.say(
            "calendar_title",
            first=f"{calendar.month_abbr[first_month]} {first_year}",
            last=f"{calendar.month_abbr[last_month]} {last_year}",
        )
        out = Text(title + "\n", style="bold")
        if self.numbers:
            out.append(text.say("calendar_numbers") + "\n", style=faint)
            for first_day in (1, HALF_MONTH + 1):
                days = range(first_day, min(first_day + HALF_MONTH, 32))
                label = "Day" if first_day == 1 else ""
                numbers = "".join(f"{day:>{NUMBER_WIDTH}}" for day in days)
                out.append(label.ljust(LABEL_WIDTH) + numbers + "\n", style=faint)
        else:
            out.append(text.say("calendar_legend").ljust(LABEL_WIDTH) + "0 ", style=faint)
            for mood in range(0, 11):
                colour = mood_colour(mood, low, middle, high)
                out.append(CELL, style=Style(color=colour.rich_color))
            out.append(" 10    " + NO_LOG + " " + text.say("calendar_no_log") + "\n", style=faint)
            header = "".join(f"{d:<2}" if d % 5 == 0 or d == 1 else "  " for d in range(1, 32))
            out.append("Day".ljust(LABEL_WIDTH) + header + "\n", style=faint)
        for year, month in shown:
            out.append(f"{calendar.month_abbr[month]} {year}".ljust(LABEL_WIDTH), style=faint)
            for day in range(1, calendar.monthrange(year, month)[1] + 1):
                if self.numbers and day == HALF_MONTH + 1:
                    out.append("\n" + " " * LABEL_WIDTH)
                self._day(out, date(year, month, day), (low, middle, high), faint)
            out.append("\n")
        out.rstrip()
        return out

    def _day(
        self, out: Text, moment: date, colours: tuple[Color, Color, Color], faint: Style
    ) -> None:
        mean = self.means.get(moment)
        width = NUMBER_WIDTH if self.numbers else len(CELL)
        if moment > self.today:
            out.append(" " * width)
        elif mean is None:
            out.append(("·" if self.numbers else NO_LOG).rjust(width), style=faint)
        elif self.numbers:
            out.append(shown_number(mean).rjust(width))
        else:
            colour = mood_colour(mean, *colours)
            out.append(CELL, style=Style(color=colour.rich_color))
