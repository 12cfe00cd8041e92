"""The quick commands: ids as TinyDB numbers them, and no heavy imports on the way."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from tui.store.records import MoodLog, Slip
from tui.store.store import Store


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
    assert tracker["start"] == {
        "1": {"date": "2026-11-02"},
        "2": {"date": "2026-11-01", "replaced_at": "2026-11-23T20:15:00+00:00"},
    }
    assert list(tracker["slips"]) == ["1"]


def test_log_and_status_import_neither_textual_nor_dataclasses(data_dir: Path) -> None:
    code = (
        "import sys, tui.cli\n"
        f"tui.cli.main(['--data-dir', {str(data_dir)!r}, 'log', '5', 'fine'])\n"
        f"tui.cli.main(['--data-dir', {str(data_dir)!r}, 'status', '--short'])\n"
        "heavy = {'dataclasses', 'textual'} & set(sys.modules)\n"
        "print(sorted(heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "mood 5" in done.stdout
