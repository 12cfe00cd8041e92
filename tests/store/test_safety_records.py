"""Changing and removing saved records: one atomic write each, validated, never a silent miss."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from safety_helpers import snapshot

from tui.store.records import MoodLog, Urge
from tui.store.store import RecordNotFoundError, Store
from tui.store.validation import ValidationError

NOVEMBER = datetime(2026, 11, 20, 21, tzinfo=UTC)


def test_update_replaces_a_record_in_place(data_dir: Path) -> None:
    """An edited note and mood replace the old ones; the other records and the order stay."""
    store = Store.open(data_dir)
    first = store.add(MoodLog(at=NOVEMBER, mood=3, note="before", tags=("sad",)))
    second = store.add(MoodLog(at=NOVEMBER, mood=6, note="another"))
    store.update(first.replace(mood=4, note="after", tags=()))
    assert [(mood.id, mood.mood, mood.note, mood.tags) for mood in store.moods()] == [
        (second.id, 6, "another", ()),
        (first.id, 4, "after", ()),
    ]


def test_update_to_another_month_moves_the_record(data_dir: Path) -> None:
    """A time corrected into October moves the record to October's file."""
    store = Store.open(data_dir)
    urge = store.add(Urge(at=NOVEMBER, strength=7, note="late"))
    store.update(urge.replace(at=datetime(2026, 10, 31, 23, tzinfo=UTC)))
    assert [found.at.month for found in store.urges()] == [10]
    assert (data_dir / "urges" / "2026-10.json").exists()
    assert Store.open(data_dir).urges()[0].id == urge.id


def test_delete_removes_only_that_record(data_dir: Path) -> None:
    """Deleting one mood log leaves the others exactly as they were."""
    store = Store.open(data_dir)
    kept = store.add(MoodLog(at=NOVEMBER, mood=5, note="kept"))
    gone = store.add(MoodLog(at=NOVEMBER, mood=2, note="gone"))
    store.delete("moods", gone.id)
    assert store.moods() == [kept]


def test_a_missing_record_is_said_not_skipped(data_dir: Path) -> None:
    """Updating or deleting what another window already deleted raises a clear StoreError."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=NOVEMBER, mood=5))
    before = snapshot(data_dir)
    with pytest.raises(RecordNotFoundError, match="no longer there"):
        store.delete("moods", "not-an-id")
    with pytest.raises(RecordNotFoundError):
        store.update(MoodLog(at=NOVEMBER, mood=5, id="not-an-id"))
    assert snapshot(data_dir) == before


def test_an_invalid_update_changes_nothing(data_dir: Path) -> None:
    """An update that fails validation leaves every file byte for byte."""
    store = Store.open(data_dir)
    saved = store.add(MoodLog(at=NOVEMBER, mood=5, note="fine"))
    before = snapshot(data_dir)
    with pytest.raises(ValidationError):
        store.update(saved.replace(note="bell\x07"))
    assert snapshot(data_dir) == before
