"""Shared pieces of the data-safety tests: building data dirs and reading them back."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.store.atomic import TEMP_SUFFIX, atomic_write_bytes, make_private_dir
from tui.store.records import MoodLog
from tui.store.storage import encode_file

MONTH_START = datetime(2026, 11, 1, tzinfo=UTC)
NOTE_TEXT = "I walked to the river and thought about what I want my days to hold now"


def mood_at(index: int, note_length: int = 40) -> MoodLog:
    """A deterministic mood log in November 2026, `index` minutes apart."""
    text = " ".join([NOTE_TEXT] * (note_length // 40 + 1))
    return MoodLog(
        at=MONTH_START + timedelta(minutes=index),
        mood=index % 11,
        note=text[:note_length].strip(),
        tags=("calm", f"t{index % 7}"),
        source="cli",
        id=f"m{index:07d}",
    )


def write_shard(root: Path, records: list[MoodLog]) -> Path:
    """Write `records` as the November 2026 moods shard, the way the Store lays it out."""
    path = make_private_dir(root / "moods") / "2026-11.json"
    table = {str(number): record.to_dict() for number, record in enumerate(records, 1)}
    atomic_write_bytes(path, encode_file({"_default": table}))
    return path


def documents_by_id(path: Path) -> dict[str, dict[str, Any]]:
    """The mood documents in a shard, by record id (asserting the ids are unique)."""
    tables = json.loads(path.read_bytes())
    documents = list(tables["_default"].values())
    by_id = {document["id"]: document for document in documents}
    assert len(by_id) == len(documents), "a record id appears twice"
    return by_id


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative path, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def temp_files(root: Path) -> list[Path]:
    """Temp files of ours anywhere under `root`."""
    return [path for path in root.rglob(f"*{TEMP_SUFFIX}") if path.name.startswith(".")]


def modes(root: Path) -> dict[str, int]:
    """The permission bits of `root` and everything in it, by relative path."""
    found = {".": root.stat().st_mode & 0o777}
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            found[path.relative_to(root).as_posix()] = path.stat().st_mode & 0o777
    return found
