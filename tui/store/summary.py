"""Per-shard aggregates cached in summary.json, so home never reads all of history.

Each entry is keyed by a shard's path inside the data dir and remembers the
(st_ino, st_mtime_ns, st_size) it was computed from. An overview scans the shard dirs and
reads again only the shards whose stat changed; every write is an atomic rename, so a
shard written by another process (a `nocontact log` from another shell) has a new inode
and is noticed without that process touching the summary. The file is derived data: when
it is missing or unreadable it is rebuilt from the shards, and losing it loses nothing.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Container
from contextlib import AbstractContextManager, nullcontext
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.store.atomic import atomic_write_bytes, read_regular
from tui.store.records import MoodLog
from tui.store.shapes import MOOD, Shape
from tui.store.shards import is_shard_name, may_hold_since, wholly_since
from tui.store.storage import DEFAULT_TABLE
from tui.store.validation import EARLIEST_YEAR, LATEST_YEAR

SUMMARY_FILE = "summary.json"
SUMMARY_VERSION = 1
SUMMARISED_KINDS = ("moods", "sessions", "urges")

Tables = dict[str, dict[str, Any]]
Aggregate = dict[str, Any]
StatKey = list[int]
STAGE_KEYS = {"1", "2", "3", "4", "5"}
RECORD_BYTES = 20
"""Fewer bytes than the smallest record takes in a shard: a bound on any cached count."""


def aggregate(kind: str, documents: list[dict[str, Any]]) -> Aggregate:
    """What the overview needs from one shard's documents, in insertion order."""
    if kind == "moods":
        latest = max(
            enumerate(documents),
            key=lambda pair: (datetime.fromisoformat(pair[1]["at"]), pair[0]),
            default=None,
        )
        return {"count": len(documents), "latest": latest[1] if latest else None}
    if kind == "sessions":
        counts: dict[str, int] = {}
        newest: dict[str, tuple[datetime, int]] = {}
        for index, document in enumerate(documents):
            stage = str(int(document["stage"]))
            counts[stage] = counts.get(stage, 0) + 1
            key = (datetime.fromisoformat(document["saved_at"]), index)
            if stage not in newest or key > newest[stage]:
                newest[stage] = key
        last = {stage: moment.isoformat() for stage, (moment, _) in newest.items()}
        return {"counts": counts, "last": last}
    acted = sum(1 for document in documents if document.get("acted", False))
    return {"acted": acted, "resisted": len(documents) - acted}


def _stat_key(stat: os.stat_result) -> StatKey:
    return [stat.st_ino, stat.st_mtime_ns, stat.st_size]


def _load(path: Path) -> dict[str, Any]:
    """The cached entries, or none when the file is missing, unreadable or of another shape."""
    try:
        data = json.loads(read_regular(path)[0])
    except (OSError, ValueError, RecursionError):  # a link is never followed: rebuilt instead
        return {}
    if not isinstance(data, dict) or data.get("version") != SUMMARY_VERSION:
        return {}
    shards = data.get("shards")
    return shards if isinstance(shards, dict) else {}


def _count(value: Any, size: int) -> bool:
    """A count of records a shard of `size` bytes could hold (each takes far more than
    RECORD_BYTES bytes of it)."""
    return type(value) is int and value >= 0 and value * RECORD_BYTES <= size


def _sound(kind: str, found: Any, size: int) -> bool:
    """Whether a cached aggregate holds counts its shard (of `size` bytes) could have given:
    a hand-edited cache with impossible ones is recomputed, never shown. (Its times and the
    latest mood are checked where they are used, in _merge.)"""
    if not isinstance(found, dict):
        return False
    if kind == "moods":
        latest = found.get("latest")
        if not (latest is None or (isinstance(latest, dict) and isinstance(latest.get("at"), str))):
            return False
        return _count(found.get("count"), size) and (latest is None) == (found.get("count") == 0)
    if kind == "sessions":
        counts, last = found.get("counts"), found.get("last")
        return (
            isinstance(counts, dict)
            and isinstance(last, dict)
            and counts.keys() == last.keys()
            and all(stage in STAGE_KEYS and _count(n, size) and n for stage, n in counts.items())
            and all(isinstance(moment, str) for moment in last.values())
        )
    return _count(found.get("acted"), size) and _count(found.get("resisted"), size)


def _shaped(document: dict[str, Any], shape: Shape) -> bool:
    return all(
        check(document[field]) if field in document else not required
        for field, (check, required) in shape.items()
    )


def _cached(entry: Any, stat_key: StatKey, kind: str) -> Aggregate | None:
    """The aggregate in `entry` if it was computed from a file with this stat, and sound."""
    if isinstance(entry, dict) and entry.get("stat") == stat_key:
        found = entry.get("aggregate")
        if _sound(kind, found, stat_key[2]):
            return found  # type: ignore[no-any-return]
    return None


