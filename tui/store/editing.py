"""Putting entries right: edit, move to the trash, bring back and undo, each one batch.

Every change here runs inside Store.batch(): under the data dir's lock, on the files as
they are on disk now, and committed together through the journal (journal.py). So a kill
at any moment leaves an entry in its place or in the trash, never in neither and never in
both, and its note in undo.json lands with it. The Store's methods of the same names call
these; the layout of trash.json and undo.json is in trash.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui import clock
from tui.store.merge import merge
from tui.store.records import Frozen
from tui.store.storage import DEFAULT_TABLE
from tui.store.trash import (
    ADD,
    BRING_BACK,
    CHANGE_TABLE,
    DELETE,
    EDIT,
    RECORD_TYPES,
    SHARDED,
    START,
    TOMBSTONE_TABLE,
    TRASH_FILE,
    TRASH_TABLE,
    UNDO_FILE,
    Change,
    Entry,
    Tombstone,
    Trashed,
    entry_from,
)
from tui.store.validation import ValidationError, check_id, check_record, check_time

if TYPE_CHECKING:
    from tui.store.store import Store

SHORTEST_ID = 4
"""Characters of an id a person must give at least: fewer would match most entries."""
GONE = "That entry is no longer there; it may have been deleted in another window."
IN_TRASH = "That entry is in the trash."
NO_SUCH = "No entry has an id that begins that way."
AMBIGUOUS = "More than one entry has an id that begins that way; give more of it."
NOT_IN_TRASH = "No entry in the trash has an id that begins that way."
NOTHING_TO_UNDO = "There is nothing left to undo."
TEXT_FIELDS = frozenset({"note", "feeling", "answers"})
"""Fields where two windows' changes are both kept (see merge.py); elsewhere the edit wins."""
UNMERGED = frozenset({"id", "updated_at"})


class Undone(Frozen):
    """What undo reversed: the change, and the entry as it is now (or in the trash)."""

    FIELDS = ("change", "record")
    __slots__ = FIELDS
    change: Change
    record: Entry | None
    """The entry after the undo; None when a start day was put back."""

    def __init__(self, change: Change, record: Entry | None) -> None:
        self._set(change, record)

    @property
    def start_days(self) -> tuple[date, date]:
        """For a start day put back: (the day put back, the day undone)."""
        return date.fromisoformat(self.change.before), date.fromisoformat(self.change.after)


def _query() -> Any:
    from tinydb import Query

    return Query()


def _table_of(kind: str) -> str:
    return DEFAULT_TABLE if kind in SHARDED else kind


def _home(store: Store, record: Entry) -> Path:
    """The file a record belongs in: its month's file, or tracker.json."""
    from tui.store.store import TRACKER_FILE

    if record.KIND in SHARDED:
        return store.shard_path(record.KIND, record.when)
    return store.root / TRACKER_FILE


def _where(store: Store, kind: str, near: datetime | None) -> list[Path]:
    """The files that may hold an entry of `kind`: `near`'s month first."""
    from tui.store.store import TRACKER_FILE

    if kind not in SHARDED:
        return [store.root / TRACKER_FILE]
    paths = store.shard_paths(kind)
    if near is not None:
        first = store.shard_path(kind, near)
        paths = [first, *(path for path in paths if path != first)]
    return paths


def _locate(
    store: Store, kind: str, record_id: str, near: datetime | None = None
) -> tuple[Path, Entry] | None:
    """The file holding the live entry of `kind` with `record_id`, and the entry."""
    table = _table_of(kind)
    for path in _where(store, kind, near):
        for document in store._read_tables(path).get(table, {}).values():
            if document.get("id") == record_id:
                return path, entry_from(kind, document)
    return None


def _ids(store: Store, kind: str) -> set[str]:
    """The ids of every live entry of `kind`."""
    table = _table_of(kind)
    return {
        str(document.get("id"))
        for path in _where(store, kind, None)
        for document in store._read_tables(path).get(table, {}).values()
    }


def entry(store: Store, kind: str, record_id: str, near: datetime | None = None) -> Entry | None:
    """The live entry of `kind` with `record_id`, or None."""
    found = _locate(store, kind, record_id, near)
    return None if found is None else found[1]


def _insert(store: Store, record: Entry) -> None:
    if record.KIND in SHARDED:
        store._dir(record.KIND)
    with store._writing(_home(store, record)) as database:
        database.table(_table_of(record.KIND)).insert(record.to_dict())


