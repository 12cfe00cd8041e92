"""A small index of history by month, so the review can read any page of it on demand.

Read-only. The index holds, for each month that has records, how many it holds and a
stamp of the files behind them; never the records themselves. Counts come from the
summary cache (summary.py), so building the index reads only the months that changed
since the cache was written. A month's records are read whole when a page of it is
wanted, through the Store's public reading methods, so its checks and repairs apply.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import SHARDED_KINDS, TRACKER_FILE, Store, month_key

HistoryRecord = MoodLog | Session | Urge | Slip | LogisticsContact
Stamp = tuple[Any, ...]


@dataclass(frozen=True)
class Month:
    """One month of history: its key ("2026-11"), how many records it holds, and a stamp
    that changes whenever any file or record behind it changes."""

    key: str
    count: int
    stamp: Stamp


@dataclass(frozen=True)
class MonthIndex:
    """Every month with records, newest first, and where each starts in the whole history."""

    months: tuple[Month, ...] = ()
    tracker: dict[str, tuple[Slip | LogisticsContact, ...]] = field(default_factory=dict)
    """Slips and logistics contact by month: few in any history, so kept whole."""
    starts: tuple[int, ...] = field(init=False)
    """How many records come before each month, newest first."""

    def __post_init__(self) -> None:
        starts, total = [], 0
        for month in self.months:
            starts.append(total)
            total += month.count
        object.__setattr__(self, "starts", tuple(starts))

    @property
    def total(self) -> int:
        """How many records the whole history holds."""
        return self.starts[-1] + self.months[-1].count if self.months else 0

    def locate(self, row: int) -> tuple[Month, int]:
        """The month holding the `row`th record (0 is the newest) and its place in that month."""
        if not 0 <= row < self.total:
            raise IndexError(row)
        position = bisect_right(self.starts, row) - 1
        return self.months[position], row - self.starts[position]

    def position(self, key: str) -> int | None:
        """Where the month `key` stands in `months`, if it has records."""
        for position, month in enumerate(self.months):
            if month.key == key:
                return position
        return None

    def start_of(self, key: str) -> int | None:
        """How many records come before month `key`, if it has records."""
        position = self.position(key)
        return None if position is None else self.starts[position]

    def changed_since(self, older: MonthIndex) -> set[str]:
        """The months added, removed or changed between `older` and this index."""
        before = {month.key: month for month in older.months}
        after = {month.key: month for month in self.months}
        return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def _aggregate_count(kind: str, totals: Any) -> int | None:
    """How many records a shard's cached totals count, or None when they look wrong."""
    if not isinstance(totals, dict):
        return None
    parts: list[Any]
    if kind == "moods":
        parts = [totals.get("count")]
    elif kind == "sessions":
        counts = totals.get("counts")
        parts = list(counts.values()) if isinstance(counts, dict) else [None]
    else:
        parts = [totals.get("acted"), totals.get("resisted")]
    whole = (isinstance(part, int) and not isinstance(part, bool) and part >= 0 for part in parts)
    if not all(whole):
        return None
    return sum(parts)


def _file_stamp(path: os.PathLike[str] | str) -> Stamp:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return ()
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def build_index(store: Store) -> MonthIndex:
    """The index of `store`'s history as it is now."""
    counts: dict[str, int] = {}
    stamps: dict[str, list[Any]] = {}
    for kind, shards in store.shard_totals().items():
        directory = store.root / kind
        for name, totals in shards:
            key = name.removesuffix(".json")
            count = _aggregate_count(kind, totals)
            if count is None:  # a cache someone edited: count the month itself
                count = len(store.month_records(kind, key))
            if count:
                counts[key] = counts.get(key, 0) + count
                stamps.setdefault(key, []).append((kind, _file_stamp(directory / name)))
    by_month: dict[str, list[Slip | LogisticsContact]] = {}
    tracked: list[Slip | LogisticsContact] = [*store.slips(), *store.logistics()]
    for record in tracked:
        by_month.setdefault(month_key(record.when), []).append(record)
    for key, records in by_month.items():
        counts[key] = counts.get(key, 0) + len(records)
        stamps.setdefault(key, []).append(("tracker", hash(tuple(records))))
    months = tuple(
        Month(key, counts[key], tuple(stamps[key])) for key in sorted(counts, reverse=True)
    )
    tracker = {key: tuple(records) for key, records in by_month.items()}
    return MonthIndex(months, tracker)


def read_month(store: Store, index: MonthIndex, key: str) -> list[HistoryRecord]:
    """Every record of month `key`, newest first (kinds in a fixed order where times tie)."""
    records: list[HistoryRecord] = []
    for kind in ("sessions", "moods", "urges"):
        records.extend(store.month_records(kind, key))
    records.extend(index.tracker.get(key, ()))
    records.sort(key=lambda record: record.when, reverse=True)  # stable: ties keep their order
    return records


def history_signature(store: Store, newest: Iterable[str] = ()) -> Stamp:
    """A cheap stamp of what is on disk, for noticing entries saved by another process.

    A save renames a new file into its kind's folder, which changes the folder's time;
    the newest months' files are stamped as well, for clocks too coarse to tell two quick
    saves apart.
    """
    parts: list[Stamp] = [_file_stamp(store.root / TRACKER_FILE)]
    for kind in SHARDED_KINDS:
        parts.append(_file_stamp(store.root / kind))
        parts.extend(_file_stamp(store.root / kind / f"{key}.json") for key in newest)
    return tuple(parts)
