"""A year in pixels: one cell per day, a row per month, coloured by that day's average mood."""

from __future__ import annotations

import calendar
from datetime import date

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.events import MouseMove
from textual.reactive import reactive
from textual.widget import Widget

CELL = "▐█"
"""A day: a block with a sliver of space before it, so neighbouring days stay apart."""
NO_LOG = "··"
MONTHS_SHOWN = 12
LABEL_WIDTH = 10
"""Room for "Nov 2026" and a gap before the cells."""
HEADER_ROWS = 2
"""The title and the day numbers above the first month."""


def months_ending(last: date, count: int) -> list[tuple[int, int]]:
    """The `count` (year, month) pairs up to and including the month of `last`, oldest first."""
    index = last.year * 12 + last.month - 1
    pairs = (divmod(index - offset, 12) for offset in reversed(range(count)))
    return [(year, month + 1) for year, month in pairs]


def mood_colour(mood: float, low: Color, middle: Color, high: Color) -> Color:
    """A colour between `low` (0), `middle` (5) and `high` (10)."""
    if mood <= 5:
        return low.blend(middle, max(0.0, mood) / 5)
    return middle.blend(high, min(10.0, mood - 5) / 5)


class MoodCalendar(Widget, can_focus=True):
    """Twelve months of days, each cell coloured by the average mood logged that day."""

    DEFAULT_CSS = """
    MoodCalendar { height: auto; padding: 0 1; }
    MoodCalendar:focus { background: $boost; }
    """

    BINDINGS = [
        Binding("left,[", "earlier", "Earlier year"),
        Binding("right,]", "later", "Later year"),
    ]

    months_back: reactive[int] = reactive(0)
    """How many years before the current one the calendar shows (0: the last twelve months)."""

    def __init__(self, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self.means: dict[date, float] = {}

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh())

    def show(self, means: dict[date, float]) -> None:
        """Colour the calendar by these daily averages."""
        self.means = means
        self.refresh(layout=True)

    def action_earlier(self) -> None:
        self.months_back += 12

    def action_later(self) -> None:
        self.months_back = max(0, self.months_back - 12)

    def shown_months(self) -> list[tuple[int, int]]:
        """The (year, month) rows on screen, oldest first."""
        return months_ending(self.today, MONTHS_SHOWN + self.months_back)[:MONTHS_SHOWN]

    def day_at(self, x: int, y: int) -> date | None:
        """The day under a point of the widget's content, if it is a day."""
        row, column = y - HEADER_ROWS, x - LABEL_WIDTH
        shown = self.shown_months()
        if not (0 <= row < len(shown) and column >= 0):
            return None
        year, month = shown[row]
        day = column // len(CELL) + 1
        return date(year, month, day) if day <= calendar.monthrange(year, month)[1] else None

    def on_mouse_move(self, event: MouseMove) -> None:
        # Colour alone cannot be read by everyone: the day and its mood show under the pointer.
        offset = event.get_content_offset(self)
        day = self.day_at(offset.x, offset.y) if offset else None
        mean = self.means.get(day) if day else None
        known = day is not None and mean is not None
        self.tooltip = f"{day:%a %d %b %Y}: average mood {mean:.1f}" if known else None

    def render(self) -> Text:
        variables = self.app.theme_variables
        low, middle, high = (
            Color.parse(variables[name]) for name in ("error", "warning", "success")
        )
        faint = Style(dim=True)
        shown = self.shown_months()
        first_year, first_month = shown[0]
        last_year, last_month = shown[-1]
        title = (
            f"A year in pixels: {calendar.month_abbr[first_month]} {first_year}"
            f" to {calendar.month_abbr[last_month]} {last_year}"
        )
        text = Text(title + "\n", style="bold")
        header = "".join(f"{day:<2}" if day % 5 == 0 or day == 1 else "  " for day in range(1, 32))
        text.append("Day".ljust(LABEL_WIDTH) + header + "\n", style=faint)
        for year, month in shown:
            text.append(f"{calendar.month_abbr[month]} {year}".ljust(LABEL_WIDTH), style=faint)
            for day in range(1, calendar.monthrange(year, month)[1] + 1):
                moment = date(year, month, day)
                mean = self.means.get(moment)
                if moment > self.today:
                    text.append("  ")
                elif mean is None:
                    text.append(NO_LOG, style=faint)
                else:
                    colour = mood_colour(mean, low, middle, high)
                    text.append(CELL, style=Style(color=colour.rich_color))
            text.append("\n")
        text.append("Mood".ljust(LABEL_WIDTH) + "0 ", style=faint)
        for mood in range(0, 11):
            text.append(CELL, style=Style(color=mood_colour(mood, low, middle, high).rich_color))
        text.append(" 10    ", style=faint)
        text.append(NO_LOG + " no log", style=faint)
        return text
