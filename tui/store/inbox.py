"""Records written while an encrypted journal is locked: sealed alone, merged on unlock.

Writing never needs the passphrase: `nocontact log`, `urge`, `slip` and `start` on a locked
journal each write one small file into DATA/inbox/, sealed to the journal's public keys
like every other file (atomic.py seals it), since a month file cannot be read to add to
it. The next unlock merges every entry into the month files in one batch (journaled, see
journal.py) and only then removes the entries. A kill in between merges them again next
time, and a record already there (the same id) is not added twice, so nothing is lost
and nothing doubles.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.date_words import short_day
from tui.store.atomic import atomic_write_bytes, fsync_dir, make_private_dir, read_regular
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.sealing import INBOX_DIR
from tui.store.shards import month_key
from tui.store.validation import ValidationError, check_day, check_record

if TYPE_CHECKING:
    from tui.store.records import Record
    from tui.store.store import Store

ENTRY_SUFFIX = ".age"
UNREADABLE_SUFFIX = ".unreadable"
KINDS: dict[str, type[MoodLog | Session | Urge | Slip | LogisticsContact]] = {
    "moods": MoodLog,
    "sessions": Session,
    "urges": Urge,
    "slips": Slip,
    "logistics": LogisticsContact,
}
SHARDED = ("moods", "sessions", "urges")


def deposit(root: Path, entry: dict[str, Any]) -> Path:
    """Write `entry` as a new inbox file (sealed on its way to disk); return its path."""
    folder = make_private_dir(root / INBOX_DIR)
    # Named by the time it was written, so entries merge in the order they were given.
    path = folder / f"{time.time_ns():020d}-{os.urandom(4).hex()}{ENTRY_SUFFIX}"
    atomic_write_bytes(path, json.dumps({"version": 1, **entry}, ensure_ascii=False).encode())
    return path


def record_entry(record: Record) -> dict[str, Any]:
    return {"kind": record.KIND, "record": record.to_dict()}


def start_entry(day: date, change: bool) -> dict[str, Any]:
    return {"kind": "start", "date": day.isoformat(), "change": change}


def pending(root: Path) -> list[Path]:
    """The inbox entries not merged yet, oldest first."""
    try:
        with os.scandir(root / INBOX_DIR) as entries:
            names = [entry.name for entry in entries if entry.name.endswith(ENTRY_SUFFIX)]
    except (FileNotFoundError, NotADirectoryError):
        return []
    return [root / INBOX_DIR / name for name in sorted(names)]


def _parse(raw: bytes) -> tuple[str, Any]:
    """(kind, record or (day, change)) from an entry's bytes; ValueError if it is not one."""
    try:
        entry = json.loads(raw)
        kind = entry["kind"]
        if kind in KINDS:
            record = KINDS[kind].from_dict(entry["record"])
            check_record(record)
            return kind, record
        if kind == "start":
            day = check_day(date.fromisoformat(entry["date"]), "The start day")
            return kind, (day, entry.get("change") is True)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, ValidationError):
        pass
    raise ValueError("not an inbox entry")


def _merge_one(store: Store, kind: str, value: Any) -> str | None:
    """Add one entry unless it is there already; a sentence when it could not be applied."""
    if kind in SHARDED:
        here = store.month_records(kind, month_key(value.when))
        if all(record.id != value.id for record in here):
            store.add(value)
    elif kind == "slips":
        if all(slip.id != value.id for slip in store.slips()):
            store.add_slip(value)
    elif kind == "logistics":
        if all(contact.id != value.id for contact in store.logistics()):
            store.add_logistics(value)
    else:
        day, change = value
        before = store.no_contact_start()
        if before is None or change:
            store.set_no_contact_start(day)
        elif before != day:
            return (
                f"While your journal was locked, {short_day(day)} was given as your start day, "
                f"but it was already {short_day(before)}, so it stays; "
                f"`nocontact start {day.isoformat()} --change` moves it."
            )
    return None


def merge(store: Store) -> tuple[int, list[str]]:
    """Merge every inbox entry into the unlocked journal; (entries merged, sentences to tell).

    Call it holding the data dir's lock, so entries are removed before anyone else looks.
    An entry that cannot be read is kept aside in the inbox as NAME.unreadable and told.
    """
    paths = pending(store.root)
    if not paths:
        return 0, []
    notices: list[str] = []
    merged: list[Path] = []
    with store.batch():
        for path in paths:
            try:
                kind, value = _parse(read_regular(path)[0])
            except FileNotFoundError:
                continue  # merged by another process just now
            except (OSError, ValueError):
                aside = path.with_name(path.name + UNREADABLE_SUFFIX)
                os.replace(path, aside)
                notices.append(
                    f"An entry written while your journal was locked could not be read, so "
                    f"it was kept aside as {INBOX_DIR}/{aside.name}."
                )
                continue
            notice = _merge_one(store, kind, value)
            if notice:
                notices.append(notice)
            merged.append(path)
    for path in merged:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    if merged:
        fsync_dir(store.root / INBOX_DIR)
    return len(merged), notices
