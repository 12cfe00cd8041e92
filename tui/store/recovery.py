"""Opening a data file safely: checked, migrated after a backup, or kept aside and replaced.

A file that cannot be read is never treated as empty and never overwritten: it is kept
aside byte for byte as NAME.corrupt-<time> (a second name for the same file), then the
newest good backup (or an empty file) replaces it in one atomic rename, so the name always
holds the old file or the new one. The person is told in one sentence where the old file is.

A file written by a newer version (a higher "_schema", or a table this version does not
know) is not broken: it is left exactly as it is, read only as far as this version
understands it, and never written (FileRefused).
"""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tui.clock import now
from tui.date_words import long_day
from tui.store import backups
from tui.store.atomic import (
    NotRegularFileError,
    atomic_write_bytes,
    failure_reason,
    fsync_dir,
    keep_copy,
    read_regular,
)
from tui.store.shapes import FILE_SHAPES, check_shape, shape_key
from tui.store.storage import (
    SCHEMA_VERSION,
    CorruptFileError,
    NewerFileError,
    Tables,
    decode_file,
    encode_file,
)

_SOUND: dict[Path, tuple[int, int, int]] = {}
"""Files whose shape was checked in this process, by (inode, mtime, size) when checked.

Every save renames a new file into place, so a file that changed has a new key; a file
that did not is not checked again (the app reads history more than once).
"""
NOT_A_FILE = "it is a link or not a plain file"


class FileRefused(Exception):
    """A data file this version must leave exactly as it is; it may still be read in part."""

    def __init__(self, notice: str, refusal: str, tables: Tables | None = None) -> None:
        super().__init__(notice)
        self.notice = notice
        """One sentence for the person: what is wrong and that the file is left as it is."""
        self.refusal = refusal
        """Why a save to this file is refused, as a "Not saved: ..." sentence."""
        self.tables = tables or {}
        """What this version can safely read in it (often nothing)."""


def _read_with_key(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """The bytes of `path` and the identity of exactly the file they came from."""
    raw, stat = read_regular(path)
    return raw, (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def load_tables(
    root: Path, path: Path, lock: AbstractContextManager[Any]
) -> tuple[Tables, str | None]:
    """The tables of `path` (none when it is missing) and a notice when it had to be mended.

    The common case, a current and sound file, costs one read and no lock. Raises
    FileRefused for a file written by a newer version.
    """
    try:
        raw, key = _read_with_key(path)
    except FileNotFoundError:
        return {}, None
    except NotRegularFileError:
        raw, key = b"", (0, 0, 0)
    try:
        version, tables = decode_file(path, raw)
        if version == SCHEMA_VERSION:
            if _SOUND.get(path) != key:
                check_shape(path, tables)
                _SOUND[path] = key
            return tables, None
    except NewerFileError:
        raise _newer(root, path, raw) from None
    except CorruptFileError:
        pass
    with lock:
        return mend(root, path)


def _known_part(path: Path, raw: bytes) -> Tables:
    """The tables of a current-format file that this version knows, if they are sound."""
    try:
        version, tables = decode_file(path, raw)
        known = FILE_SHAPES.get(shape_key(path), {})
        readable = {name: table for name, table in tables.items() if name in known}
        check_shape(path, readable)
    except CorruptFileError:
        return {}
    return readable if version == SCHEMA_VERSION else {}


def _newer(root: Path, path: Path, raw: bytes) -> FileRefused:
    relative = backups.relative_name(root, path)
    tables = _known_part(path, raw)
    shown = "reads only what it knows in it" if tables else "does not show what it holds"
    return FileRefused(
        f"{relative} was written by a newer version of No Contact Coach, so this version "
        f"leaves it exactly as it is and {shown}.",
        f"Not saved: {relative} was written by a newer version of No Contact Coach, which this "
        "version never changes; nothing you had before was changed.",
        tables,
    )


def mend(root: Path, path: Path) -> tuple[Tables, str | None]:
    """Under the lock: read `path` again (another process may have mended it) and fix it."""
    try:
        raw, _ = read_regular(path)
    except FileNotFoundError:
        return {}, None
    except NotRegularFileError:
        return keep_aside(root, path, CorruptFileError(path, NOT_A_FILE))
    try:
        return _current(root, path, raw), None
    except NewerFileError:
        raise _newer(root, path, raw) from None
    except CorruptFileError as error:
        return keep_aside(root, path, error)


def _current(root: Path, path: Path, raw: bytes) -> Tables:
    """The tables in `raw`, migrated and saved in today's format when they were older."""
    version, tables = decode_file(path, raw)
    if version < SCHEMA_VERSION:
        # Imported here: a file in an old format is rare, and every quick command opens files.
        from tui.store.migrations import migrate

        tables = migrate(shape_key(path), version, tables)
        check_shape(path, tables, current=False)
        backups.take_before_migration(root, path, raw, version)
        atomic_write_bytes(path, encode_file(tables))
    else:
        check_shape(path, tables)
    return tables


def _aside_name(path: Path) -> Path:
    stamp = now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    return target


def keep_aside(root: Path, path: Path, error: CorruptFileError) -> tuple[Tables, str]:
    """Keep a broken `path` aside unchanged, put the newest good backup in its place, say so.

    The broken file gets a second name first; only then is it replaced, in one rename, by
    the backup or an empty file. If that replacement cannot be written (a full disk), the
    second name is dropped, the broken file stays exactly where it was, and FileRefused
    says so: nothing is written to it until it can be mended.
    """
    relative = backups.relative_name(root, path)
    target = _aside_name(path)
    if os.path.isdir(path) and not os.path.islink(path):
        os.rename(path, target)  # a folder where a file belongs holds no file to lose
    else:
        keep_copy(path, target)
    fsync_dir(path.parent)
    good = backups.newest_good(root, relative)
    try:
        atomic_write_bytes(path, good[1] if good else encode_file({}))
    except OSError as failure:
        if os.path.lexists(path):
            os.unlink(target)
        else:
            os.rename(target, path)
        raise FileRefused(
            f"{relative} could not be read ({error.reason}) and could not be mended now "
            f"({failure_reason(failure)}), so it was left exactly as it is.",
            f"Not saved: {relative} could not be read and could not be mended yet; "
            "nothing you had before was changed.",
        ) from failure
    told = (
        f"{relative} could not be read ({error.reason}), so it was kept aside unchanged as {target}"
    )
    if good is None:
        return {}, f"{told}; there was no earlier copy to put back, so it starts again empty."
    backup, raw = good
    tables = _current(root, path, raw)
    day = long_day(backup.day)
    return tables, f"{told}, and the last good copy, from {day}, was put back in its place."