def _remove(store: Store, path: Path, kind: str, record_id: str) -> None:
    with store._writing(path) as database:
        database.table(_table_of(kind)).remove(_query().id == record_id)


def _put(store: Store, path: Path, record: Entry) -> None:
    """Write `record` over the entry with its id in `path`, moving it if its month changed."""
    home = _home(store, record)
    if home != path:
        _insert(store, record)
        _remove(store, path, record.KIND, record.id)
        return
    from tui.store.store import _replaced_by

    with store._writing(path) as database:
        table = database.table(_table_of(record.KIND))
        table.update(_replaced_by(record.to_dict()), _query().id == record.id)


# -- the trash ---------------------------------------------------------------------


def _trash_documents(store: Store) -> dict[str, dict[str, Any]]:
    return store._read_tables(store.root / TRASH_FILE).get(TRASH_TABLE, {})


def _trashed(store: Store, now: datetime) -> list[Trashed]:
    """The entries in the trash not yet expired, the latest deleted first."""
    found = [Trashed.from_document(document) for document in _trash_documents(store).values()]
    kept = [(index, entry) for index, entry in enumerate(found) if not entry.expired(now)]
    # Two deleted in the same second: the one deleted later (written later) first.
    kept.sort(key=lambda pair: (pair[1].deleted_at, pair[0]), reverse=True)
    return [entry for _, entry in kept]


def _purge(database: Any, now: datetime) -> None:
    """Let go of what has been in the trash for TRASH_DAYS (its tombstones stay)."""
    table = database.table(TRASH_TABLE)
    expired = [doc.doc_id for doc in table.all() if Trashed.from_document(doc).expired(now)]
    if expired:
        table.remove(doc_ids=expired)


def _to_trash(store: Store, record: Entry, now: datetime) -> Trashed:
    trashed = Trashed(record, now)
    with store._writing(store.root / TRASH_FILE) as database:
        _purge(database, now)
        database.table(TRASH_TABLE).insert(trashed.to_document())
        tombstones = database.table(TOMBSTONE_TABLE)
        tombstones.remove(_query().id == record.id)
        tombstones.insert(Tombstone(record.id, record.KIND, now).to_document())
    return trashed


def _from_trash(store: Store, record_id: str, now: datetime) -> Trashed | None:
    """Take the entry with `record_id` out of the trash (and its tombstone); None if absent."""
    found = [entry for entry in _trashed(store, now) if entry.record.id == record_id]
    if not found:
        return None
    with store._writing(store.root / TRASH_FILE) as database:
        _purge(database, now)
        database.table(TRASH_TABLE).remove(_query().record.id == record_id)
        database.table(TOMBSTONE_TABLE).remove(_query().id == record_id)
    return found[0]


def trash(store: Store) -> list[Trashed]:
    """What the trash holds, the latest deleted first; what has expired is let go now."""
    now = clock.now()
    documents = _trash_documents(store)
    if any(Trashed.from_document(document).expired(now) for document in documents.values()):
        with store.batch(), store._writing(store.root / TRASH_FILE) as database:
            _purge(database, now)
    return _trashed(store, now)


def tombstones(store: Store) -> list[Tombstone]:
    """Every tombstone, oldest first."""
    documents = store._read_tables(store.root / TRASH_FILE).get(TOMBSTONE_TABLE, {})
    found = [Tombstone.from_document(document) for document in documents.values()]
    return sorted(found, key=lambda tombstone: tombstone.deleted_at)


def add_tombstones(store: Store, incoming: Iterable[Tombstone]) -> int:
    """Keep tombstones (from an import) whose entry is neither here nor already tombstoned.

    An entry still here is kept as it is: an import adds, it never removes.
    """
    with store.batch():
        known = {tombstone.id for tombstone in tombstones(store)}
        live: dict[str, set[str]] = {}
        fresh = []
        for tombstone in incoming:
            check_id(tombstone.id)
            check_time(tombstone.deleted_at, "The time of a deletion")
            if tombstone.kind not in RECORD_TYPES:
                raise ValidationError("A deletion names a kind of entry the app does not keep.")
            if tombstone.kind not in live:
                live[tombstone.kind] = _ids(store, tombstone.kind)
            if tombstone.id in known or tombstone.id in live[tombstone.kind]:
                continue
            known.add(tombstone.id)
            fresh.append(tombstone.to_document())
        if fresh:
            with store._writing(store.root / TRASH_FILE) as database:
                database.table(TOMBSTONE_TABLE).insert_multiple(fresh)
    return len(fresh)


