"""The JSON export format, read back strictly: everything is checked before anything is written.

Shape (documented in the README, "Command line"):
    {"format": "nocontact-coach", "version": 1, "exported_at": ISO time,
     "no_contact_start": "YYYY-MM-DD" or null,
     "start_history": [{"date": "YYYY-MM-DD", "replaced_at": ISO time}, ...],
     "settings": {key: value},
     "moods": [...], "sessions": [...], "urges": [...], "slips": [...], "logistics": [...],
     "drafts": [...],
     "tombstones": [{"id": ..., "kind": "moods", "deleted_at": ISO time}, ...]}
Records are listed oldest first, each exactly as the store keeps it (with its
`updated_at`); a tombstone says an entry was deleted, and when, without its words (the
trash itself is not exported). A refusal names where in the file the fault is
("moods[3]"), never what is written there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tui import clock
from tui.commandline.errors import UsageError
from tui.store.records import Draft, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.shapes import setting_fits
from tui.store.store import FUTURE_ALLOWANCE, Store
from tui.store.trash import RECORD_TYPES, Tombstone
from tui.store.validation import (
    ValidationError,
    check_day,
    check_id,
    check_record,
    check_setting,
    check_time,
)

FORMAT = "nocontact-coach"
VERSION = 1
RECORD_LISTS: dict[str, Any] = {
    "moods": MoodLog,
    "sessions": Session,
    "urges": Urge,
    "slips": Slip,
    "logistics": LogisticsContact,
}
"""Each list of records in an export and the record type it holds."""
TIME_FIELDS = ("at", "started_at", "saved_at", "updated_at")


def _oldest_first(records: list[Any]) -> list[dict[str, Any]]:
    return [record.to_dict() for record in records]


def build_export(store: Store) -> dict[str, Any]:
    """Everything in the store as one JSON-ready object."""
    start = store.no_contact_start()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": clock.now().isoformat(),
        "no_contact_start": start.isoformat() if start else None,
        "start_history": [
            {"date": day.isoformat(), "replaced_at": replaced_at.isoformat()}
            for day, replaced_at in reversed(store.start_history())
        ],
        "settings": store.settings(),
        # The store lists newest first, ties by insertion; reversed is the order to re-insert.
        "moods": _oldest_first(list(reversed(store.moods()))),
        "sessions": _oldest_first(list(reversed(store.sessions()))),
        "urges": _oldest_first(list(reversed(store.urges()))),
        "slips": _oldest_first(sorted(store.slips(), key=lambda slip: slip.at)),
        "logistics": _oldest_first(sorted(store.logistics(), key=lambda contact: contact.at)),
        "drafts": [draft.to_dict() for draft in store.drafts()],
        "tombstones": [tombstone.to_document() for tombstone in store.tombstones()],
    }


@dataclass
class Incoming:
    """What a checked export file holds, ready to be added to a store."""

    no_contact_start: date | None = None
    start_history: list[tuple[date, datetime]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    records: dict[str, list[Any]] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)
    tombstones: list[Tombstone] = field(default_factory=list)


def _identical(expected: Any, given: Any) -> bool:
    """Equal, and of the same JSON type all the way down: true is not 1, 5.0 is not 5."""
    if type(expected) is not type(given):
        return False
    if isinstance(expected, dict):
        return expected.keys() == given.keys() and all(
            _identical(expected[key], given[key]) for key in expected
        )
    if isinstance(expected, list):
        return len(expected) == len(given) and all(map(_identical, expected, given))
    return bool(expected == given)


def _same(expected: Any, given: Any, key: str) -> bool:
    if _identical(expected, given):
        return True
    if key in TIME_FIELDS and isinstance(given, str):
        try:
            return datetime.fromisoformat(given) == datetime.fromisoformat(expected)
        except ValueError:
            return False
    return False


def _record(kind: Any, document: Any, where: str) -> Any:
    """One record read back from `document`, refusing anything it would not keep as is."""
    if not isinstance(document, dict):
        raise UsageError(f"{where} is not an object.")
    try:
        record = kind.from_dict(document)
        check_record(record)
    except KeyError as missing:
        raise UsageError(f"{where} has no {missing.args[0]!r}.") from None
    except ValidationError as error:
        raise UsageError(f"{where}: {error}") from None
    except (TypeError, ValueError, AttributeError, OverflowError):
        raise UsageError(f"{where} holds a value of the wrong kind.") from None
    saved = record.to_dict()
    for key, value in document.items():
        if key not in saved:
            raise UsageError(f"{where} has a field the app does not know.")
        if not _same(saved[key], value, key):
            raise UsageError(f"{where} has a value of the wrong kind in {key!r}.")
    moment = record.updated_at if isinstance(record, Draft) else record.when
    if moment > clock.now() + FUTURE_ALLOWANCE:
        raise UsageError(f"{where} is dated in the future.")
    return record


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise UsageError(f"{key!r} must be a list.")
    return value


def read_export(data: Any) -> Incoming:
    """Check a parsed export file completely; the first fault is one UsageError."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UsageError("It is not an export from No Contact Coach (no 'format' line).")
    version = data.get("version")
    if version != VERSION or type(version) is not int:
        shown = f" {version}" if type(version) is int else ""
        raise UsageError(f"It is an export of another version{shown}; this app reads version 1.")
    incoming = Incoming()
    incoming.no_contact_start = _start_day(data.get("no_contact_start"), "'no_contact_start'")
    incoming.start_history = [
        _earlier_start(entry, f"start_history[{index}]")
        for index, entry in enumerate(_list(data, "start_history"))
    ]
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise UsageError("'settings' must be an object.")
    for index, (key, value) in enumerate(settings.items()):
        try:
            check_setting(key, value)
            if not setting_fits(key, value):
                raise ValidationError("It is not in the shape the app keeps it in.")
        except ValidationError as error:
            raise UsageError(f"The setting number {index + 1} in 'settings': {error}") from None
    incoming.settings = settings
    for key, kind in RECORD_LISTS.items():
        incoming.records[key] = [
            _record(kind, document, f"{key}[{index}]")
            for index, document in enumerate(_list(data, key))
        ]
    incoming.drafts = [
        _record(Draft, document, f"drafts[{index}]")
        for index, document in enumerate(_list(data, "drafts"))
    ]
    incoming.tombstones = [
        _tombstone(document, f"tombstones[{index}]")
        for index, document in enumerate(_list(data, "tombstones"))
    ]
    known = {
        "format",
        "version",
        "exported_at",
        "no_contact_start",
        "start_history",
        "settings",
        "drafts",
        "tombstones",
    }
    if set(data) - known - set(RECORD_LISTS):
        raise UsageError("It has a part the app does not know.")
    return incoming


