"""The prompt's status file: what the shell segment needs, rewritten whenever it may change.

The snippet `nocontact shell-init` prints reads STATUS_FILE with shell builtins only, so
drawing a prompt never starts a process. It is one line of seven fields:

    1 SHOWN START MOOD MOOD_DAY CHECKIN OFFSET

- `1`: the format; a snippet that finds another shows nothing.
- SHOWN: what the segment may show, `d` (the day count), `m` (the mood), both, or `-`:
  quiet mode and the `prompt` setting decided it when the file was last written whole.
- START: the current run's first day (the start day, or the day of the latest contact
  after it) as the epoch seconds of its local midnight; `-` when there is none or the
  day is not shown. The shell works the count out from it, so a new day needs no write.
- MOOD: the latest mood logged, 0-10; `-` when there is none or it is not shown.
- MOOD_DAY: the local midnight of the day that mood was logged (for "how are you?"); `-`.
- CHECKIN: seconds after midnight from which a day with no mood gets a gentle question; `-`.
- OFFSET: this machine's UTC offset in seconds when written. Only fish uses it: fish has a
  builtin clock (`path mtime`) but none that knows the local time of day.

Nothing else goes in it: no notes, no dates in words, no names. It is derived data, like
summary.json: written without fsync, and when it is missing the segment is simply empty.
The line is padded to RECORD bytes so a change is written over it in place.

Cost: this runs inside every save, `nocontact log` included. A new mood or a change to the
tracker updates its own fields from the file just saved, in memory, and rereads nothing
but this one-line file; a change of settings (rare) rewrites it from the files.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Sequence
from datetime import date, datetime
from datetime import time as clock_time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.store.atomic import PRIVATE_FILE, atomic_write_bytes
from tui.store.storage import PendingStorage

if TYPE_CHECKING:
    Tables = dict[str, dict[str, Any]]
    ReadTables = Callable[[Path], Tables]

STATUS_FILE = "prompt-status"
RECORD = 80
"""Bytes in the file: the line, padded with spaces, so it can be rewritten in place."""
FORMAT = "1"
NONE = "-"
TRACKER = "tracker.json"
PROFILE = "profile.json"
MOODS = "moods"


def local_midnight(day: date) -> int:
    """The epoch seconds at which `day` begins in this machine's time zone."""
    return int(datetime.combine(day, clock_time.min).astimezone().timestamp())


def _documents(tables: Tables, table: str) -> list[dict[str, Any]]:
    return list(tables.get(table, {}).values())


def run_start(tracker: Tables) -> date | None:
    """The first day of the current run: the start day, or the day of the latest contact since."""
    # Earlier start days stay in the table, marked "replaced_at" (Store.no_contact_start).
    starts = [row for row in _documents(tracker, "start") if "replaced_at" not in row]
    if not starts:
        return None
    start = date.fromisoformat(starts[0]["date"])
    slip_days = (datetime.fromisoformat(slip["at"]).date() for slip in _documents(tracker, "slips"))
    return max((day for day in slip_days if day >= start), default=start)


def latest_mood(month: Tables) -> tuple[datetime, int] | None:
    """The newest mood log in one month's tables; of two in the same second, the later saved."""
    moods = [
        (datetime.fromisoformat(document["at"]), int(document["mood"]))
        for document in _documents(month, "_default")
    ]
    return max(reversed(moods), key=lambda pair: pair[0], default=None)


class Status:
    """The fields of the status file, read from it or worked out from the data files."""

    def __init__(self, fields: list[str], text: str = "") -> None:
        self.fields = fields
        self.text = text
        """The line as it was read, so an unchanged one is not written again."""

    @classmethod
    def parse(cls, text: str) -> Status | None:
        """The status in `text`, or None when it is not one this module wrote."""
        fields = text.split()
        if len(fields) != 7 or fields[0] != FORMAT:
            return None
        return cls(fields, text)

    @classmethod
    def whole(cls, tracker: Tables, profile: Tables, mood: tuple[datetime, int] | None) -> Status:
        """The status worked out from the tracker, the settings and the latest mood."""
        # Imported here: a new mood or a contact (every `log`) never needs the settings.
        from tui.store import preferences, setting_keys

        settings = {row.get("key"): row.get("value") for row in _documents(profile, "settings")}
        parts = preferences.current(setting_keys.PROMPT, settings.get(setting_keys.PROMPT))
        quiet = preferences.current(setting_keys.QUIET, settings.get(setting_keys.QUIET))
        checkin = preferences.checkin_minutes(
            preferences.current(setting_keys.CHECKIN, settings.get(setting_keys.CHECKIN))
        )
        shown = ("d" if "day" in parts and not quiet else "") + ("m" if "mood" in parts else "")
        status = cls([FORMAT, shown or NONE, NONE, NONE, NONE, NONE, NONE])
        status.fields[5] = NONE if checkin is None else str(checkin * 60)
        status.set_start(tracker)
        status.set_mood(mood)
        return status

    def set_start(self, tracker: Tables) -> None:
        first_day = run_start(tracker) if "d" in self.fields[1] else None
        self.fields[2] = NONE if first_day is None else str(local_midnight(first_day))

    def set_mood(self, mood: tuple[datetime, int] | None) -> None:
        self.fields[3] = str(mood[1]) if mood and "m" in self.fields[1] else NONE
        self.fields[4] = str(local_midnight(mood[0].date())) if mood else NONE

    def mood_month(self) -> str | None:
        """The month ("2026-11") of the latest mood's day, as shards are named."""
        if self.fields[4] == NONE:
            return None
        day = datetime.fromtimestamp(int(self.fields[4])).date()
        return f"{day.year:04d}-{day.month:02d}"

    def line(self) -> str:
        offset = datetime.now().astimezone().utcoffset()
        self.fields[6] = str(int(offset.total_seconds()) if offset else 0)
        return " ".join(self.fields) + "\n"


