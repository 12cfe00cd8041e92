"""What a readable data file holds, table by table, so a damaged one is caught on open.

These checks are about types, not wording: a file passes when every record in it can be
shown, counted and saved again without a crash (times within the years the app shows,
answers and settings no deeper than the app ever nests them, the settings it knows in the
shape it writes them). A file that fails is kept aside, never overwritten. A table the app
does not know means a newer version wrote the file: it is left exactly as it is (see
NewerFileError), so a new table needs its line in FILE_SHAPES. Fields the app does not
know are let through.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.store import setting_keys
from tui.store.records import MOOD_MAX, MOOD_MIN
from tui.store.storage import DEFAULT_TABLE, CorruptFileError, NewerFileError, Tables
from tui.store.validation import EARLIEST_YEAR, LATEST_YEAR, NESTING_LIMIT

FieldCheck = Callable[[Any], bool]
Shape = dict[str, tuple[FieldCheck, bool]]
"""Each field of a table's records: (its check, whether it is required)."""


def _time(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    # Within the years the app shows: a year-1 time with a big offset cannot even be sorted.
    return moment.utcoffset() is not None and EARLIEST_YEAR <= moment.year <= LATEST_YEAR


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def _scale(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and MOOD_MIN <= value <= MOOD_MAX


def _optional_scale(value: Any) -> bool:
    return value is None or _scale(value)


def _stage(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _flag(value: Any) -> bool:
    return isinstance(value, bool)


def _nested_within(value: Any, depth: int) -> bool:
    """Whether `value` nests no deeper than validation.check_json_value lets a save nest it."""
    if depth > NESTING_LIMIT:
        return False
    if isinstance(value, dict):
        return all(_nested_within(item, depth + 1) for item in value.values())
    if isinstance(value, list):
        return all(_nested_within(item, depth + 1) for item in value)
    return True


def _object(value: Any) -> bool:
    return isinstance(value, dict) and _nested_within(value, 0)


def _json_value(value: Any) -> bool:
    return _nested_within(value, 0)


def _texts(value: Any) -> bool:
    """An object of text fields, or of lists of words (the boundaries card's checklist)."""
    return isinstance(value, dict) and all(
        isinstance(item, str) or _words(item) for item in value.values()
    )


def _reasons(value: Any) -> bool:
    return isinstance(value, str) or _words(value)


def _letters(value: Any) -> bool:
    return isinstance(value, list) and all(_texts(letter) for letter in value)


SETTING_VALUES: dict[str, FieldCheck] = {
    setting_keys.COUNTRY: _text,
    setting_keys.REASONS: _reasons,
    setting_keys.SAFETY_PLAN: _texts,
    setting_keys.BOUNDARIES_CARD: _texts,
    setting_keys.LETTERS: _letters,
    setting_keys.MILESTONES_SEEN: _words,
}
"""The settings the app writes, in the shape it writes them; others need only be JSON."""


def setting_fits(key: str, value: Any) -> bool:
    """Whether a setting's value has the shape the app writes it in (None: not set)."""
    check = SETTING_VALUES.get(key)
    return value is None or check is None or check(value)


MOOD: Shape = {
    "at": (_time, True),
    "mood": (_scale, True),
    "note": (_text, False),
    "tags": (_words, False),
    "source": (_text, False),
    "id": (_text, True),
    "updated_at": (_time, False),
}
SESSION: Shape = {
    "stage": (_stage, True),
    "started_at": (_time, True),
    "saved_at": (_time, True),
    "mood_before": (_optional_scale, False),
    "mood_after": (_optional_scale, False),
    "answers": (_object, False),
    "id": (_text, True),
    "updated_at": (_time, False),
}
URGE: Shape = {
    "at": (_time, True),
    "strength": (_scale, True),
    "note": (_text, False),
    "acted": (_flag, False),
    "source": (_text, False),
    "id": (_text, True),
    "updated_at": (_time, False),
}
SLIP: Shape = {
    "at": (_time, True),
    "they_reached_out": (_flag, False),
    "note": (_text, False),
    "feeling": (_text, False),
    "mood": (_optional_scale, False),
    "id": (_text, True),
    "updated_at": (_time, False),
}
LOGISTICS: Shape = {
    "at": (_time, True),
    "note": (_text, False),
    "id": (_text, True),
    "updated_at": (_time, False),
}
START: Shape = {"date": (_day, True), "replaced_at": (_time, False)}
SETTING: Shape = {"key": (_text, True), "value": (_json_value, False)}
DRAFT: Shape = {
    "stage": (_stage, True),
    "started_at": (_time, True),
    "updated_at": (_time, True),
    "mood_before": (_optional_scale, False),
    "answers": (_object, False),
    "mood_after": (_optional_scale, False),
    "step": (_count, False),
    "owner": (_text, False),
}
FORM_DRAFT: Shape = {
    "form": (_text, True),
    "updated_at": (_time, True),
    "values": (_object, False),
    "owner": (_text, False),
}

RECORD_SHAPES: dict[str, Shape] = {
    "moods": MOOD,
    "sessions": SESSION,
    "urges": URGE,
    "slips": SLIP,
    "logistics": LOGISTICS,
}
"""Each kind of record by the name it is kept under, for the trash (see trash.py)."""


def _record_kind(value: Any) -> bool:
    return value in RECORD_SHAPES


def _action(value: Any) -> bool:
    return value in ("add", "edit", "delete", "bring_back", "start")


TRASHED: Shape = {
    "kind": (_record_kind, True),
    "deleted_at": (_time, True),
    "record": (_object, True),
}
TOMBSTONE: Shape = {"id": (_text, True), "kind": (_record_kind, True), "deleted_at": (_time, True)}
CHANGE: Shape = {
    "action": (_action, True),
    "at": (_time, True),
    "kind": (_record_kind, False),
    "id": (_text, False),
    "when": (_time, False),
    "before": (_json_value, False),
    "after": (_json_value, False),
}

FILE_SHAPES: dict[str, dict[str, Shape]] = {
    "moods": {DEFAULT_TABLE: MOOD},
    "sessions": {DEFAULT_TABLE: SESSION},
    "urges": {DEFAULT_TABLE: URGE},
    "tracker.json": {"start": START, "slips": SLIP, "logistics": LOGISTICS},
    "profile.json": {"settings": SETTING},
    "drafts.json": {"drafts": DRAFT, "forms": FORM_DRAFT},
    "trash.json": {"trash": TRASHED, "tombstones": TOMBSTONE},
    "undo.json": {"changes": CHANGE},
}


def shape_key(path: Path) -> str:
    """Which entry of FILE_SHAPES describes `path`: its kind for a shard, else its name."""
    return path.parent.name if path.parent.name in FILE_SHAPES else path.name


def _check_document(path: Path, document: dict[str, Any], shape: Shape) -> None:
    """Raise CorruptFileError unless `document` holds every required field of `shape`, each
    readable, and nothing nested deeper than the app nests."""
    for field, (check, required) in shape.items():
        if field in document:
            if not check(document[field]):
                raise CorruptFileError(
                    path, f"a record in it has an unreadable {field.replace('_', ' ')}"
                )
        elif required:
            raise CorruptFileError(path, f"a record in it has no {field.replace('_', ' ')}")
    if len(document) > len(shape) and not all(
        _nested_within(value, 1) for field, value in document.items() if field not in shape
    ):
        raise CorruptFileError(path, "a record in it is nested too deeply")


def check_shape(path: Path, tables: Tables, current: bool = True) -> None:
    """Raise CorruptFileError unless every table of `path` is known and holds its records.

    A table this version does not know, in a file of the `current` format, raises
    NewerFileError: a newer version wrote it. (In a migrated older file it is damage.)
    """
    shapes = FILE_SHAPES.get(shape_key(path))
    if shapes is None:
        return
    for table_name in tables:
        if table_name not in shapes:
            if current:
                raise NewerFileError(path)
            raise CorruptFileError(path, "it holds a table the app does not know")
    for table_name, shape in shapes.items():
        for document in tables.get(table_name, {}).values():
            _check_document(path, document, shape)
    for document in tables.get("trash", {}).values():
        _check_document(path, document["record"], RECORD_SHAPES[document["kind"]])
    for document in tables.get("settings", {}).values():
        if not setting_fits(document["key"], document.get("value")):
            raise CorruptFileError(path, "a setting in it is not in the shape the app writes")
