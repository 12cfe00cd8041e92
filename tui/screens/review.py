"""History and review: every entry newest first, with filters, and charts of how things move."""

from __future__ import annotations

import asyncio
import threading
from itertools import takewhile

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Input,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import get_current_worker

from tui import clock
from tui.analysis import daily_means
from tui.content.moods import MoodContent, load_moods
from tui.content.stages import Stage, load_stages
from tui.review_entries import Entry, EntryFilter, history, row_cells
from tui.screens.record_detail import RecordDetailScreen
from tui.store.records import MoodLog, Session
from tui.store.store import Store
from tui.widgets.mood_calendar import MoodCalendar
from tui.widgets.mood_chart import MoodChart
from tui.widgets.review_filters import ReviewFilters, show_options
from tui.widgets.stage_effect import StageEffectChart
from tui.widgets.weekday_hour_chart import WeekdayHourChart

FIRST_BATCH = 100
"""Rows sent before anything else, so the newest entries paint at once."""
FIRST_PAINT_WAIT = 1.0
"""Seconds the reader waits for those first rows to be painted before it reads on, so the
first paint never competes with it for the interpreter."""
LOAD_BATCH = 2000
PAGE = 500
"""Rows added to the table at a time: the newest first, then more as the cursor or the
scroll nears the end, so the table costs the same with ten years behind it as with ten days."""
NEAR_END = 100
"""Rows (or lines) from the end of the table at which the next page is added."""
FRAME = 1 / 60
COLUMNS = (("When", 17), ("Entry", 21), ("Mood", 6), ("What you wrote", 30), ("Tags", 13))
"""Fixed widths: they fit 100 columns, and rows added later never reflow the ones above."""
EMPTY_TEXT = (
    "Nothing here yet, and that is fine.\n\n"
    "Press m to log how you feel right now, or go back and open one of the five stages "
    "(keys 1 to 5). Every mood, session, urge and slip you save will appear here, "
    "newest first, and the Charts tab will start to show how things move over time."
)
EMPTY_HIDES = ("search", "clear_filters", "oldest")
NO_MATCH_TEXT = "No entries match these filters. Press ctrl+l to clear them."


