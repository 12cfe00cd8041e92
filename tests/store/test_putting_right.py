"""Edit, trash, undo, tombstones and `updated_at` in the store, on every kind of entry.

What is checked is what lands on disk (read back through a fresh Store, or the files
themselves) and what the tracker counts afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui.commandline.exchange import add_to_store, build_export, read_export
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.storage import SCHEMA_VERSION, encode_file
from tui.store.store import (
    AmbiguousIdError,
    InTrashError,
    NothingToUndoError,
    RecordNotFoundError,
    Store,
)
from tui.store.tracker import build_tracker
from tui.store.trash import TRASH_DAYS, Entry
from tui.store.validation import ValidationError

NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
"""tests/conftest.py's pinned clock."""
AT = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
START = date(2026, 11, 1)

ENTRIES: dict[str, Callable[[], Entry]] = {
    "mood": lambda: MoodLog(at=AT, mood=5, note="a grey evening", tags=("tired",), source="cli"),
    "session": lambda: Session(
        2, AT - timedelta(minutes=12), AT, 3, None, {"what_is": "It ended.", "breathing": {"r": 4}}
    ),
    "urge": lambda: Urge(at=AT, strength=7, note="late", source="cli"),
    "slip": lambda: Slip(at=AT, they_reached_out=True, note="they called", mood=4),
    "logistics": lambda: LogisticsContact(at=AT, note="the keys"),
}
CHANGES: dict[str, dict[str, object]] = {
    "mood": {"mood": 7, "note": "a calmer evening", "tags": ("hopeful",)},
    "session": {"mood_after": 6, "answers": {"what_is": "It ended, and I am here."}},
    "urge": {"strength": 4, "acted": True},
    "slip": {"they_reached_out": False, "feeling": "shaky", "mood": None},
    "logistics": {"note": "the keys and the post", "at": AT - timedelta(days=40)},
}


def add(store: Store, record: Entry) -> Entry:
    if isinstance(record, Slip):
        return store.add_slip(record)
    if isinstance(record, LogisticsContact):
        return store.add_logistics(record)
    return store.add(record)


def everything(store: Store) -> list[Entry]:
    """Every live entry, by a fresh read."""
    return [
        *store.moods(),
        *store.sessions(),
        *store.urges(),
        *store.slips(),
        *store.logistics(),
    ]


def at_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setenv("NOCONTACT_NOW", moment.isoformat())


@pytest.fixture
def store(data_dir: Path) -> Store:
    return Store.open(data_dir)


class TestUpdatedAt:
    def test_a_new_entry_carries_the_moment_it_was_written(self, store: Store) -> None:
        saved = store.add(MoodLog(at=AT, mood=5))
        assert saved.updated_at == NOW
        [on_disk] = Store.open(store.root).moods()
        assert on_disk.updated_at == NOW and on_disk.at == AT

    def test_an_imported_entry_keeps_its_own(self, store: Store) -> None:
        earlier = NOW - timedelta(days=3)
        store.add_imported([MoodLog(at=AT, mood=5, updated_at=earlier)])
        assert store.moods()[0].updated_at == earlier

    def test_every_change_sets_it_again(self, store: Store, monkeypatch) -> None:
        saved = store.add(MoodLog(at=AT, mood=5))
        later = NOW + timedelta(hours=1)
        at_clock(monkeypatch, later)
        edited = store.edit(saved, saved.replace(mood=6))
        assert edited.updated_at == later == store.moods()[0].updated_at

    def test_an_older_file_gains_it_after_a_backup(self, data_dir: Path) -> None:
        """A version 1 month: each record's updated_at is its own time; the file as it was
        is kept in backups/ first."""
        folder = data_dir / "moods"
        folder.mkdir(parents=True)
        old = {"at": "2026-11-20T21:00:00+01:00", "mood": 4, "id": "m1", "note": "", "tags": []}
        raw = encode_file({"_default": {"1": old}}, version=1)
        (folder / "2026-11.json").write_bytes(raw)
        [mood] = Store.open(data_dir).moods()
        assert mood.updated_at == mood.at
        on_disk = json.loads((folder / "2026-11.json").read_bytes())
        assert on_disk["_schema"] == SCHEMA_VERSION == 2
        assert on_disk["_default"]["1"]["updated_at"] == "2026-11-20T21:00:00+01:00"
        [backup] = (data_dir / "backups" / "moods").glob("2026-11.json.*.before-v2.bak")
        assert backup.read_bytes() == raw