# -- finding by id ---------------------------------------------------------------


def _checked_start(id_start: str) -> str:
    text = id_start.strip()
    if len(text) < SHORTEST_ID:
        raise ValidationError(
            f"An id needs at least {SHORTEST_ID} characters; `nocontact history` shows each one."
        )
    return text


def find(store: Store, id_start: str) -> Entry:
    """The live entry whose id is `id_start`, or the only one whose id begins with it."""
    from tui.store.store import AmbiguousIdError, InTrashError, RecordNotFoundError, StoreError

    wanted = _checked_start(id_start)
    matches: list[Entry] = []
    for kind in RECORD_TYPES:
        table = _table_of(kind)
        for path in _where(store, kind, None):
            for document in store._read_tables(path).get(table, {}).values():
                found = document.get("id")
                if isinstance(found, str) and found.startswith(wanted):
                    if found == wanted:
                        return entry_from(kind, document)
                    matches.append(entry_from(kind, document))
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise AmbiguousIdError(AMBIGUOUS)
    try:
        trashed = find_in_trash(store, wanted)
    except StoreError:  # not in the trash either, or more than one there
        raise RecordNotFoundError(NO_SUCH) from None
    raise InTrashError(IN_TRASH, trashed)


def find_in_trash(store: Store, id_start: str) -> Trashed:
    """The entry in the trash whose id is `id_start`, or the only one beginning with it."""
    from tui.store.store import AmbiguousIdError, RecordNotFoundError

    wanted = _checked_start(id_start)
    found = [entry for entry in _trashed(store, clock.now()) if entry.record.id.startswith(wanted)]
    exact = [entry for entry in found if entry.record.id == wanted]
    if exact or len(found) == 1:
        return (exact or found)[0]
    if found:
        raise AmbiguousIdError(AMBIGUOUS)
    raise RecordNotFoundError(NOT_IN_TRASH)


# -- changes ----------------------------------------------------------------------


def _merged(before: Entry, mine: Entry, theirs: Entry) -> Entry:
    """`theirs` (on disk now) with every field `mine` changed since `before` taken from it.

    Where both changed a text, both are kept (merge.py); anything else takes this edit's.
    """
    changes: dict[str, Any] = {}
    for name in type(mine).FIELDS:
        if name in UNMERGED:
            continue
        base, new, now = getattr(before, name), getattr(mine, name), getattr(theirs, name)
        if new in (base, now):
            continue
        if now != base and name in TEXT_FIELDS:
            new = merge(base, new, now, name)
        elif now != base and name == "tags":
            new = tuple(merge(list(base), list(new), list(now), name))
        changes[name] = new
    return theirs.replace(**changes)


def _same_entry(one: Entry, other: Entry) -> bool:
    """Whether two versions of an entry say the same (when they were written aside)."""
    return one.replace(updated_at=None) == other.replace(updated_at=None)


def edit(store: Store, before: Entry, after: Entry, *, bring_back: bool = False) -> Entry:
    """Save `after`, an edit of `before`, merged with the entry as it is now; return it."""
    from tui.store.store import InTrashError, RecordNotFoundError

    if type(before) is not type(after) or before.id != after.id:
        raise ValidationError("An edit must keep the entry's kind and id.")
    with store.batch():
        now = clock.now()
        found = _locate(store, before.KIND, before.id, before.when)
        if found is None:
            trashed = next(
                (entry for entry in _trashed(store, now) if entry.record.id == before.id), None
            )
            if trashed is None:
                raise RecordNotFoundError(GONE)
            if not bring_back:
                raise InTrashError(IN_TRASH, trashed)
            merged = _merged(before, after, trashed.record).stamped(now)
            check_record(merged)
            _from_trash(store, before.id, now)
            _insert(store, merged)
            store._note_change(Change.of(BRING_BACK, merged, now).to_document())
            return merged
        path, current = found
        merged = _merged(before, after, current)
        check_record(merged)
        if _same_entry(merged, current):
            return current
        return _replace(store, path, current, merged.stamped(now), now)


def _replace(store: Store, path: Path, current: Entry, new: Entry, now: datetime) -> Entry:
    """In a batch: `new` over `current` (in `path`), noted for undo."""
    _put(store, path, new)
    change = Change.of(EDIT, new, now, before=current.to_dict(), after=new.to_dict())
    store._note_change(change.to_document())
    return new


