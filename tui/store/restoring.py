"""What `restore` would change, file by file, and the record that lets `restore --undo` reverse it.

A restore never deletes: each file it replaces is first given a second name beside it
(NAME.before-restore-<time>), and DATA/backups/last-restore.json lists those names, so
`restore --undo` can put every one back. An undo keeps what it replaces the same way
(NAME.before-undo-<time>).
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from tui.clock import now
from tui.store import backups
from tui.store.atomic import NotRegularFileError, atomic_write_bytes, read_regular
from tui.store.journal import is_data_file
from tui.store.records import Frozen
from tui.store.storage import CorruptFileError, Tables, decode_file

UNDO_FILE = "last-restore.json"
"""In DATA/backups/: what the last restore replaced, so it can be put back."""


class RestoreStep(Frozen):
    """One data file a restore would put back, and how many records it holds now and then."""

    FIELDS = ("relative", "backup", "raw", "records_now", "records_then")
    __slots__ = FIELDS
    relative: str
    backup: backups.Backup
    raw: bytes
    records_now: int | None
    """Records in the file as it is now; None when it cannot be read (or is missing: 0)."""
    records_then: int

    def __init__(
        self,
        relative: str,
        backup: backups.Backup,
        raw: bytes,
        records_now: int | None,
        records_then: int,
    ) -> None:
        self._set(relative, backup, raw, records_now, records_then)


def count_records(tables: Tables) -> int:
    """Records (and settings, drafts, start days) in a data file's tables."""
    return sum(len(table) for table in tables.values())


def backup_records(root: Path, relative: str, raw: bytes) -> int:
    """Records in a backup's bytes, read as the data file `relative` (after any migration)."""
    from tui.store.migrations import migrate
    from tui.store.shapes import shape_key

    target = root / relative
    version, tables = decode_file(target, raw)
    return count_records(migrate(shape_key(target), version, tables))


def plan(root: Path, relatives: list[str], day: date | None, count_now: Any) -> list[RestoreStep]:
    """The newest good backup of each of `relatives` (of `day`, when given).

    `count_now(relative)` gives the records in the file as it is (None: unreadable).
    Raises LookupError naming the first file with no such backup.
    """
    steps = []
    for relative in relatives:
        copies = [b for b in backups.backups_of(root, relative) if day in (None, b.day)]
        good = backups.first_good(root, relative, copies)
        if good is None:
            raise LookupError(relative)
        backup, raw = good
        then = backup_records(root, relative, raw)
        steps.append(RestoreStep(relative, backup, raw, count_now(relative), then))
    return steps


def kept_name(target: Path, why: str) -> Path:
    """A free name beside `target` for the file a restore or an undo replaces."""
    stamp = now().strftime("%Y%m%dT%H%M%S")
    aside = target.with_name(f"{target.name}.{why}-{stamp}")
    counter = 1
    while os.path.lexists(aside):
        counter += 1
        aside = target.with_name(f"{target.name}.{why}-{stamp}-{counter}")
    return aside


def write_undo(root: Path, replaced: dict[str, str | None]) -> None:
    """Remember, per file, the name its replaced version is kept under (None: there was none)."""
    folder = backups.backup_folder(root)
    payload = {"at": now().isoformat(), "files": replaced}
    atomic_write_bytes(folder / UNDO_FILE, json.dumps(payload).encode())


def read_undo(root: Path) -> dict[str, str | None] | None:
    """What the last restore replaced, or None when there is nothing to undo."""
    path = root / backups.BACKUP_DIR / UNDO_FILE
    try:
        raw, _ = read_regular(path)
        files = json.loads(raw)["files"]
    except FileNotFoundError:
        return None
    except (NotRegularFileError, ValueError, KeyError, TypeError, RecursionError):
        raise CorruptFileError(path, "it is not one of ours") from None
    if not isinstance(files, dict) or not all(
        isinstance(relative, str)
        and is_data_file(relative)
        and (kept is None or (isinstance(kept, str) and kept.startswith(f"{Path(relative).name}.")))
        and (kept is None or "/" not in kept)
        for relative, kept in files.items()
    ):
        raise CorruptFileError(path, "it is not one of ours")
    return files


def forget_undo(root: Path) -> None:
    """The last restore was undone: there is nothing left to undo."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(root / backups.BACKUP_DIR / UNDO_FILE)
