"""A delete touches three files (the month, trash.json, undo.json), an undo the same three:
SIGKILL a process doing one after another at random moments, and the next start finds
every entry in exactly one place, with its tombstone and its note for undo beside it.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from attack_helpers import Child

from tui.store.records import MoodLog, Slip
from tui.store.store import Store

KILLS = 16
ENTRIES = 24
AT = datetime(2026, 11, 2, 21, 0, tzinfo=UTC)


@pytest.fixture
def roots(tmp_path: Path) -> Iterator[Path]:
    """A scratch folder in memory when the machine has one (a SIGKILL loses no page cache)."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        yield tmp_path
        return
    root = Path(tempfile.mkdtemp(prefix="nocontact-trash-", dir=shm))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _template(root: Path) -> list[tuple[str, str]]:
    """Moods over two months and some contact: (kind, id) of each, in the order deleted."""
    store = Store.open(root)
    entries = []
    for number in range(ENTRIES):
        moment = AT - timedelta(days=number * 2)  # November and October
        if number % 4 == 3:
            slip = store.add_slip(Slip(at=moment, note=f"contact {number}"))
            entries.append(("slips", slip.id))
        else:
            mood = store.add(MoodLog(at=moment, mood=number % 11, note=f"evening {number}"))
            entries.append(("moods", mood.id))
    return entries


def _deleting(root: Path, entries: list[tuple[str, str]]) -> object:
    """Delete each entry in turn; after every third, undo (which brings it back)."""

    def work(report: int) -> None:
        store = Store.open(root)
        os.write(report, b"S")
        for number, (kind, record_id) in enumerate(entries):
            store.delete(kind, record_id)
            if number % 3 == 2:
                store.undo()
        os.write(report, b"D")

    return work


def _where_each_is(root: Path, entries: list[tuple[str, str]]) -> dict[str, str]:
    """After a fresh start: for each id, "live" or "trash", checked to be only one of them,
    with a tombstone and a note for undo exactly when it is in the trash."""
    store = Store.open(root)
    live = {record.id for record in [*store.moods(), *store.slips()]}
    trashed = {trashed.record.id for trashed in store.trash()}
    tombstoned = {tombstone.id for tombstone in store.tombstones()}
    undo = json.loads((root / "undo.json").read_text())["changes"].values()
    noted = {change["id"] for change in undo if change["action"] == "delete"}
    assert live.isdisjoint(trashed), "an entry both in history and in the trash"
    assert live | trashed == {record_id for _, record_id in entries}, "an entry lost"
    assert tombstoned == trashed, "a tombstone without its deletion, or the other way"
    assert noted == trashed, "a deletion undo does not know of, or a note with no deletion"
    assert list((root / ".journal").glob("*.staged")) == []
    return {record_id: "live" if record_id in live else "trash" for _, record_id in entries}


@pytest.mark.slow
def test_a_killed_delete_or_undo_leaves_each_entry_in_one_place(roots: Path) -> None:
    template = roots / "template"
    entries = _template(template)
    work_dir = roots / "work"
    shutil.copytree(template, work_dir)
    probe = Child(_deleting(work_dir, entries))
    started = time.monotonic()
    assert probe.wait_for(b"S")
    assert probe.finish() == 0
    whole = time.monotonic() - started
    finished = _where_each_is(work_dir, entries)
    assert sorted(finished.values()).count("trash") == ENTRIES - ENTRIES // 3
    rng = random.Random(20261123)
    seen = set()
    for kill in range(KILLS):
        shutil.rmtree(work_dir)
        shutil.copytree(template, work_dir)
        child = Child(_deleting(work_dir, entries))
        assert child.wait_for(b"S"), f"kill {kill}: the child did not start"
        time.sleep(rng.uniform(0, whole))
        child.kill()
        state = _where_each_is(work_dir, entries)
        seen.add(sum(place == "trash" for place in state.values()))
    assert len(seen) > 2, "the kills all landed at the same moment"
