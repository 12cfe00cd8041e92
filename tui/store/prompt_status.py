"""The prompt's status file: what the shell segment needs, rewritten whenever it may change.

The snippet `nocontact shell-init` prints reads STATUS_FILE with shell builtins only, so
drawing a prompt never starts a process. It is one line of six fields:

    1 START MOOD MOOD_DAY CHECKIN OFFSET

- `1`: the format; a snippet that finds another shows nothing.
- START: the current run's first day (the start day, or the day of the latest contact
  after it) as the epoch seconds of its local midnight; `-` when there is none to show
  (no start day, quiet mode, or the prompt set not to show the day). The shell works out
  the count from it, so a new day shows the right count without any write.
- MOOD: the latest mood, 0-10; `-` when there is none or the prompt does not show it.
- MOOD_DAY: the local midnight of the day that mood was given (for "how are you?"); `-`.
- CHECKIN: minutes after midnight from which a day with no mood gets a gentle question; `-`.
- OFFSET: this machine's UTC offset in seconds when written. Only fish uses it: fish has a
  builtin clock (`path mtime`) but none that knows the local time of day.

Nothing else goes in it: no notes, no dates in words, no names. It is derived data, like
summary.json: written without fsync, and when it is missing the segment is simply empty.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from tui.store import preferences, setting_keys
from tui.store.atomic import atomic_write_bytes
from tui.store.storage import PendingStorage

STATUS_FILE = "prompt-status"
FORMAT = "1"
NONE = "-"
WATCHED_FILES = ("tracker.json", "profile.json")
"""Files whose every change may change the segment."""
WATCHED_KINDS = ("moods", "sessions")
"""Kinds whose newest month holds the latest mood."""

Tables = dict[str, dict[str, Any]]
ReadTables = Callable[[Path], Tables]


def local_midnight(day: date) -> int:
    """The epoch seconds at which `day` begins in this machine's time zone."""
    return int(datetime.combine(day, clock_time.min).astimezone().timestamp())


def _documents(tables: Tables, table: str) -> list[dict[str, Any]]:
    return list(tables.get(table, {}).values())


def run_start(tracker: Tables) -> date | None:
    """The first day of the current run: the start day, or the day of the latest contact since."""
    starts = _documents(tracker, "start")
    if not starts:
        return None
    start = date.fromisoformat(starts[0]["date"])
    slip_days = (datetime.fromisoformat(slip["at"]).date() for slip in _documents(tracker, "slips"))
    return max((day for day in slip_days if day >= start), default=start)


def _mood_of(kind: str, document: dict[str, Any]) -> tuple[datetime, int] | None:
    """(when, mood) that a mood log or a session gave, if it gave one."""
    if kind == "moods":
        return datetime.fromisoformat(document["at"]), int(document["mood"])
    mood = document.get("mood_after")
    if mood is None:
        mood = document.get("mood_before")
    return (datetime.fromisoformat(document["saved_at"]), int(mood)) if mood is not None else None


def latest_mood(newest_first: dict[str, Iterable[Tables]]) -> tuple[datetime, int] | None:
    """The newest mood in the newest month of each kind that has one (months read lazily)."""
    found: list[tuple[datetime, int]] = []
    for kind, months in newest_first.items():
        for tables in months:
            moods = [_mood_of(kind, document) for document in _documents(tables, "_default")]
            given = [mood for mood in moods if mood is not None]
            if given:
                # Two in the same second: the one saved later is the latest (as Store.records).
                found.append(max(reversed(given), key=lambda pair: pair[0]))
                break
    return max(found, key=lambda pair: pair[0], default=None)


def status_line(tracker: Tables, profile: Tables, mood: tuple[datetime, int] | None) -> str:
    """The status file's line from the tracker, the settings and the latest mood."""
    settings = {
        document.get("key"): document.get("value") for document in _documents(profile, "settings")
    }
    shown = preferences.current(setting_keys.PROMPT, settings.get(setting_keys.PROMPT))
    quiet = preferences.current(setting_keys.QUIET, settings.get(setting_keys.QUIET))
    checkin = preferences.checkin_minutes(
        preferences.current(setting_keys.CHECKIN, settings.get(setting_keys.CHECKIN))
    )
    first_day = run_start(tracker) if "day" in shown and not quiet else None
    fields = [
        FORMAT,
        str(local_midnight(first_day)) if first_day else NONE,
        str(mood[1]) if mood and "mood" in shown else NONE,
        str(local_midnight(mood[0].date())) if mood else NONE,
        str(checkin) if checkin is not None else NONE,
        str(time.localtime().tm_gmtoff),
    ]
    return " ".join(fields) + "\n"


def _affects_prompt(root: Path, path: Path) -> bool:
    if path.parent == root:
        return path.name in WATCHED_FILES
    return path.parent.parent == root and path.parent.name in WATCHED_KINDS


def _shard_names(root: Path, kind: str) -> list[str]:
    """Month files of `kind`, newest first (as Store._shard_names, without a Store)."""
    try:
        with os.scandir(root / kind) as entries:
            names = [e.name for e in entries if e.name.endswith(".json") and e.name[0] != "."]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(names, reverse=True)


def has_journal(root: Path) -> bool:
    """Whether anything was ever saved in `root` (no journal: no segment at all)."""
    return any((root / name).exists() for name in WATCHED_FILES) or any(
        _shard_names(root, kind) for kind in (*WATCHED_KINDS, "urges")
    )


def rewrite(
    root: Path, read_tables: ReadTables, saved: Path | None = None, tables: Tables | None = None
) -> None:
    """Write the status file from what is saved, `saved` coming from `tables` in memory."""

    def tables_of(path: Path) -> Tables:
        return tables if path == saved and tables is not None else read_tables(path)

    def months_of(kind: str) -> Iterator[Tables]:
        for name in _shard_names(root, kind):
            yield tables_of(root / kind / name)

    target = root / STATUS_FILE
    try:
        line = status_line(
            tables_of(root / "tracker.json"),
            tables_of(root / "profile.json"),
            latest_mood({kind: months_of(kind) for kind in WATCHED_KINDS}),
        )
        atomic_write_bytes(target, line.encode("ascii"), durable=False)
    except OSError:
        # The save itself is done and safe. A segment that could not be brought up to
        # date is removed rather than left showing something no longer true.
        with contextlib.suppress(OSError):
            os.unlink(target)


def saved(root: Path, read_tables: ReadTables, committed: Sequence[object]) -> None:
    """The Store's one call after it commits: bring the status file up to date.

    One file saved the usual way updates the fields it decides from memory (`refresh`);
    a batch (an import, a restore) that touched any file the prompt reads rewrites it whole.
    """
    if len(committed) == 1 and isinstance(committed[0], PendingStorage):
        refresh(root, read_tables, committed[0].path, committed[0].tables)
        return
    paths = [getattr(item, "path", None) for item in committed]
    if any(isinstance(path, Path) and _affects_prompt(root, path) for path in paths):
        rewrite(root, read_tables)


def refresh(root: Path, read_tables: ReadTables, saved: Path, tables: Tables) -> None:
    """Rewrite the status file after `saved` was committed as `tables`, if that can matter.

    Runs under the data dir's lock, inside every save. A save to an older month cannot
    change the latest mood and is skipped; otherwise the few small files are read again
    (the one just saved comes from memory), which keeps this simple and always right.
    """
    if not _affects_prompt(root, saved):
        return
    if saved.parent.name in WATCHED_KINDS:
        names = _shard_names(root, saved.parent.name)
        if names and saved.name < names[0]:
            return
    rewrite(root, read_tables, saved, tables)
