"""Opening a data file safely: checked, migrated after a backup, or kept aside and replaced.

A file that cannot be read is never treated as empty and never overwritten: it is moved
aside byte for byte as NAME.corrupt-<time>, the newest good backup is put in its place,
and the person is told in one sentence where the old file is.
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tui.clock import now
from tui.store import backups
from tui.store.atomic import PRIVATE_FILE, atomic_write_bytes, fsync_dir
from tui.store.shapes import check_shape, shape_key
from tui.store.storage import (
    SCHEMA_VERSION,
    CorruptFileError,
    Tables,
    decode_file,
    encode_file,
)

_SOUND: dict[Path, tuple[int, int, int]] = {}
"""Files whose shape was checked in this process, by (inode, mtime, size) when checked.

Every save renames a new file into place, so a file that changed has a new key; a file
that did not is not checked again (the app reads history more than once).
"""


def _read_with_key(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """The bytes of `path` and the identity of exactly the file they came from."""
    with open(path, "rb") as file:
        stat = os.fstat(file.fileno())
        return file.read(), (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def load_tables(
    root: Path, path: Path, lock: AbstractContextManager[Any]
) -> tuple[Tables, str | None]:
    """The tables of `path` (none when it is missing) and a notice when it had to be mended.

    The common case, a current and sound file, costs one read and no lock.
    """
    try:
        raw, key = _read_with_key(path)
    except FileNotFoundError:
        return {}, None
    try:
        version, tables = decode_file(path, raw)
        if version == SCHEMA_VERSION:
            if _SOUND.get(path) != key:
                check_shape(path, tables)
                _SOUND[path] = key
            return tables, None
    except CorruptFileError:
        pass
    with lock:
        return mend(root, path)


def mend(root: Path, path: Path) -> tuple[Tables, str | None]:
    """Under the lock: read `path` again (another process may have mended it) and fix it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}, None
    try:
        return _current(root, path, raw), None
    except CorruptFileError as error:
        return keep_aside(root, path, error)


def _current(root: Path, path: Path, raw: bytes) -> Tables:
    """The tables in `raw`, migrated and saved in today's format when they were older."""
    version, tables = decode_file(path, raw)
    if version < SCHEMA_VERSION:
        # Imported here: a file in an old format is rare, and every quick command opens files.
        from tui.store.migrations import migrate

        tables = migrate(shape_key(path), version, tables)
        check_shape(path, tables)
        backups.take_before_migration(root, path, raw, version)
        atomic_write_bytes(path, encode_file(tables))
    else:
        check_shape(path, tables)
    return tables


def _aside_name(path: Path) -> Path:
    stamp = now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return target


def keep_aside(root: Path, path: Path, error: CorruptFileError) -> tuple[Tables, str]:
    """Move a broken `path` aside unchanged, put the newest good backup back, say so."""
    target = _aside_name(path)
    os.replace(path, target)
    os.chmod(target, PRIVATE_FILE)
    fsync_dir(path.parent)
    relative = backups.relative_name(root, path)
    told = (
        f"{relative} could not be read ({error.reason}), so it was kept aside unchanged as {target}"
    )
    good = backups.newest_good(root, relative)
    if good is None:
        return {}, f"{told}; there was no earlier copy to put back, so it starts again empty."
    backup, raw = good
    atomic_write_bytes(path, raw)
    tables = _current(root, path, raw)
    day = f"{backup.day.day} {backup.day:%B %Y}"
    return tables, f"{told}, and the last good copy, from {day}, was put back in its place."