class ReviewScreen(Screen[None]):
    """All of history in a table that fills in the background, and charts beside it."""

    DEFAULT_CSS = """
    ReviewScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    ReviewScreen #entries-table { height: 1fr; }
    ReviewScreen #empty { display: none; padding: 1 2; color: $text; }
    ReviewScreen.-empty #entries-table, ReviewScreen.-no-match #entries-table { display: none; }
    ReviewScreen.-empty #empty, ReviewScreen.-no-match #empty { display: block; }
    ReviewScreen.-empty #filters, ReviewScreen.-empty #status { display: none; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("ctrl+l", "clear_filters", "Clear filters"),
        Binding("o", "oldest", "Oldest entry"),
        # The tabs are on screen and take a click, so their keys live in the help screen.
        Binding("e", "show_tab('entries')", "Entries tab", show=False),
        Binding("c", "show_tab('charts')", "Charts tab", show=False),
    ]

    def __init__(
        self,
        store: Store,
        stages: dict[int, Stage] | None = None,
        moods: MoodContent | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.stages = stages if stages is not None else load_stages()
        self.mood_content = moods if moods is not None else load_moods()
        self.today = clock.today()
        self.entries: list[Entry] = []
        """Every entry read so far, newest first."""
        self.rows: list[Entry] = []
        """The entries in the table, in row order: always the first of `matches`."""
        self.loaded = False
        """True once all of history has been read."""
        self.entry_filter = EntryFilter()
        self.matches: list[Entry] = []
        """The entries the filter keeps, newest first; the table holds the first of them."""
        self._wanted = PAGE
        """How many rows the table should hold: a page more each time its end comes near."""
        self._first_rows_painted = threading.Event()

    def stage_name(self, number: int) -> str:
        stage = self.stages.get(number)
        return f"Stage {number}: {stage.short_title}" if stage else f"Stage {number}"

    def short_stage_name(self, number: int) -> str:
        stage = self.stages.get(number)
        return f"{number}. {stage.short_title}" if stage else f"Stage {number}"

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="tabs"):
            with TabPane("Entries", id="entries"):
                yield ReviewFilters(
                    show_options(sorted(self.stages), self.stage_name), id="filters"
                )
                yield Static("Reading your history…", id="status")
                yield DataTable(cursor_type="row", zebra_stripes=True, id="entries-table")
                yield Static(EMPTY_TEXT, id="empty")
            with TabPane("Charts", id="charts"), VerticalScroll():
                yield MoodChart(self.today)
                yield MoodCalendar(self.today)
                yield WeekdayHourChart()
                yield StageEffectChart(self.stage_name)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "History and review"
        table = self.query_one(DataTable)
        for label, width in COLUMNS:
            table.add_column(label, width=width)
        table.focus()
        self.watch(table, "scroll_y", self._scrolled, init=False)
        self._load()

    # -- reading history in the background ------------------------------------

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        """Read history newest first and hand it to the screen in batches."""
        worker = get_current_worker()
        batch: list[Entry] = []
        size = FIRST_BATCH
        for entry in history(self.store, self.today):
            if worker.is_cancelled:
                return
            batch.append(entry)
            if len(batch) >= size:
                self.app.call_from_thread(self._receive, batch, False)
                if size == FIRST_BATCH:
                    self._first_rows_painted.wait(FIRST_PAINT_WAIT)
                batch, size = [], LOAD_BATCH
        if not worker.is_cancelled:
            self.app.call_from_thread(self._receive, batch, True)

    def _receive(self, batch: list[Entry], done: bool) -> None:
        self.entries.extend(batch)
        self.matches.extend(entry for entry in batch if self.entry_filter.matches(entry))
        if done:
            self.loaded = True
            self._show_charts()
            filters = self.query_one(ReviewFilters)
            filters.suggest_tags({tag for entry in self.entries for tag in entry.tags})
            self.refresh_bindings()
        self._top_up()

    def _top_up(self) -> None:
        """Add matches to the table until it holds the rows wanted (or every match)."""
        end = min(self._wanted, len(self.matches))
        if end > len(self.rows):
            fresh = self.matches[len(self.rows) : end]
            self.rows.extend(fresh)
            self.query_one(DataTable).add_rows(
                row_cells(entry, self.short_stage_name) for entry in fresh
            )
            self.call_after_refresh(self._first_rows_painted.set)
        self._show_status()

    def _more(self) -> None:
        """Another page of older rows, when there are any."""
        if len(self.rows) < len(self.matches):
            self._wanted = len(self.rows) + PAGE
            self._top_up()

    @on(DataTable.RowHighlighted)
    def _cursor_moved(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.rows) - NEAR_END:
            self._more()

    def _scrolled(self, scroll_y: float) -> None:
        if scroll_y >= self.query_one(DataTable).max_scroll_y - NEAR_END:
            self._more()

    @property
    def is_filling(self) -> bool:
        """True while history is still being read or wanted rows are not in the table yet."""
        return not self.loaded or len(self.rows) < min(self._wanted, len(self.matches))

    def _show_status(self) -> None:
        total, shown = len(self.entries), len(self.matches)
        if not self.entry_filter.is_empty:
            text = f"{shown:,} of {total:,} entries match"
        else:
            text = f"{total:,} {'entry' if total == 1 else 'entries'}, newest first"
        hint = " · enter opens one" if self.rows else ""
        self.query_one("#status", Static).update(
            text + (hint if self.loaded else " · reading older months…")
        )
        self.set_class(self.loaded and not self.entries, "-empty")
        self.set_class(self.loaded and bool(self.entries) and not self.rows, "-no-match")
        if self.loaded and self.entries and not self.rows:
            self.query_one("#empty", Static).update(NO_MATCH_TEXT)

    def _show_charts(self) -> None:
        moods = [entry.record for entry in self.entries if isinstance(entry.record, MoodLog)]
        sessions = [entry.record for entry in self.entries if isinstance(entry.record, Session)]
        self.query_one(MoodChart).show(moods)
        self.query_one(MoodCalendar).show(daily_means(moods))
        self.query_one(WeekdayHourChart).show(moods)
        self.query_one(StageEffectChart).show(sessions)

    def on_screen_resume(self) -> None:
        """Add what was saved while another screen was on top (a mood log, say)."""
        if not self.loaded:
            return  # the reader has not reached the end yet, and will see it
        newest = self.entries[0].when if self.entries else None
        same_moment = takewhile(lambda entry: entry.when == newest, self.entries)
        known = {entry.record.id for entry in same_moment}
        fresh = [
            entry
            for entry in history(self.store, self.today, since=newest)
            if entry.record.id not in known
        ]
        if fresh:
            self.entries[:0] = fresh
            self._show_charts()
            self._refill()
            self.refresh_bindings()

    # -- filters ----------------------------------------------------------------

    @on(ReviewFilters.Changed)
    def _filter_changed(self, event: ReviewFilters.Changed) -> None:
        self.entry_filter = event.entry_filter
        self._refill()

    @on(Input.Submitted, "#tag, #search")
    def _search_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def _refill(self) -> None:
        """Empty the table and fill its first page again from the entries already read."""
        self.matches = [entry for entry in self.entries if self.entry_filter.matches(entry)]
        self.rows = []
        self._wanted = PAGE
        self.query_one(DataTable).clear()
        self._top_up()

    @on(DataTable.RowSelected)
    def _open_row(self, event: DataTable.RowSelected) -> None:
        entry = self.rows[event.cursor_row]
        self.app.push_screen(
            RecordDetailScreen(entry.record, self.stages, self.mood_content, self.today)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With nothing saved yet there is nothing to search, filter or go back through.
        return not (action in EMPTY_HIDES and self.loaded and not self.entries)

    def action_back(self) -> None:
        self.dismiss()

    def action_search(self) -> None:
        self.query_one(TabbedContent).active = "entries"
        self.query_one("#search", Input).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    @work(exclusive=True, group="oldest")
    async def action_oldest(self) -> None:
        """Bring every older row into the table, a page per frame, and go to the oldest."""
        table = self.query_one(DataTable)
        while not self.loaded or len(self.rows) < len(self.matches):
            self._more()
            await asyncio.sleep(FRAME)  # a repaint between pages keeps the screen alive
        table.move_cursor(row=max(0, len(self.rows) - 1))

    def action_clear_filters(self) -> None:
        self.query_one(ReviewFilters).clear()
