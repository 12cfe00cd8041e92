"""The benchmarks' synthetic history loads through the store and is the same for a seed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tui.cli import main
from tui.store.store import Store
from tui.store.trash import CHANGE_TABLE, CHANGES_KEPT, UNDO_FILE

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "synth_history.py"


def synthesise(directory: Path, seed: int = 3) -> str:
    """Run the script for about five weeks of history ending on a fixed day."""
    command = [sys.executable, str(SCRIPT), "--years", "0.1", "--data-dir", str(directory)]
    command += ["--seed", str(seed), "--end", "2026-11-23"]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return done.stdout


def test_synthetic_history_loads_through_the_store(tmp_path: Path) -> None:
    """Every kind of record is there, readable, in every stage, within the span asked for."""
    synthesise(tmp_path / "data")
    store = Store.open(tmp_path / "data")
    moods, sessions = store.moods(), store.sessions()
    assert 37 * 3 <= len(moods) <= 37 * 8
    assert {session.stage for session in sessions} == {1, 2, 3, 4, 5}
    assert all(session.answers and session.mood_before is not None for session in sessions)
    assert any(mood.note and mood.tags for mood in moods)
    assert store.urges() and store.no_contact_start() is not None
    assert store.setting("country") == "UK"
    assert min(mood.at for mood in moods).date().isoformat() >= "2026-10-17"
    assert max(mood.at for mood in moods).date().isoformat() <= "2026-11-23"
    assert store.overview().mood_count == len(moods)
    assert store.notices == []


def test_synthetic_history_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    """The same seed writes the same records; another seed writes others."""
    synthesise(tmp_path / "a")
    synthesise(tmp_path / "b")
    synthesise(tmp_path / "c", seed=4)
    first, again, other = (Store.open(tmp_path / name) for name in "abc")
    assert first.moods() == again.moods() and first.sessions() == again.sessions()
    assert first.moods() != other.moods()


def test_a_log_on_a_long_history_reads_only_this_months_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cost of `nocontact log` does not grow with history: one shard read, one written."""
    data = tmp_path / "data"
    synthesise(data)
    Store.open(data).overview()  # the summary a previous app start leaves behind
    read: list[str] = []
    original = Store._read_tables

    def spy(store: Store, path: Path) -> dict[str, Any]:
        read.append(path.relative_to(data).as_posix())
        return original(store, path)

    monkeypatch.setattr(Store, "_read_tables", spy)
    assert main(["--data-dir", str(data), "log", "6", "a quiet evening"]) == 0
    # And undo.json, to note the log for undo: it keeps the last CHANGES_KEPT changes only.
    assert set(read) == {"moods/2026-11.json", UNDO_FILE}
    for _ in range(CHANGES_KEPT):
        assert main(["--data-dir", str(data), "log", "7"]) == 0
    changes = json.loads((data / UNDO_FILE).read_text())[CHANGE_TABLE]
    assert len(changes) == CHANGES_KEPT
    read.clear()
    overview = Store.open(data).overview()
    assert read == ["moods/2026-11.json"]
    assert overview.mood_count == len(Store.open(data).moods())