def _read_status(target: Path) -> Status | None:
    """The status file's fields, or None when it is missing, not a plain file, or not ours."""
    try:
        # Never blocks (a FIFO put in its place) and never follows a symlink out.
        fd = os.open(target, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return Status.parse(os.read(fd, RECORD * 2).decode("ascii"))
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)


def _overwrite(target: Path, record: bytes) -> bool:
    """Write `record` over the status file in place; False when that file is not one to reuse.

    Renaming a new file into place costs a save 1.5-4 ms on a busy disk; writing one
    page of an existing file costs microseconds. The record is always RECORD bytes, so
    a prompt reading meanwhile sees the old line or the new one (a torn read shows no
    segment, never a wrong one: the snippet checks every field).
    """
    try:
        # Never through a symlink or into a FIFO: those are replaced by a file of ours.
        fd = os.open(target, os.O_WRONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        found = os.fstat(fd)
        ours = stat.S_ISREG(found.st_mode) and found.st_nlink == 1
        if not ours or found.st_size != len(record) or found.st_mode & 0o777 != PRIVATE_FILE:
            return False
        return os.pwrite(fd, record, 0) == len(record)
    finally:
        os.close(fd)


def _write(target: Path, line: str) -> None:
    record = line.rstrip("\n").ljust(RECORD - 1).encode("ascii") + b"\n"
    try:
        if not _overwrite(target, record):
            atomic_write_bytes(target, record, durable=False)
    except OSError:
        # The save itself is done and safe. A segment that could not be brought up to
        # date is removed rather than left showing something no longer true.
        with contextlib.suppress(OSError):
            os.unlink(target)


def has_journal(root: Path) -> bool:
    """Whether anything was ever saved in `root` (no journal: no segment at all)."""
    if (root / TRACKER).exists() or (root / PROFILE).exists():
        return True
    return any(_shard_names(root, kind) for kind in (MOODS, "sessions", "urges"))


def _shard_names(root: Path, kind: str) -> list[str]:
    """Month files of `kind`, newest first (as Store._shard_names, without a Store)."""
    try:
        with os.scandir(root / kind) as entries:
            names = [e.name for e in entries if e.name.endswith(".json") and e.name[0] != "."]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return sorted(names, reverse=True)


def rewrite(
    root: Path, read_tables: ReadTables, saved: Path | None = None, tables: Tables | None = None
) -> None:
    """Write the status file whole from the data files (`saved` comes from `tables`)."""

    def tables_of(path: Path) -> Tables:
        return tables if path == saved and tables is not None else read_tables(path)

    mood = None
    for name in _shard_names(root, MOODS):
        mood = latest_mood(tables_of(root / MOODS / name))
        if mood is not None:
            break
    status = Status.whole(tables_of(root / TRACKER), tables_of(root / PROFILE), mood)
    _write(root / STATUS_FILE, status.line())


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


def _affects_prompt(root: Path, path: Path) -> bool:
    if path.parent == root:
        return path.name in (TRACKER, PROFILE)
    return path.parent.parent == root and path.parent.name == MOODS


def refresh(root: Path, read_tables: ReadTables, saved: Path, tables: Tables) -> None:
    """Bring the status file up to date after `saved` was committed as `tables`.

    Runs under the data dir's lock, inside every save. Only the fields the saved file
    decides are changed, from `tables` in memory; when the status file is missing, or
    the settings changed, or the newest month lost its last mood, it is written whole.
    """
    in_root = saved.parent == root
    if in_root and saved.name == PROFILE:
        rewrite(root, read_tables, saved, tables)
        return
    is_moods = saved.parent.parent == root and saved.parent.name == MOODS
    if not (is_moods or (in_root and saved.name == TRACKER)):
        return
    target = root / STATUS_FILE
    status = _read_status(target)
    if status is None:
        rewrite(root, read_tables, saved, tables)
        return
    if is_moods:
        month = saved.stem
        known = status.mood_month()
        if known is not None and month < known:
            return  # an older month cannot hold the latest mood
        mood = latest_mood(tables)
        if mood is None:
            rewrite(root, read_tables, saved, tables)  # its last mood went: look further back
            return
        status.set_mood(mood)
    else:
        status.set_start(tables)
    line = status.line()
    if line.split() != status.text.split():
        _write(target, line)
