"""Month shards, and history read from them in true time order across time zones.

The rule (decided once): a record lives in the shard of the month on its own wall clock,
the local month where it was written (`month_key`). Its moment keeps its own UTC offset,
and every offset is less than a day, so a record in shard YYYY-MM happened, in UTC, at
most one day before that month began or one day after it ended. That bound is all the
readers need: after moving from UTC+14 to UTC-10 a later record can sit in an earlier
month's shard, so history is merged from the shards, yielding a record only once no shard
still unread could hold a newer one. Reading stays a month at a time, plus at most one
neighbouring month, and old shards never need to move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

SHARD_REACH = timedelta(days=1)
"""How far outside its month, in UTC, a record in a month's shard can lie (offsets < 24 h)."""


def month_key(moment: datetime | date) -> str:
    """The shard a moment belongs to: the year and month on its own wall clock."""
    return f"{moment.year:04d}-{moment.month:02d}"


def is_shard_name(name: str) -> bool:
    """Whether `name` is a month shard's file name, "YYYY-MM.json" (and nothing else is read)."""
    return (
        len(name) == 12
        and name.endswith(".json")
        and name[4] == "-"
        and name[:4].isdigit()
        and name[5:7].isdigit()
        and name.isascii()
    )


def month_start(name: str) -> datetime:
    """The first instant of a shard's month, read as UTC."""
    return datetime(int(name[:4]), max(1, min(12, int(name[5:7]))), 1, tzinfo=UTC)


def month_end(name: str) -> datetime:
    """The first instant after a shard's month, read as UTC."""
    start = month_start(name)
    return (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )


def may_hold_since(name: str, since: datetime) -> bool:
    """Whether a shard may hold a record at or after `since`."""
    return month_end(name) + SHARD_REACH > since


def wholly_since(name: str, since: datetime) -> bool:
    """Whether every record a shard may hold is at or after `since`."""
    return month_start(name) - SHARD_REACH >= since


def newest_first(
    names: list[str],
    read: Callable[[str], list[Any]],
    since: datetime | None = None,
    until: datetime | None = None,
) -> Iterator[Any]:
    """Records from shards `names` (newest month first), newest first across all of them.

    `read(name)` gives one shard's records in insertion order; each has `.when`. Ties keep
    the newer shard, then the later insertion, first.
    """
    pending: list[tuple[datetime, int, int, Any]] = []
    for rank, name in enumerate(names):
        if since is not None and not may_hold_since(name, since):
            break
        if until is not None and month_start(name) - SHARD_REACH > until:
            continue
        for index, record in enumerate(read(name)):
            when = record.when
            if (since is None or when >= since) and (until is None or when <= until):
                pending.append((when, -rank, index, record))
        pending.sort(key=lambda item: item[:3])
        # No shard still unread holds anything at or after this month's start plus a day.
        safe = month_start(name) + SHARD_REACH
        while pending and pending[-1][0] >= safe:
            yield pending.pop()[3]
    while pending:
        yield pending.pop()[3]
