"""Last-good copies of each data file in DATA/backups/, a few per file, 0600.

A daily copy is taken just before the first save of a file on a given day, so a person
who logs ten moods pays for one copy, and the copy is of a file that was just read and
checked. A copy is also taken before a migration rewrites a file. Both are rotated: only
the newest few of each stay. The Store puts the newest good copy back when it keeps a
broken file aside, and `nocontact restore` puts one back on request.

A copy is named by the day the clock showed, and a clock can be wrong. So copies dated
after today (from a clock that ran ahead, or today's clock is behind) are rotated
separately from the rest, newest few of each kept: a clock that jumps forward once can
never make rotation delete the copies taken after it is put right, and the copy just
taken is always kept. Copies dated after today are also the last ones put back.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from tui.clock import today
from tui.store.atomic import (
    NotRegularFileError,
    atomic_write_bytes,
    is_plain_dir,
    make_private_dir,
    read_raw,
    read_regular,
)
from tui.store.journal import is_data_file
from tui.store.records import Frozen
from tui.store.shapes import check_shape, shape_key
from tui.store.storage import CorruptFileError, decode_file

BACKUP_DIR = "backups"
DAILY_KEPT = 3
"""Daily copies kept per file: today's, and two earlier days it was written."""
MIGRATION_KEPT = 2
"""Copies taken before a migration, kept per file."""

_NAME = r"^(?P<name>.+)\.(?P<day>\d{4}-\d{2}-\d{2})(?P<before>\.before-v\d+)?\.bak$"
"""A backup's file name; compiled (and cached by re) when backups are first listed."""


class Backup(Frozen):
    """One copy of a data file, taken on `day`."""

    FIELDS = ("path", "relative", "day", "before_migration")
    __slots__ = FIELDS
    path: Path
    relative: str
    """The data file it copies, relative to the data dir (e.g. "moods/2026-11.json")."""
    day: date
    before_migration: bool

    def __init__(self, path: Path, relative: str, day: date, before_migration: bool) -> None:
        self._set(path, relative, day, before_migration)

    @property
    def order(self) -> tuple[bool, date, int]:
        """Newest first: by day, a daily copy after a migration copy of the same day, and
        any copy dated after today (a wrong clock) after all the others."""
        return (self.day <= today(), self.day, 0 if self.before_migration else 1)


def relative_name(root: Path, path: Path) -> str:
    """`path` relative to the data dir, with forward slashes."""
    return path.relative_to(root).as_posix()


def _backup_path(root: Path, path: Path, suffix: str) -> Path:
    folder = root / BACKUP_DIR / path.parent.relative_to(root)
    return folder / f"{path.name}.{today().isoformat()}{suffix}.bak"


def _parse(root: Path, backup_path: Path) -> Backup | None:
    match = re.match(_NAME, backup_path.name)
    if match is None:
        return None
    try:
        day = date.fromisoformat(match["day"])
    except ValueError:
        return None
    folder = backup_path.parent.relative_to(root / BACKUP_DIR)
    relative = (folder / match["name"]).as_posix()
    if not is_data_file(relative):
        return None  # only copies of data files are ever listed or put back
    return Backup(backup_path, relative, day, match["before"] is not None)


def _copies_in(root: Path, folder: Path) -> list[Backup]:
    """The backups in one folder of DATA/backups/ (plain files only: links are never read)."""
    if not is_plain_dir(folder):
        return []
    with os.scandir(folder) as entries:
        found = [
            _parse(root, Path(entry.path))
            for entry in entries
            if entry.name.endswith(".bak") and entry.is_file(follow_symlinks=False)
        ]
    return [backup for backup in found if backup is not None]


def backups_of(root: Path, relative: str) -> list[Backup]:
    """Every copy of the data file `relative`, newest first."""
    found = [
        backup
        for backup in _copies_in(root, (root / BACKUP_DIR / relative).parent)
        if backup.relative == relative
    ]
    return sorted(found, key=lambda backup: backup.order, reverse=True)


def all_backups(root: Path) -> dict[str, list[Backup]]:
    """Copies by the data file they copy, newest first, files in name order."""
    base = root / BACKUP_DIR
    found: dict[str, list[Backup]] = {}
    folders = [base, *(base / kind for kind in ("moods", "sessions", "urges"))]
    for backup in (backup for folder in folders for backup in _copies_in(root, folder)):
        found.setdefault(backup.relative, []).append(backup)
    return {
        relative: sorted(copies, key=lambda backup: backup.order, reverse=True)
        for relative, copies in sorted(found.items())
    }


def _rotate(root: Path, relative: str, before_migration: bool, keep: int) -> None:
    """Delete the oldest copies of one sort beyond `keep`, counting those dated after
    today apart from the rest, so a clock that ran ahead never costs a newer copy."""
    copies = [b for b in backups_of(root, relative) if b.before_migration == before_migration]
    for dated_ahead in (False, True):
        group = [backup for backup in copies if (backup.day > today()) == dated_ahead]
        for backup in group[keep:]:
            backup.path.unlink(missing_ok=True)


def backup_folder(root: Path, relative_folder: str = ".") -> Path:
    """DATA/backups/ (or a folder in it), made private the first time it is needed."""
    return make_private_dir(root / BACKUP_DIR / relative_folder)


def _store_copy(root: Path, path: Path, raw: bytes, suffix: str) -> Path:
    target = _backup_path(root, path, suffix)
    backup_folder(root, path.parent.relative_to(root).as_posix())
    # Not fsynced: that would double the cost of the day's first save, and a copy lost to
    # a power cut is only a copy (every copy is checked before it is put back).
    atomic_write_bytes(target, raw, durable=False)
    return target


def take_daily(root: Path, path: Path) -> Path | None:
    """Copy `path` before its first save today; None when there is nothing new to copy.

    Call it holding the lock, after `path` was read and checked.
    """
    target = _backup_path(root, path, "")
    if os.path.lexists(target):
        return None
    try:
        raw, _ = read_raw(path)  # as stored: a sealed file's copy stays sealed, unopened
    except FileNotFoundError:
        return None
    _store_copy(root, path, raw, "")
    _rotate(root, relative_name(root, path), before_migration=False, keep=DAILY_KEPT)
    return target


def take_before_migration(root: Path, path: Path, raw: bytes, version: int) -> Path:
    """Keep `raw`, the bytes of `path` in format `version`, before a migration rewrites it."""
    target = _store_copy(root, path, raw, f".before-v{version + 1}")
    _rotate(root, relative_name(root, path), before_migration=True, keep=MIGRATION_KEPT)
    return target


def first_good(root: Path, relative: str, copies: list[Backup]) -> tuple[Backup, bytes] | None:
    """The first of `copies` that reads cleanly as `relative`, with its bytes."""
    # Imported here: only reading a backup needs it, not the daily copy every save may take.
    from tui.store.migrations import migrate

    target = root / relative
    for backup in copies:
        try:
            raw, _ = read_regular(backup.path)
            version, tables = decode_file(target, raw)
            check_shape(target, migrate(shape_key(target), version, tables))
        except (OSError, NotRegularFileError, CorruptFileError):
            continue
        return backup, raw
    return None


def newest_good(root: Path, relative: str) -> tuple[Backup, bytes] | None:
    """The newest copy of `relative` that reads cleanly, with its bytes."""
    return first_good(root, relative, backups_of(root, relative))