def _tombstone(document: Any, where: str) -> Tombstone:
    """One deletion from the file: an id, a kind of entry and a time, nothing else."""
    if not isinstance(document, dict) or set(document) != {"id", "kind", "deleted_at"}:
        raise UsageError(f"{where} must hold an 'id', a 'kind' and a 'deleted_at', nothing else.")
    if document["kind"] not in RECORD_TYPES:
        raise UsageError(f"{where} names a kind of entry the app does not keep.")
    try:
        check_id(document["id"])
        deleted_at = check_time(datetime.fromisoformat(document["deleted_at"]))
    except ValidationError as error:
        raise UsageError(f"{where}: {error}") from None
    except (TypeError, ValueError):
        raise UsageError(f"{where} has a 'deleted_at' that is not a time.") from None
    if deleted_at > clock.now() + FUTURE_ALLOWANCE:
        raise UsageError(f"{where} is dated in the future.")
    return Tombstone(document["id"], document["kind"], deleted_at)


def _start_day(value: Any, where: str) -> date | None:
    """A start day from the file: a date not after today, or one clear line."""
    if value is None:
        return None
    try:
        day = check_day(date.fromisoformat(value), "The start day")
    except (TypeError, ValueError):
        raise UsageError(f"{where} is not a date.") from None
    if day > clock.today():
        raise UsageError(f"{where} is a day in the future.")
    return day


def _earlier_start(entry: Any, where: str) -> tuple[date, datetime]:
    """One earlier start day and when it was replaced, or one clear line."""
    if not isinstance(entry, dict) or set(entry) != {"date", "replaced_at"}:
        raise UsageError(f"{where} must hold a 'date' and a 'replaced_at', nothing else.")
    day = _start_day(entry["date"], where)
    try:
        replaced_at = check_time(datetime.fromisoformat(entry["replaced_at"]))
    except (TypeError, ValueError):
        raise UsageError(f"{where} has a 'replaced_at' that is not a time.") from None
    if day is None or replaced_at > clock.now() + FUTURE_ALLOWANCE:
        raise UsageError(f"{where} is not an earlier start day.")
    return day, replaced_at


@dataclass
class Added:
    """How much an import added, and what it left as it was."""

    records: dict[str, int] = field(default_factory=dict)
    already_here: int = 0
    deleted_here: int = 0
    """Records in the file that were deleted here: left out, never brought back."""
    settings: int = 0
    kept_settings: int = 0
    tombstones: int = 0


def _existing_ids(store: Store, key: str) -> set[str]:
    if key == "slips":
        return {slip.id for slip in store.slips()}
    if key == "logistics":
        return {contact.id for contact in store.logistics()}
    return {record.id for record in store.records(key)}


def add_to_store(store: Store, incoming: Incoming) -> Added:
    """Add what `incoming` holds and the store lacks, all of it or (on any failure) none.

    Never overwrites what is already here. One batch: every file is read fresh under the
    lock and all of them land together (see Store.batch).
    """
    with store.batch():
        return _add(store, incoming)


def _add(store: Store, incoming: Incoming) -> Added:
    added = Added()
    deleted = {tombstone.id for tombstone in store.tombstones()}
    for key, records in incoming.records.items():
        seen = _existing_ids(store, key)
        fresh = []
        for record in records:
            if record.id in seen:
                added.already_here += 1
                continue
            if record.id in deleted:
                added.deleted_here += 1
                continue
            seen.add(record.id)
            fresh.append(record)
        if key in ("slips", "logistics"):
            for record in fresh:
                (store.add_slip if key == "slips" else store.add_logistics)(record)
        elif fresh:
            store.add_imported(fresh)
        added.records[key] = len(fresh)
    if incoming.no_contact_start and store.no_contact_start() is None:
        store.set_no_contact_start(incoming.no_contact_start)
    if incoming.start_history:
        store.add_start_history(incoming.start_history)
    current = store.settings()
    for key, value in incoming.settings.items():
        if key in current:
            added.kept_settings += current[key] != value
            continue
        store.set_setting(key, value)
        added.settings += 1
    kept = {(draft.stage, draft.owner) for draft in store.drafts()}
    for draft in incoming.drafts:
        if (draft.stage, draft.owner) not in kept:
            store.save_draft(draft)
    added.tombstones = store.add_tombstones(incoming.tombstones)
    return added
