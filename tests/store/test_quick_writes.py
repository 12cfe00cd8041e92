"""The quick commands add records without TinyDB; the files must be what TinyDB writes."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from tinydb import TinyDB

from tui.store.records import MoodLog, Slip
from tui.store.storage import PendingStorage, encode_file
from tui.store.store import Store

START = {
    "start": {"1": {"date": "2026-10-01"}},
    "slips": {"1": {"id": "a"}, "07": {"id": "b"}, "3": {"id": "c"}},
}


def test_an_insert_numbers_and_orders_rows_exactly_as_tinydb_does(tmp_path: Path) -> None:
    ours = PendingStorage(tmp_path / "ours.json", copy.deepcopy(START))
    ours.insert("slips", {"id": "d"})
    ours.insert("logistics", {"id": "e"})
    ours.write({**ours.tables, "start": {}})
    ours.insert("start", {"date": "2026-11-01"})
    theirs = PendingStorage(tmp_path / "theirs.json", copy.deepcopy(START))
    database = TinyDB(storage=lambda: theirs)
    database.table("slips").insert({"id": "d"})
    database.table("logistics").insert({"id": "e"})
    database.table("start").truncate()
    database.table("start").insert({"date": "2026-11-01"})
    assert encode_file(ours.tables) == encode_file(theirs.tables)
    assert list(ours.tables["slips"]) == ["1", "7", "3", "8"]


def test_records_added_after_a_delete_take_the_next_id(data_dir: Path) -> None:
    store = Store.open(data_dir)
    at = datetime(2026, 11, 20, 21, tzinfo=UTC)
    logs = [store.add(MoodLog(at=at, mood=mood)) for mood in (3, 4, 5)]
    store.delete("moods", logs[2].id)
    store.add(MoodLog(at=at, mood=6, id="last"))
    store.add_slip(Slip(at=at, id="slip"))
    store.set_no_contact_start(date(2026, 11, 1))
    store.set_no_contact_start(date(2026, 11, 2))
    shard = json.loads((data_dir / "moods" / "2026-11.json").read_text())
    assert [(key, row["mood"]) for key, row in shard["_default"].items()] == [
        ("1", 3),
        ("2", 4),
        ("3", 6),
    ]
    tracker = json.loads((data_dir / "tracker.json").read_text())
    assert tracker["start"] == {"1": {"date": "2026-11-02"}}
    assert list(tracker["slips"]) == ["1"]


def test_log_and_status_import_neither_tinydb_nor_typing(data_dir: Path) -> None:
    code = (
        "import sys, tui.cli\n"
        f"tui.cli.main(['--data-dir', {str(data_dir)!r}, 'log', '5', 'fine'])\n"
        f"tui.cli.main(['--data-dir', {str(data_dir)!r}, 'status', '--short'])\n"
        "heavy = {'tinydb', 'typing', 'dataclasses', 'textual'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "mood 5" in done.stdout