def shard_aggregates(
    root: Path,
    read_tables: Callable[[Path], Tables],
    use_cache: bool = True,
    refused: Container[Path] = (),
    lock: AbstractContextManager[Any] | None = None,
) -> dict[str, list[tuple[str, Aggregate]]]:
    """Each kind's (shard name, aggregate) pairs, newest shard first, refreshed as needed.

    A shard in `refused` after reading (written by a newer version, or not mendable now)
    is not cached: the next overview tries it again. The cache is written holding `lock`
    (the data dir's), so it is sealed if the journal was encrypted meanwhile.
    """
    summary_path = root / SUMMARY_FILE
    cached = _load(summary_path) if use_cache else {}
    fresh: dict[str, Any] = {}
    found: dict[str, list[tuple[str, Aggregate]]] = {}
    for kind in SUMMARISED_KINDS:
        found[kind] = []
        try:
            entries = [entry for entry in os.scandir(root / kind) if is_shard_name(entry.name)]
        except FileNotFoundError:
            continue
        for entry in sorted(entries, key=lambda entry: entry.name, reverse=True):
            key = f"{kind}/{entry.name}"
            # Stat before reading: a write in between changes the stat, so the next
            # overview reads the shard again instead of trusting a stale aggregate.
            stat_key = _stat_key(entry.stat(follow_symlinks=False))
            result = _cached(cached.get(key), stat_key, kind)
            if result is None:
                path = Path(entry.path)
                documents = list(read_tables(path).get(DEFAULT_TABLE, {}).values())
                result = aggregate(kind, documents)
                if path in refused:
                    found[kind].append((entry.name, result))
                    continue
            fresh[key] = {"stat": stat_key, "aggregate": result}
            found[kind].append((entry.name, result))
    if fresh != cached:
        payload = {"version": SUMMARY_VERSION, "shards": fresh}
        # Only a cache: when it cannot be saved the overview is still right, and the
        # next one tries again.
        with contextlib.suppress(OSError), lock or nullcontext():
            atomic_write_bytes(summary_path, json.dumps(payload, ensure_ascii=False).encode())
    return found


def overview_fields(
    root: Path,
    read_tables: Callable[[Path], Tables],
    refused: Container[Path] = (),
    lock: AbstractContextManager[Any] | None = None,
) -> dict[str, Any]:
    """The Overview's fields from the cached aggregates, rebuilt if the cache is malformed."""
    try:
        return _merge(shard_aggregates(root, read_tables, refused=refused, lock=lock))
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError):
        return _merge(
            shard_aggregates(root, read_tables, use_cache=False, refused=refused, lock=lock)
        )


def _moment(text: str) -> datetime:
    """A cached time, or ValueError for one the app could not have written (see _merge)."""
    moment = datetime.fromisoformat(text)
    if moment.utcoffset() is None or not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise ValueError("a cached time the app could not have written")
    return moment


def _merge(shards: dict[str, list[tuple[str, Aggregate]]]) -> dict[str, Any]:
    """The Overview's fields, merged from shard aggregates.

    "Latest" is the latest in time across every shard, not the newest shard's: a record
    written in another time zone can sit in the month before (see shards.py). Ties keep
    the newer shard's.
    """
    per_stage: dict[int, int] = {}
    last: dict[int, datetime] = {}
    for _, result in shards["sessions"]:
        for stage, count in result["counts"].items():
            per_stage[int(stage)] = per_stage.get(int(stage), 0) + count
        for stage, moment in result["last"].items():
            when = _moment(moment)
            if int(stage) not in last or when > last[int(stage)]:
                last[int(stage)] = when
    latest, latest_at = None, None
    for _, result in shards["moods"]:
        found = result["latest"]
        if found is not None:
            when = _moment(found["at"])
            if latest_at is None or when > latest_at:
                latest, latest_at = found, when
    if latest is not None and not _shaped(latest, MOOD):
        raise ValueError("a cached latest mood that is no mood")  # recomputed by the caller
    return {
        "sessions_per_stage": per_stage,
        "last_session_per_stage": last,
        "latest_mood": MoodLog.from_dict(latest) if latest else None,
        "mood_count": sum(result["count"] for _, result in shards["moods"]),
        "urges_resisted": sum(result["resisted"] for _, result in shards["urges"]),
        "urges_acted": sum(result["acted"] for _, result in shards["urges"]),
    }


def urge_counts(
    root: Path,
    read_tables: Callable[[Path], Tables],
    since: datetime | None = None,
    refused: Container[Path] = (),
    lock: AbstractContextManager[Any] | None = None,
) -> tuple[int, int]:
    """(resisted, acted) urges from `since` on: whole months from the cache, and only the
    one or two months around `since` read (a month's shard can hold a moment a day outside
    it, see shards.py)."""
    resisted = acted = 0
    for name, result in shard_aggregates(root, read_tables, refused=refused, lock=lock)["urges"]:
        if since is None or wholly_since(name, since):
            resisted, acted = resisted + result["resisted"], acted + result["acted"]
        elif may_hold_since(name, since):
            documents = read_tables(root / "urges" / name).get(DEFAULT_TABLE, {}).values()
            recent = [doc for doc in documents if datetime.fromisoformat(doc["at"]) >= since]
            counted = aggregate("urges", recent)
            resisted, acted = resisted + counted["resisted"], acted + counted["acted"]
    return resisted, acted
