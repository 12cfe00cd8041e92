"""Changes to several data files that land together or not at all (import, restore, add_many).

Each new file is first written whole into DATA/.journal/ under a staged name, durably.
Then one small file, .journal/intent.json, is written (atomically, fsynced): from that
moment the change is decided. Only then is each staged file renamed over its target, and
the intent removed. A kill before the intent exists leaves every data file as it was
(the staged files are dropped by the next start); a kill after it is finished by the next
start (`finish`, called whenever the data dir's lock is taken), which renames whatever was
not renamed yet. Renames are atomic, so no data file is ever absent or half written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path

from tui.store.atomic import (
    NotRegularFileError,
    atomic_write_bytes,
    fsync_dir,
    make_private_dir,
    read_regular,
)

JOURNAL_DIR = ".journal"
INTENT = "intent.json"
STAGED_SUFFIX = ".staged"
_TARGET = r"^(?:(?:moods|sessions|urges)/\d{4}-\d{2}|tracker|profile|drafts|trash|undo)\.json$"
"""The data files a journal may name: nothing outside the data dir, nothing but data."""
_STAGED = r"^[0-9a-f]{16}\.staged$"


def is_data_file(relative: str) -> bool:
    """Whether `relative` names one of the data files (a month shard, tracker, profile, drafts,
    trash, undo)."""
    return re.match(_TARGET, relative) is not None


class BrokenJournalError(Exception):
    """An intent file that is not one of ours; it is kept aside and nothing is renamed."""


def _folder(root: Path) -> Path:
    return root / JOURNAL_DIR


def stage(root: Path, data: bytes) -> str:
    """Write `data` durably into the journal under a new staged name, and return the name."""
    folder = make_private_dir(_folder(root))
    name = f"{os.urandom(8).hex()}{STAGED_SUFFIX}"
    atomic_write_bytes(folder / name, data)
    return name


def commit(root: Path, moves: list[tuple[str | None, str]]) -> None:
    """Decide and carry out `moves`: (staged name, or None to remove; target relative to root)."""
    folder = _folder(root)
    atomic_write_bytes(folder / INTENT, json.dumps({"moves": moves}).encode())
    _carry_out(root, moves)
    os.unlink(folder / INTENT)
    fsync_dir(folder)


def _carry_out(root: Path, moves: list[tuple[str | None, str]]) -> None:
    folder = _folder(root)
    touched: set[Path] = set()
    for staged, relative in moves:
        target = root / relative
        with contextlib.suppress(FileNotFoundError):  # done before a crash
            if staged is None:
                os.unlink(target)
            else:
                os.replace(folder / staged, target)
            touched.add(target.parent)
    for directory in touched:
        fsync_dir(directory)


def _read_intent(path: Path) -> list[tuple[str | None, str]]:
    """The moves an intent file names, each checked to stay inside the data dir."""
    try:
        raw, _ = read_regular(path)
        moves = json.loads(raw)["moves"]
    except (NotRegularFileError, ValueError, KeyError, TypeError, RecursionError) as error:
        raise BrokenJournalError() from error
    checked: list[tuple[str | None, str]] = []
    for move in moves if isinstance(moves, list) else [None]:
        if not (isinstance(move, list) and len(move) == 2):
            raise BrokenJournalError()
        staged, relative = move
        if staged is not None and not (isinstance(staged, str) and re.match(_STAGED, staged)):
            raise BrokenJournalError()
        if not (isinstance(relative, str) and is_data_file(relative)):
            raise BrokenJournalError()
        checked.append((staged, relative))
    return checked


def finish(root: Path) -> bool:
    """Under the lock: finish a change a crash interrupted after it was decided.

    Returns whether there was one. Costs one failed open when there is none.
    """
    intent = _folder(root) / INTENT
    try:
        moves = _read_intent(intent)
    except FileNotFoundError:
        return False
    except BrokenJournalError:
        os.replace(intent, intent.with_name(f"{INTENT}.broken-{os.urandom(4).hex()}"))
        return False
    _carry_out(root, moves)
    os.unlink(intent)
    fsync_dir(intent.parent)
    return True


def drop_undecided(root: Path) -> None:
    """Under the lock, with no intent: remove staged files of changes never decided."""
    folder = _folder(root)
    if os.path.lexists(folder / INTENT):
        return
    try:
        with os.scandir(folder) as entries:
            staged = [entry.path for entry in entries if entry.name.endswith(STAGED_SUFFIX)]
    except (FileNotFoundError, NotADirectoryError):
        return
    for path in staged:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