def replace(store: Store, record: Entry) -> Entry:
    """Replace the entry with `record`'s id with `record`, whole; return it as saved."""
    from tui.store.store import RecordNotFoundError

    with store.batch():
        now = clock.now()
        found = _locate(store, record.KIND, record.id, record.when)
        if found is None:
            raise RecordNotFoundError(GONE)
        stamped = record.stamped(now)
        check_record(stamped)
        return _replace(store, found[0], found[1], stamped, now)


def move_to_trash(store: Store, kind: str, record_id: str) -> Trashed:
    """Move the live entry of `kind` with `record_id` to the trash, leaving a tombstone."""
    from tui.store.store import InTrashError, RecordNotFoundError

    with store.batch():
        now = clock.now()
        found = _locate(store, kind, record_id)
        if found is None:
            trashed = [entry for entry in _trashed(store, now) if entry.record.id == record_id]
            if trashed:
                raise InTrashError(IN_TRASH, trashed[0])
            raise RecordNotFoundError(GONE)
        path, record = found
        _remove(store, path, kind, record_id)
        moved = _to_trash(store, record, now)
        store._note_change(Change.of(DELETE, record, now).to_document())
    return moved


def bring_back(store: Store, record_id: str) -> Entry:
    """Take the entry with `record_id` out of the trash, back into history."""
    from tui.store.store import RecordNotFoundError

    with store.batch():
        now = clock.now()
        record = _restore(store, record_id, now)
        if record is None:
            raise RecordNotFoundError(NOT_IN_TRASH)
        store._note_change(Change.of(BRING_BACK, record, now).to_document())
    return record


def _restore(store: Store, record_id: str, now: datetime) -> Entry | None:
    """In a batch: the trashed entry with `record_id` back in history, or None."""
    trashed = _from_trash(store, record_id, now)
    if trashed is None:
        return None
    record = trashed.record.stamped(now)
    if _locate(store, record.KIND, record.id, record.when) is None:
        _insert(store, record)
    return record


# -- undo ----------------------------------------------------------------------------


def undo(store: Store) -> Undone:
    """Reverse the newest change still standing; changes passed over on the way are let go."""
    from tui.store.store import NothingToUndoError

    with store.batch():
        now = clock.now()
        changes = store._read_tables(store.root / UNDO_FILE).get(CHANGE_TABLE, {})
        passed: list[int] = []
        undone = None
        for doc_id in sorted(changes, key=int, reverse=True):
            passed.append(int(doc_id))
            try:
                undone = _reverse(store, Change.from_document(changes[doc_id]), now)
            except (KeyError, TypeError, ValueError):
                undone = None  # a note that no longer makes sense (damaged, or out of date)
            if undone is not None:
                break
        if passed:
            with store._writing(store.root / UNDO_FILE) as database:
                database.table(CHANGE_TABLE).remove(doc_ids=passed)
    if undone is None:
        raise NothingToUndoError(NOTHING_TO_UNDO)
    return undone


def _take_away(store: Store, change: Change, now: datetime) -> Undone | None:
    """Undo an addition or a bringing back: the entry goes (back) to the trash."""
    found = _locate(store, change.kind, change.id, change.when)
    if found is None:
        return None
    path, record = found
    _remove(store, path, change.kind, change.id)
    _to_trash(store, record, now)
    return Undone(change, record)


def _reverse(store: Store, change: Change, now: datetime) -> Undone | None:
    """In a batch: reverse `change` if the entry is still as it left it; else None."""
    if change.action in (ADD, BRING_BACK):
        return _take_away(store, change, now)
    if change.action == DELETE:
        if _locate(store, change.kind, change.id, change.when) is not None:
            return None
        record = _restore(store, change.id, now)
        return None if record is None else Undone(change, record)
    if change.action == EDIT:
        found = _locate(store, change.kind, change.id, change.when)
        # As the edit left it, whenever it was last written: a delete and its undo since
        # give it a new `updated_at` and change nothing else.
        if found is None or not _same_entry(found[1], entry_from(change.kind, change.after)):
            return None
        earlier = entry_from(change.kind, change.before).stamped(now)
        check_record(earlier)
        _put(store, found[0], earlier)
        return Undone(change, earlier)
    if change.action == START:
        history = store.start_history()
        if str(store.no_contact_start()) != change.after or not history:
            return None
        if history[0][0].isoformat() != change.before:
            return None
        store.undo_start_change()
        return Undone(change, None)
    return None
