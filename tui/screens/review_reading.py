"""The reading half of history and review: the month index, entries saved elsewhere, and
filters run month by month in a thread. ReviewScreen (review.py) draws what it reads.
"""

from __future__ import annotations

import time
from datetime import date

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from tui.review_entries import EntryFilter
from tui.review_rows import AllRows, MatchedRows, MonthPages, matches_in, scan
from tui.screens.review_totals import TotalsReader
from tui.store.month_index import MonthIndex, Stamp, build_index, history_signature
from tui.store.store import Store, month_key
from tui.widgets.entry_table import EntryTable

FRAME = 1 / 60
HAND_OVER_SECONDS = 0.2
"""How often the reader hands a filter's matches to the screen after the first."""
WATCH_SECONDS = 1.0
"""How often history on disk is checked for entries saved elsewhere."""


class HistoryReader(Screen[None]):
    """A screen that reads history a month at a time into an EntryTable, and keeps it current."""

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.pages = MonthPages(store, today)
        self.rows: AllRows | MatchedRows = AllRows(self.pages)
        """What the table shows: every entry, or the matches of the filter."""
        self.entry_filter = EntryFilter()
        self.loaded = False
        """True once the month index has been read."""
        self.stopped = False
        """True when the person stopped a filter before it reached the oldest month."""
        self.follow_end = False
        """Set by `o` while a filter runs: the cursor keeps to the oldest match found."""
        self.totals = TotalsReader(self.pages)
        """The numbers of the Charts and Insights tabs, read when one of them first shows."""
        self._signature: Stamp | None = None

    @property
    def table(self) -> EntryTable:
        return self.query_one(EntryTable)

    @property
    def scanning(self) -> bool:
        """True while a filter is still being run over older months."""
        rows = self.rows
        return isinstance(rows, MatchedRows) and not rows.finished and not self.stopped

    @property
    def is_filling(self) -> bool:
        """True until the index is read, a filter has run, and a wanted tab's numbers are read."""
        return not self.loaded or self.scanning or self.totals.reading

    def start_reading(self) -> None:
        """Read the index now, and look for entries saved elsewhere from now on."""
        self._read_index()
        self.set_interval(WATCH_SECONDS, self._look_for_changes)

    def rows_updated(self) -> None:
        """Called whenever the rows, or how far a filter has looked, have changed."""

    def totals_updated(self) -> None:
        """Called when the totals behind the charts and insights have changed."""

    # -- the index, and entries saved elsewhere ------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def _read_index(self) -> None:
        """Read the month index off the screen's thread."""
        signature = history_signature(self.store, self._this_month())
        index = build_index(self.store)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._index_read, index, signature)

    def _this_month(self) -> list[str]:
        """The month whose files a quick save (`nocontact log`) is most likely to change."""
        return [month_key(self.today)]

    def _look_for_changes(self) -> None:
        if self.loaded and history_signature(self.store, self._this_month()) != self._signature:
            self._read_index()

    def on_screen_resume(self) -> None:
        self._look_for_changes()  # a mood logged over the review shows at once

    def _index_read(self, index: MonthIndex, signature: Stamp) -> None:
        self._signature = signature
        table = self.table
        before = table.rows.entry(table.cursor_row) if len(table.rows) else None
        old_cursor, old_top = table.cursor_row, table.top_row
        changed = self.pages.use(index)
        first = not self.loaded
        self.loaded = True
        rows = self.rows
        if isinstance(rows, MatchedRows):
            for key in sorted(changed, reverse=True):
                if rows.looked_through(key):
                    rows.add(key, matches_in(self.pages, self.entry_filter, key))
        if first:
            table.show_rows(rows)
        else:
            found = rows.row_of(before) if before is not None else None
            cursor = old_cursor if found is None else found
            # At the top, new entries show above the cursor; further down, nothing moves.
            scroll = old_top if old_top == 0 else old_top + cursor - old_cursor
            table.rows_changed(cursor, scroll)
            self.totals.refresh_months(changed, self.totals_updated)
        self.rows_updated()

    # -- filters ------------------------------------------------------------------

    def run_filter(self, entry_filter: EntryFilter) -> None:
        """Show what `entry_filter` keeps, looked for month by month from the newest."""
        self.entry_filter = entry_filter
        self.stopped = self.follow_end = False
        self.workers.cancel_group(self, "scan")
        if self.entry_filter.is_empty:
            self.rows = AllRows(self.pages)
        else:
            self.rows = MatchedRows(self.pages, self.entry_filter)
            self._scan(self.rows)
        self.table.show_rows(self.rows)
        self.rows_updated()

    @work(thread=True, exclusive=True, group="scan")
    def _scan(self, rows: MatchedRows) -> None:
        """Run the filter over every month, newest first, handing matches over as they come."""
        worker = get_current_worker()
        found: list[tuple[str, list[int]]] = []
        handed = 0.0
        for key in scan(self.pages, rows.entry_filter):
            if worker.is_cancelled:
                return
            found.append((key, matches_in(self.pages, rows.entry_filter, key)))
            # The first matches at once, then a batch a few times a second: painting
            # after every month would slow the reading it shows.
            first = not handed and found[-1][1]
            if first or time.monotonic() - handed >= HAND_OVER_SECONDS:
                self.app.call_from_thread(self._matched, rows, found)
                found, handed = [], time.monotonic()
                time.sleep(FRAME)  # let the screen paint what it was handed before reading on
        if not worker.is_cancelled:
            self.app.call_from_thread(self._matched, rows, found)
            self.app.call_from_thread(self._scan_done, rows)

    def stop(self) -> None:
        """Stop running the filter; what it found so far stays."""
        self.workers.cancel_group(self, "scan")
        self.stopped = True
        self.rows_updated()

    def _matched(self, rows: MatchedRows, found: list[tuple[str, list[int]]]) -> None:
        if rows is not self.rows or self.stopped:
            return  # a filter since replaced or stopped
        was_last = self.table.cursor_row >= len(rows) - 1
        for key, offsets in found:
            rows.add(key, offsets)
        follow = self.follow_end and was_last
        self.table.rows_changed(len(rows) - 1 if follow else None)
        self.rows_updated()

    def _scan_done(self, rows: MatchedRows) -> None:
        if rows is self.rows and not self.stopped:
            rows.finished = True
            self.rows_updated()
