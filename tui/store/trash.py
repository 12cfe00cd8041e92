"""The trash, the tombstones deletions leave, and the journal of changes that undo reverses.

trash.json holds two tables:
    "trash"       each deleted record whole, its kind and when it was deleted; kept
                  TRASH_DAYS days, then gone for good;
    "tombstones"  each deleted record's id, kind and when it was deleted, and no words:
                  kept for good, so that two copies of a journal can be merged record by
                  record and an import never brings a deleted record back.
undo.json holds "changes": the last changes to entries, oldest first, each with what it
takes to reverse it (see Change). A change is undone only while the entry is still as
the change left it; one that something else has changed since is passed over.

Plain data and rules only; the Store does the reading and writing (tui/store/editing.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from tui.store.records import Frozen, LogisticsContact, MoodLog, Session, Slip, Urge

TRASH_FILE = "trash.json"
UNDO_FILE = "undo.json"
TRASH_TABLE = "trash"
TOMBSTONE_TABLE = "tombstones"
CHANGE_TABLE = "changes"
TRASH_DAYS = 30
"""Days a deleted entry stays in the trash, where it can be brought back."""
CHANGES_KEPT = 50
"""Changes undo remembers; older ones (and any older than TRASH_DAYS) are let go."""

Entry = MoodLog | Session | Urge | Slip | LogisticsContact
"""Any record a person keeps, of the five kinds."""

RECORD_TYPES: dict[str, type[Entry]] = {
    "moods": MoodLog,
    "sessions": Session,
    "urges": Urge,
    "slips": Slip,
    "logistics": LogisticsContact,
}
"""Each kind of record by the name it is kept under (its KIND)."""
SHARDED = ("moods", "sessions", "urges")
"""Kinds kept in month files; slips and logistics contact live in tracker.json."""

ADD, EDIT, DELETE, BRING_BACK, START = "add", "edit", "delete", "bring_back", "start"
ACTIONS = (ADD, EDIT, DELETE, BRING_BACK, START)


def entry_from(kind: str, document: dict[str, Any]) -> Entry:
    """The record of `kind` in `document` (KeyError, TypeError or ValueError if none)."""
    return RECORD_TYPES[kind].from_dict(document)


class Trashed(Frozen):
    """A deleted record in the trash, and when it was deleted."""

    FIELDS = ("record", "deleted_at")
    __slots__ = FIELDS
    record: Entry
    deleted_at: datetime

    def __init__(self, record: Entry, deleted_at: datetime) -> None:
        self._set(record, deleted_at)

    @property
    def expires(self) -> datetime:
        """When it leaves the trash for good."""
        return self.deleted_at + timedelta(days=TRASH_DAYS)

    def expired(self, now: datetime) -> bool:
        return now >= self.expires

    def to_document(self) -> dict[str, Any]:
        return {
            "kind": self.record.KIND,
            "deleted_at": self.deleted_at.isoformat(),
            "record": self.record.to_dict(),
        }

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Trashed:
        record = entry_from(document["kind"], document["record"])
        return cls(record, datetime.fromisoformat(document["deleted_at"]))


class Tombstone(Frozen):
    """What a deletion leaves for good: the record's id, its kind and when it was deleted."""

    FIELDS = ("id", "kind", "deleted_at")
    __slots__ = FIELDS
    id: str
    kind: str
    deleted_at: datetime

    def __init__(self, id: str, kind: str, deleted_at: datetime) -> None:
        self._set(id, kind, deleted_at)

    def to_document(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "deleted_at": self.deleted_at.isoformat()}

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Tombstone:
        return cls(document["id"], document["kind"], datetime.fromisoformat(document["deleted_at"]))


class Change(Frozen):
    """One change undo can reverse.

    `action` is ADD (a record saved), EDIT (`before` and `after` are the record's documents),
    DELETE (moved to the trash), BRING_BACK (taken out of the trash) or START (the start day
    moved: `before` and `after` are ISO dates). `when` is the record's own time, where to
    look for it first.
    """

    FIELDS = ("action", "at", "kind", "id", "when", "before", "after")
    __slots__ = FIELDS
    action: str
    at: datetime
    kind: str
    id: str
    when: datetime | None
    before: Any
    after: Any

    def __init__(
        self,
        action: str,
        at: datetime,
        kind: str = "",
        id: str = "",
        when: datetime | None = None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        self._set(action, at, kind, id, when, before, after)

    @classmethod
    def of(cls, action: str, record: Entry, at: datetime, **documents: Any) -> Change:
        """A change to `record` made at `at`."""
        return cls(action, at, record.KIND, record.id, record.when, **documents)

    def to_document(self) -> dict[str, Any]:
        document: dict[str, Any] = {"action": self.action, "at": self.at.isoformat()}
        if self.kind:
            document.update(kind=self.kind, id=self.id)
        if self.when is not None:
            document["when"] = self.when.isoformat()
        for name in ("before", "after"):
            if getattr(self, name) is not None:
                document[name] = getattr(self, name)
        return document

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Change:
        when = document.get("when")
        return cls(
            document["action"],
            datetime.fromisoformat(document["at"]),
            document.get("kind", ""),
            document.get("id", ""),
            None if when is None else datetime.fromisoformat(when),
            document.get("before"),
            document.get("after"),
        )


def let_go(changes: dict[str, dict[str, Any]], now: datetime) -> list[int]:
    """The TinyDB ids of the changes undo no longer keeps: beyond CHANGES_KEPT, or too old."""
    ordered = sorted(int(doc_id) for doc_id in changes)
    surplus = ordered[: max(0, len(ordered) - CHANGES_KEPT)]
    oldest = now - timedelta(days=TRASH_DAYS)
    stale = [
        int(doc_id)
        for doc_id, document in changes.items()
        if datetime.fromisoformat(document["at"]) < oldest
    ]
    return sorted(set(surplus) | set(stale))
