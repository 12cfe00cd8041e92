"""The review's table: draws only the rows on screen, so ten years cost what a month does.

A Line API widget (a ScrollView with `render_line`): it holds no rows itself, only a
source that hands out the entry at any row, and asks it for the few rows in view each
time it paints. Moving anywhere, even to the oldest of thousands, costs one page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Protocol

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.content.review import ReviewText
from tui.content.stages import Stage
from tui.date_words import clock_time, short_month
from tui.review_entries import Entry, displayable, kind_names, mood_cell
from tui.review_layout import COLUMN_KEYS, GAP, Layout, fit, fit_names, fit_tags, layout
from tui.store.month_index import HistoryRecord

HEADER_LINES = 1
MARGIN = 1
"""A space before the first column, so the table does not touch the screen's edge."""


class RowSource(Protocol):
    """Rows newest first: how many there are, and the entry at any of them."""

    def __len__(self) -> int: ...

    def entry(self, row: int) -> Entry | None: ...


class NoRows:
    """The source of a table with nothing to show yet."""

    def __len__(self) -> int:
        return 0

    def entry(self, row: int) -> Entry | None:
        return None


@dataclass(frozen=True)
class Columns:
    """What the table needs to know about its columns: titles and how kinds are named."""

    titles: dict[str, str]
    kind_names: Callable[[HistoryRecord], tuple[str, ...]]
    widest_long: int
    """The widest long name of any kind of entry, and below the widest short one."""
    widest_short: int

    @classmethod
    def for_review(cls, text: ReviewText, stages: dict[int, Stage]) -> Columns:
        """The review's columns, with every kind of entry named as data/review.json names it."""

        def short_title(number: int) -> str:
            stage = stages.get(number)
            return stage.short_title if stage else ""

        names = [text.kind_names(kind) for kind in text.kinds if kind != "session"]
        names += [
            text.kind_names("session", number=number, short_title=short_title(number))
            for number in stages
        ]
        return cls(
            titles={key: text.say(f"column_{key}") for key in COLUMN_KEYS},
            kind_names=lambda record: kind_names(record, text, short_title),
            widest_long=max(cell_len(forms[0]) for forms in names),
            widest_short=max(cell_len(forms[-1]) for forms in names),
        )


class EntryTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of history with a cursor; enter or a click opens the row's entry."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-table--header",
        "entry-table--even",
        "entry-table--cursor",
    }

    DEFAULT_CSS = """
    EntryTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
        & > .entry-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .entry-table--even { background: $surface-lighten-1 50%; }
        & > .entry-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .entry-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "first", "Newest", show=False),
        Binding("end,ctrl+end", "last", "Oldest", show=False),
    ]

    cursor_row: reactive[int] = reactive(0, always_update=True)
    """The highlighted row, 0 being the newest."""

    @dataclass
    class Opened(Message):
        """The person asked to open the entry on `row`."""

        entry: Entry
        row: int

    def __init__(self, columns: Columns, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.rows: RowSource = NoRows()

    # -- rows ---------------------------------------------------------------

    def show_rows(self, rows: RowSource, cursor: int = 0, scroll: int | None = None) -> None:
        """Show `rows` with the cursor on `cursor`, scrolled to `scroll` (or to the cursor)."""
        self.rows = rows
        self.rows_changed(cursor, scroll)

    def rows_changed(self, cursor: int | None = None, scroll: int | None = None) -> None:
        """The source gained or lost rows: size the scrollbar again, and paint."""
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows) + 1)
        if cursor is not None:
            self.set_reactive(EntryTable.cursor_row, self._clamp(cursor))
        if scroll is not None:
            self.scroll_to(y=scroll, animate=False, force=True)
        else:
            self._scroll_to_cursor()
        self.refresh()

    @property
    def page_rows(self) -> int:
        """How many rows fit on screen below the header."""
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    @property
    def top_row(self) -> int:
        """The row at the top of the view."""
        return round(self.scroll_offset.y)

    def _clamp(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    def _scroll_to_cursor(self) -> None:
        top, page = self.top_row, self.page_rows
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, force=True)

    def watch_cursor_row(self) -> None:
        self._scroll_to_cursor()
        self.refresh()

    def on_resize(self) -> None:
        self.rows_changed()

    # -- keys and the mouse ----------------------------------------------------

    def action_move(self, step: int) -> None:
        self.cursor_row = self._clamp(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        step = direction * self.page_rows
        self.scroll_to(y=self.top_row + step, animate=False, force=True)
        self.cursor_row = self._clamp(self.cursor_row + step)

    def action_first(self) -> None:
        self.cursor_row = 0

    def action_last(self) -> None:
        self.cursor_row = self._clamp(len(self.rows) - 1)

    def action_open(self) -> None:
        entry = self.rows.entry(self.cursor_row) if len(self.rows) else None
        if entry is not None:
            self.post_message(self.Opened(entry, self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        line = event.y
        row = self.top_row + line - HEADER_LINES
        if line >= HEADER_LINES and 0 <= row < len(self.rows):
            self.cursor_row = row
            self.action_open()

    # -- painting ------------------------------------------------------------

    def current_layout(self) -> Layout:
        width = self.scrollable_content_region.width - MARGIN
        return layout(width, self.columns.widest_long, self.columns.widest_short)

    def row_cells(self, entry: Entry, shape: Layout) -> list[str]:
        """The text of each column shown, fitted to its width."""
        widths = shape.widths
        cells = []
        for key in shape.shown:
            width = widths[key]
            if key == "when":
                when = entry.when
                day = f"{when.day} {short_month(when)} {when.year}"
                cells.append(fit(f"{day} {clock_time(when)}", width))
            elif key == "kind":
                cells.append(fit_names(self.columns.kind_names(entry.record), width))
            elif key == "mood":
                cells.append(fit(mood_cell(entry.record), width))
            elif key == "wrote":
                cells.append(fit(entry.summary, width))
            else:
                cells.append(fit_tags([displayable(tag) for tag in entry.tags], width))
        return cells

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        shape = self.current_layout()
        base = self.rich_style
        if y < HEADER_LINES:
            titles = [fit(self.columns.titles[key], shape.widths[key]) for key in shape.shown]
            style = base + self.get_component_rich_style("entry-table--header")
            return self._strip(titles, style, width)
        row = self.top_row + y - HEADER_LINES
        entry = self.rows.entry(row) if row < len(self.rows) else None
        if entry is None:
            return Strip.blank(width, base)
        if row == self.cursor_row:
            style = base + self.get_component_rich_style("entry-table--cursor")
        elif row % 2:
            style = base + self.get_component_rich_style("entry-table--even")
        else:
            style = base
        return self._strip(self.row_cells(entry, shape), style, width)

    @staticmethod
    def _strip(cells: list[str], style: Style, width: int) -> Strip:
        text = " " * MARGIN + (" " * GAP).join(cells)
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)
