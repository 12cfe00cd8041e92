"""The JSON export format, read back strictly: everything is checked before anything is written.

Shape (documented in the README, "Command line"):
    {"format": "nocontact-coach", "version": 1, "exported_at": ISO time,
     "no_contact_start": "YYYY-MM-DD" or null, "settings": {key: value},
     "moods": [...], "sessions": [...], "urges": [...], "slips": [...], "logistics": [...],
     "drafts": [...]}
Records are listed oldest first, each exactly as the store keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tui import clock
from tui.commandline.errors import UsageError
from tui.store.records import Draft, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Store
from tui.store.validation import ValidationError, check_day, check_record, check_setting

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
        "settings": store.settings(),
        # The store lists newest first, ties by insertion; reversed is the order to re-insert.
        "moods": _oldest_first(list(reversed(store.moods()))),
        "sessions": _oldest_first(list(reversed(store.sessions()))),
        "urges": _oldest_first(list(reversed(store.urges()))),
        "slips": _oldest_first(sorted(store.slips(), key=lambda slip: slip.at)),
        "logistics": _oldest_first(sorted(store.logistics(), key=lambda contact: contact.at)),
        "drafts": [draft.to_dict() for draft in store.drafts()],
    }


@dataclass
class Incoming:
    """What a checked export file holds, ready to be added to a store."""

    no_contact_start: date | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    records: dict[str, list[Any]] = field(default_factory=dict)
    drafts: list[Draft] = field(default_factory=list)


def _same(expected: Any, given: Any, key: str) -> bool:
    if expected == given:
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
    except (TypeError, ValueError, AttributeError) as error:
        raise UsageError(f"{where} holds a value of the wrong kind ({error}).") from None
    saved = record.to_dict()
    for key, value in document.items():
        if key not in saved:
            raise UsageError(f"{where} has a field the app does not know: {key!r}.")
        if not _same(saved[key], value, key):
            raise UsageError(f"{where} has a value of the wrong kind in {key!r}.")
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
    if version != VERSION:
        raise UsageError(f"It is an export of version {version!r}; this app reads version 1.")
    incoming = Incoming()
    start = data.get("no_contact_start")
    if start is not None:
        try:
            incoming.no_contact_start = check_day(date.fromisoformat(start), "The start day")
        except (TypeError, ValueError) as error:
            raise UsageError(f"'no_contact_start' is not a date: {error}") from None
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise UsageError("'settings' must be an object.")
    for key, value in settings.items():
        try:
            check_setting(key, value)
        except ValidationError as error:
            raise UsageError(f"Setting {key!r}: {error}") from None
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
    known = {"format", "version", "exported_at", "no_contact_start", "settings", "drafts"}
    unknown = set(data) - known - set(RECORD_LISTS)
    if unknown:
        raise UsageError(f"It has a part the app does not know: {sorted(unknown)[0]!r}.")
    return incoming


@dataclass
class Added:
    """How much an import added, and what it left as it was."""

    records: dict[str, int] = field(default_factory=dict)
    already_here: int = 0
    settings: int = 0
    kept_settings: int = 0


def _existing_ids(store: Store, key: str) -> set[str]:
    if key == "slips":
        return {slip.id for slip in store.slips()}
    if key == "logistics":
        return {contact.id for contact in store.logistics()}
    return {record.id for record in store.records(key)}


def add_to_store(store: Store, incoming: Incoming) -> Added:
    """Add what `incoming` holds and the store lacks; never overwrite what is already here."""
    added = Added()
    for key, records in incoming.records.items():
        seen = _existing_ids(store, key)
        fresh = []
        for record in records:
            if record.id in seen:
                added.already_here += 1
                continue
            seen.add(record.id)
            fresh.append(record)
        if key in ("slips", "logistics"):
            for record in fresh:
                (store.add_slip if key == "slips" else store.add_logistics)(record)
        elif fresh:
            store.add_many(fresh)
        added.records[key] = len(fresh)
    if incoming.no_contact_start and store.no_contact_start() is None:
        store.set_no_contact_start(incoming.no_contact_start)
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
    return added