@pytest.mark.parametrize("kind", list(ENTRIES))
class TestEachKind:
    def test_an_edit_changes_only_what_was_changed(self, store: Store, kind: str) -> None:
        saved = add(store, ENTRIES[kind]())
        edited = store.edit(saved, saved.replace(**CHANGES[kind]))
        [found] = everything(Store.open(store.root))
        assert found == edited
        assert found.replace(updated_at=None) == saved.replace(**CHANGES[kind], updated_at=None)

    def test_undo_puts_an_edit_back(self, store: Store, kind: str) -> None:
        saved = add(store, ENTRIES[kind]())
        store.edit(saved, saved.replace(**CHANGES[kind]))
        undone = store.undo()
        [found] = everything(Store.open(store.root))
        assert found.replace(updated_at=None) == saved.replace(updated_at=None)
        assert undone.record == found

    def test_undo_goes_back_step_by_step_as_time_passes(
        self, store: Store, kind: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Edited, then deleted a minute later: undo brings it back, then undoes the edit
        (the bringing back gave it a new `updated_at` and changed nothing else)."""
        saved = add(store, ENTRIES[kind]())
        at_clock(monkeypatch, NOW + timedelta(minutes=1))
        store.edit(saved, saved.replace(**CHANGES[kind]))
        at_clock(monkeypatch, NOW + timedelta(minutes=2))
        store.delete(saved.KIND, saved.id)
        at_clock(monkeypatch, NOW + timedelta(minutes=3))
        assert store.undo().change.action == "delete"
        at_clock(monkeypatch, NOW + timedelta(minutes=4))
        assert store.undo().change.action == "edit"
        [found] = everything(Store.open(store.root))
        assert found.replace(updated_at=None) == saved.replace(updated_at=None)
        assert found.updated_at == NOW + timedelta(minutes=4)

    def test_a_delete_goes_to_the_trash_and_undo_brings_it_back(
        self, store: Store, kind: str
    ) -> None:
        saved = add(store, ENTRIES[kind]())
        trashed = store.delete(saved.KIND, saved.id)
        reopened = Store.open(store.root)
        assert everything(reopened) == []
        assert [entry.record for entry in reopened.trash()] == [saved]
        assert trashed.deleted_at == NOW
        [tombstone] = reopened.tombstones()
        assert (tombstone.id, tombstone.kind, tombstone.deleted_at) == (saved.id, saved.KIND, NOW)
        store.undo()
        reopened = Store.open(store.root)
        assert [found.id for found in everything(reopened)] == [saved.id]
        assert reopened.trash() == [] and reopened.tombstones() == []

    def test_an_entry_added_by_mistake_is_undone_to_the_trash(
        self, store: Store, kind: str
    ) -> None:
        saved = add(store, ENTRIES[kind]())
        undone = store.undo()
        assert undone.record == saved
        assert everything(Store.open(store.root)) == []
        assert [entry.record for entry in store.trash()] == [saved]
        back = store.bring_back(saved.id)
        assert everything(Store.open(store.root)) == [back]
        store.undo()  # the bringing back, undone: in the trash again
        assert everything(Store.open(store.root)) == []

    def test_the_trash_lets_go_after_thirty_days(
        self, store: Store, kind: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        saved = add(store, ENTRIES[kind]())
        store.delete(saved.KIND, saved.id)
        at_clock(monkeypatch, NOW + timedelta(days=TRASH_DAYS) - timedelta(seconds=1))
        assert [entry.record.id for entry in store.trash()] == [saved.id]
        at_clock(monkeypatch, NOW + timedelta(days=TRASH_DAYS))
        assert store.trash() == []
        raw = (store.root / "trash.json").read_bytes()
        assert saved.id.encode() in raw  # its tombstone stays...
        assert b'"trash":{}' in raw  # ...and its words are gone from the file
        with pytest.raises(NothingToUndoError):
            store.undo()  # nothing left that can come back
        assert everything(store) == []


class TestTheTracker:
    def test_a_contact_logged_by_mistake_is_undone_in_one_step(self, store: Store) -> None:
        store.set_no_contact_start(START)
        store.add_slip(Slip(at=NOW - timedelta(hours=2), note="by mistake"))

        def tracker():
            fresh = Store.open(store.root)
            return build_tracker(
                fresh.no_contact_start(), fresh.slips(), fresh.logistics(), NOW.date()
            )

        assert tracker().current_days == 0
        store.undo()
        assert tracker().current_days == 22 and tracker().slips == 0

    def test_undo_of_a_moved_start_day_is_start_undo(self, store: Store) -> None:
        store.set_no_contact_start(START)
        store.set_no_contact_start(date(2026, 11, 10))
        undone = store.undo()
        assert undone.start_days == (START, date(2026, 11, 10))
        assert store.no_contact_start() == START

    def test_a_change_undone_by_other_means_is_passed_over(self, store: Store) -> None:
        """start --undo already put the day back: undo goes on to the change before it."""
        mood = store.add(MoodLog(at=AT, mood=5))
        store.set_no_contact_start(START)
        store.set_no_contact_start(date(2026, 11, 10))
        store.undo_start_change()
        undone = store.undo()
        assert undone.record == mood and store.moods() == []
        assert store.no_contact_start() == START


class TestTwoWindows:
    def test_an_edit_keeps_what_another_window_changed_meanwhile(self, store: Store) -> None:
        saved = store.add(MoodLog(at=AT, mood=5, note="first", tags=("tired",)))
        other = Store.open(store.root)
        other.edit(saved, saved.replace(mood=3, note="their words"))
        mine = store.edit(saved, saved.replace(tags=("calm",), note="my words"))
        assert mine.mood == 3 and mine.tags == ("calm",)
        assert "my words" in mine.note and "their words" in mine.note  # both kept

    def test_an_edit_of_an_entry_deleted_elsewhere_says_so_and_can_bring_it_back(
        self, store: Store
    ) -> None:
        saved = store.add(MoodLog(at=AT, mood=5, note="first"))
        Store.open(store.root).delete("moods", saved.id)
        with pytest.raises(InTrashError) as raised:
            store.edit(saved, saved.replace(note="typed meanwhile"))
        assert raised.value.trashed.record == saved
        assert store.moods() == []
        back = store.edit(saved, saved.replace(note="typed meanwhile"), bring_back=True)
        assert store.moods() == [back] and back.note == "typed meanwhile"
        assert store.trash() == [] and store.tombstones() == []

    def test_an_edit_of_an_entry_gone_for_good_is_refused(self, store: Store) -> None:
        gone = MoodLog(at=AT, mood=5, updated_at=NOW)
        with pytest.raises(RecordNotFoundError):
            store.edit(gone, gone.replace(mood=6))


class TestFinding:
    def test_an_id_or_the_only_one_it_begins(self, store: Store) -> None:
        first = store.add(MoodLog(at=AT, mood=5, id="abcd1111"))
        second = store.add_slip(Slip(at=AT, id="abcd2222"))
        assert store.find("abcd1") == first
        assert store.find("abcd2222") == second
        with pytest.raises(AmbiguousIdError):
            store.find("abcd")
        with pytest.raises(ValidationError, match="at least 4"):
            store.find("abc")
        with pytest.raises(RecordNotFoundError):
            store.find("ffff")
        store.delete("slips", second.id)
        with pytest.raises(InTrashError):
            store.find("abcd2")
        assert store.find_in_trash("abcd2").record == second


class TestTombstones:
    def test_export_and_import_round_trip_them_and_updated_at(
        self, store: Store, tmp_path: Path
    ) -> None:
        kept = store.add(MoodLog(at=AT, mood=5))
        deleted = store.add(MoodLog(at=AT + timedelta(minutes=1), mood=2))
        store.delete("moods", deleted.id)
        exported = build_export(store)
        assert exported["tombstones"] == [
            {"id": deleted.id, "kind": "moods", "deleted_at": NOW.isoformat()}
        ]
        assert exported["moods"] == [kept.to_dict()]
        fresh = Store.open(tmp_path / "other")
        add_to_store(fresh, read_export(json.loads(json.dumps(exported))))
        again = build_export(fresh)
        assert {**again, "exported_at": ""} == {**exported, "exported_at": ""}

    def test_an_import_never_brings_a_deleted_entry_back(self, store: Store) -> None:
        saved = store.add(MoodLog(at=AT, mood=5))
        exported = json.loads(json.dumps(build_export(store)))
        store.delete("moods", saved.id)
        added = add_to_store(store, read_export(exported))
        assert store.moods() == [] and added.deleted_here == 1

    def test_a_deletion_from_elsewhere_never_removes_an_entry_here(
        self, store: Store, tmp_path: Path
    ) -> None:
        saved = store.add(MoodLog(at=AT, mood=5))
        elsewhere = Store.open(tmp_path / "other")
        elsewhere.add_imported([saved])
        elsewhere.delete("moods", saved.id)
        add_to_store(store, read_export(json.loads(json.dumps(build_export(elsewhere)))))
        assert store.moods() == [saved] and store.tombstones() == []


def test_a_note_for_undo_that_cannot_be_written_leaves_the_entry_saved(
    store: Store,
) -> None:
    """undo.json written by a newer version: the mood is saved, and the person is told."""
    (store.root / "undo.json").write_bytes(encode_file({}, SCHEMA_VERSION + 1))
    saved = store.add(MoodLog(at=AT, mood=5))
    assert Store.open(store.root).moods() == [saved]
    assert any("undo will not know of it" in notice for notice in store.notices)


def test_undo_with_nothing_done_changes_nothing(store: Store) -> None:
    with pytest.raises(NothingToUndoError):
        store.undo()
    assert sorted(path.name for path in store.root.iterdir()) == [".lock"]
