"""Older files are brought up to date on open, after a backup of exactly what they were."""

from __future__ import annotations

import json
from pathlib import Path

from tinydb import TinyDB

from tui.store.migrations import migrate
from tui.store.storage import SCHEMA_KEY, SCHEMA_VERSION
from tui.store.store import Store


def _plain_tinydb_file(path: Path, table: str, documents: list[dict]) -> bytes:
    """A file written by TinyDB's own JSONStorage, as an early build would have left it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    database = TinyDB(path)
    database.table(table).insert_multiple(documents)
    database.close()
    return path.read_bytes()


def test_a_plain_tinydb_mood_file_is_migrated_after_a_backup(data_dir: Path) -> None:
    """Version 0 to 1: ids added, naive times given their offset, tags made a list."""
    shard = data_dir / "moods" / "2026-11.json"
    original = _plain_tinydb_file(
        shard,
        "_default",
        [
            {"at": "2026-11-20T21:00:00", "mood": 3, "note": "first night 🌙", "tags": "sad,tired"},
            {"at": "2026-11-21T08:30:00+00:00", "mood": 5, "id": "kept-id", "tags": ["calm"]},
        ],
    )
    assert SCHEMA_KEY.encode() not in original

    store = Store.open(data_dir)
    older, newer = reversed(store.moods())
    assert older.at.isoformat() == "2026-11-20T21:00:00+00:00"
    assert older.tags == ("sad", "tired") and older.note == "first night 🌙"
    assert len(older.id) == 16
    assert (newer.id, newer.tags) == ("kept-id", ("calm",))
    assert store.notices == []

    on_disk = json.loads(shard.read_bytes())
    assert on_disk[SCHEMA_KEY] == SCHEMA_VERSION
    [backup] = (data_dir / "backups" / "moods").glob("*.bak")
    assert backup.name == "2026-11.json.2026-11-23.before-v1.bak"
    assert backup.read_bytes() == original
    assert backup.stat().st_mode & 0o777 == 0o600

    # Open again: nothing left to migrate, the ids stay, no second backup.
    assert [mood.id for mood in Store.open(data_dir).moods()] == [newer.id, older.id]
    assert len(list((data_dir / "backups" / "moods").glob("*.bak"))) == 1


def test_a_plain_tinydb_tracker_gets_ids_on_its_slips(data_dir: Path) -> None:
    """Slips and logistics in a version 0 tracker.json become records with ids."""
    _plain_tinydb_file(
        data_dir / "tracker.json", "slips", [{"at": "2026-11-10T19:00:00", "note": "I texted"}]
    )
    [slip] = Store.open(data_dir).slips()
    assert slip.note == "I texted" and slip.id and slip.at.utcoffset() is not None


def test_a_version_0_file_that_is_still_unreadable_after_migrating_is_kept_aside(
    data_dir: Path,
) -> None:
    """A migration never writes a file it cannot make sound: it is kept aside instead."""
    shard = data_dir / "moods" / "2026-11.json"
    original = _plain_tinydb_file(shard, "_default", [{"at": "2026-11-20T21:00:00"}])
    store = Store.open(data_dir)
    assert store.moods() == []
    [aside] = (data_dir / "moods").glob("2026-11.json.corrupt-*")
    assert aside.read_bytes() == original
    assert "has no mood" in store.notices[0]


def test_migrate_is_a_pure_step_from_each_version() -> None:
    """migrate() touches no disk and leaves current files alone."""
    tables = {"_default": {"1": {"at": "2026-11-20T21:00:00+01:00", "mood": 4, "id": "a"}}}
    assert migrate("moods", SCHEMA_VERSION, json.loads(json.dumps(tables))) == tables
    moved = migrate("moods", 0, json.loads(json.dumps(tables)))
    # Version 2 gave every record the time it was last written: for an older one, its own.
    stamped = {**tables["_default"]["1"], "updated_at": "2026-11-20T21:00:00+01:00"}
    assert moved == {"_default": {"1": stamped}}
    assert migrate("moods", 1, json.loads(json.dumps(tables))) == {"_default": {"1": stamped}}
