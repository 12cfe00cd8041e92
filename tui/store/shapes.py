"""What a readable data file holds, table by table, so a damaged one is caught on open.

These checks are about types, not wording: a file passes when every record in it can be
shown and counted without a crash. A file that fails is kept aside, never overwritten.
A table the app does not know makes a file fail too (a damaged "_default" (DEFAULT_TABLE) key would
otherwise hide a month of records), so a new table needs its line in FILE_SHAPES.
Fields the app does not know are let through.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.store.records import MOOD_MAX, MOOD_MIN
from tui.store.storage import DEFAULT_TABLE, CorruptFileError, Tables

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
    return moment.utcoffset() is not None


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


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


def _object(value: Any) -> bool:
    return isinstance(value, dict)


def _anything(value: Any) -> bool:
    return True


MOOD: Shape = {
    "at": (_time, True),
    "mood": (_scale, True),
    "note": (_text, False),
    "tags": (_words, False),
    "source": (_text, False),
    "id": (_text, True),
}
SESSION: Shape = {
    "stage": (_stage, True),
    "started_at": (_time, True),
    "saved_at": (_time, True),
    "mood_before": (_optional_scale, False),
    "mood_after": (_optional_scale, False),
    "answers": (_object, False),
    "id": (_text, True),
}
URGE: Shape = {
    "at": (_time, True),
    "strength": (_scale, True),
    "note": (_text, False),
    "acted": (_flag, False),
    "source": (_text, False),
    "id": (_text, True),
}
SLIP: Shape = {
    "at": (_time, True),
    "they_reached_out": (_flag, False),
    "note": (_text, False),
    "feeling": (_text, False),
    "mood": (_optional_scale, False),
    "id": (_text, True),
}
LOGISTICS: Shape = {"at": (_time, True), "note": (_text, False), "id": (_text, True)}
START: Shape = {"date": (_day, True)}
SETTING: Shape = {"key": (_text, True), "value": (_anything, False)}
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

FILE_SHAPES: dict[str, dict[str, Shape]] = {
    "moods": {DEFAULT_TABLE: MOOD},
    "sessions": {DEFAULT_TABLE: SESSION},
    "urges": {DEFAULT_TABLE: URGE},
    "tracker.json": {"start": START, "slips": SLIP, "logistics": LOGISTICS},
    "profile.json": {"settings": SETTING},
    "drafts.json": {"drafts": DRAFT, "forms": FORM_DRAFT},
}


def shape_key(path: Path) -> str:
    """Which entry of FILE_SHAPES describes `path`: its kind for a shard, else its name."""
    return path.parent.name if path.parent.name in FILE_SHAPES else path.name


def check_shape(path: Path, tables: Tables) -> None:
    """Raise CorruptFileError unless every table of `path` is known and holds its records."""
    shapes = FILE_SHAPES.get(shape_key(path))
    if shapes is None:
        return
    for table_name in tables:
        if table_name not in shapes:
            raise CorruptFileError(
                path, f"it holds a table the app does not know ({table_name[:20]!r})"
            )
    for table_name, shape in shapes.items():
        for document in tables.get(table_name, {}).values():
            for field, (check, required) in shape.items():
                if field in document:
                    if not check(document[field]):
                        raise CorruptFileError(
                            path, f"a record in it has an unreadable {field.replace('_', ' ')}"
                        )
                elif required:
                    raise CorruptFileError(path, f"a record in it has no {field.replace('_', ' ')}")
