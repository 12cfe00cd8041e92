"""The rows behind the review table, read a month at a time from the month index.

`MonthPages` reads months on demand and keeps the few most recently used, so painting
any page of ten years reads at most a month or two. `AllRows` is the whole history by
the index's counts; `MatchedRows` holds only where the matches of a filter are (a month
and places in it), filled by `scan` month by month, newest first, as the reader goes.
Textual-free: the reader thread and the tests use these directly.
"""

from __future__ import annotations

import calendar
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date

from tui.content.review import ReviewText
from tui.review_entries import Entry, EntryFilter, entry_for
from tui.store.month_index import MonthIndex, read_month
from tui.store.store import Store, month_key

MONTHS_KEPT = 8
"""Months of entries kept in memory: a screenful spans one or two."""


class MonthPages:
    """Months of entries, read when first wanted; safe to use from a reader thread too."""

    def __init__(self, store: Store, today: date, months_kept: int = MONTHS_KEPT) -> None:
        self.store = store
        self.today = today
        self.months_kept = months_kept
        self.index = MonthIndex()
        """The index the months are read by; replaced whole when history changes."""
        self.tags: set[str] = set()
        """Every tag in the months read so far, for the tag field's suggestions."""
        self._kept: OrderedDict[str, list[Entry]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    def use(self, index: MonthIndex) -> set[str]:
        """Read by `index` from now on; forget the months it changed, and return them."""
        changed = index.changed_since(self.index)
        with self._lock:
            self.index = index
            self._generation += 1
            for key in changed:
                self._kept.pop(key, None)
        return changed

    def entries(self, key: str, keep: bool = True) -> list[Entry]:
        """Every entry of month `key`, newest first; `keep` holds it for the next paint."""
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
                return found
            generation, index = self._generation, self.index
        entries = [entry_for(record, self.today) for record in read_month(self.store, index, key)]
        with self._lock:
            for entry in entries:
                self.tags.update(entry.tags)
            # A month read while history changed may be stale: used once, never kept.
            if keep and generation == self._generation:
                self._kept[key] = entries
                while len(self._kept) > self.months_kept:
                    self._kept.popitem(last=False)
        return entries

    def place_of(self, entry: Entry) -> tuple[str, int] | None:
        """The month and place in it where `entry`'s record now is, if it is still there."""
        key = entry.month
        if self.index.position(key) is None:
            return None
        for offset, found in enumerate(self.entries(key)):
            if found.record.id == entry.record.id:
                return key, offset
        return None


class AllRows:
    """Every entry, newest first, by the index's count of each month."""

    def __init__(self, pages: MonthPages) -> None:
        self.pages = pages

    def __len__(self) -> int:
        return self.pages.index.total

    def entry(self, row: int) -> Entry | None:
        """The entry on `row`, or None while the month on disk holds fewer than counted."""
        month, offset = self.pages.index.locate(row)
        entries = self.pages.entries(month.key)
        return entries[offset] if offset < len(entries) else None

    def row_of(self, entry: Entry) -> int | None:
        """The row `entry` is on now, if it is still in history."""
        place = self.pages.place_of(entry)
        if place is None:
            return None
        start = self.pages.index.start_of(place[0])
        return None if start is None else start + place[1]


class MatchedRows:
    """The entries a filter keeps, newest first, as far back as the reader has looked."""

    def __init__(self, pages: MonthPages, entry_filter: EntryFilter) -> None:
        self.pages = pages
        self.entry_filter = entry_filter
        self.hits: dict[str, list[int]] = {}
        """Each month looked through, and the places of its matches."""
        self.frontier: str | None = None
        """The oldest month looked through so far."""
        self.finished = False
        """True once every month has been looked through."""
        self._keys: list[str] = []
        self._starts: list[int] = []
        self._total = 0

    def __len__(self) -> int:
        return self._total

    def add(self, key: str, offsets: list[int]) -> None:
        """Months arrive newest first; a month already looked through is looked at again."""
        self.hits[key] = offsets
        if self.frontier is None or key < self.frontier:
            self.frontier = key
        self._reindex()

    def forget(self, key: str) -> None:
        """Month `key` no longer holds anything."""
        if self.hits.pop(key, None) is not None:
            self._reindex()

    def _reindex(self) -> None:
        self._keys = sorted((key for key, found in self.hits.items() if found), reverse=True)
        self._starts, total = [], 0
        for key in self._keys:
            self._starts.append(total)
            total += len(self.hits[key])
        self._total = total

    def entry(self, row: int) -> Entry | None:
        if not 0 <= row < self._total:
            return None
        position = bisect_right(self._starts, row) - 1
        key = self._keys[position]
        entries = self.pages.entries(key)
        offset = self.hits[key][row - self._starts[position]]
        return entries[offset] if offset < len(entries) else None

    def row_of(self, entry: Entry) -> int | None:
        """The row `entry` is on now, if it still matches."""
        place = self.pages.place_of(entry)
        if place is None or place[0] not in self._keys:
            return None
        key, offset = place
        try:
            within = self.hits[key].index(offset)
        except ValueError:
            return None
        return self._starts[self._keys.index(key)] + within

    def looked_through(self, key: str) -> bool:
        """Whether month `key` is newer than, or is, the oldest month looked through."""
        return self.frontier is not None and key >= self.frontier


def matches_in(pages: MonthPages, entry_filter: EntryFilter, key: str) -> list[int]:
    """The places of month `key`'s entries that `entry_filter` keeps."""
    if not entry_filter.may_hold(key):
        return []
    entries = pages.entries(key, keep=False)
    return [offset for offset, entry in enumerate(entries) if entry_filter.matches(entry)]


def scan(pages: MonthPages, entry_filter: EntryFilter, after: str | None = None) -> Iterator[str]:
    """Each month older than `after`, newest first, by the index in use at that moment.

    The index is asked again each month, so months added while the reader goes are not
    missed; with a "from" date the reading stops at that date's month.
    """
    oldest = month_key(entry_filter.since) if entry_filter.since else ""
    while True:
        older = [month.key for month in pages.index.months if after is None or month.key < after]
        if not older or older[0] < oldest:
            return
        after = older[0]
        yield after


def month_words(key: str) -> str:
    """ "2026-11" as "Nov 2026"."""
    year, month = key.split("-")
    return f"{calendar.month_abbr[int(month)]} {year}"


def status_line(text: ReviewText, rows: AllRows | MatchedRows, going: str, today: date) -> str:
    """The line above the table: how many entries, or how far a filter has looked and found.

    `going` is "reading" before the index is read, "stopped" when the person stopped a
    filter, and empty otherwise.
    """
    if going == "reading":
        return text.say("reading")
    total = rows.pages.index.total
    if isinstance(rows, AllRows):
        hint = text.say("open_hint") if total else ""
        return text.count("count_one", "count_many", total) + hint
    matches = f"{len(rows):,}"
    if going == "stopped" or not rows.finished:
        month = month_words(rows.frontier or month_key(today))
        return text.say(going or "searching", month=month, matches=matches)
    return text.say("matched", matches=matches, total=f"{total:,}")
