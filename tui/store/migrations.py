"""Bring a data file written in an older format up to SCHEMA_VERSION, one step at a time.

The Store runs these when it opens a file whose "_schema" is older, holding the lock,
after a copy of the file as it was has been put in DATA/backups/. Each step takes the
tables of one file and returns them in the next format; it never touches the disk.

Version 0 is a plain TinyDB file without "_schema": what TinyDB's own JSONStorage
writes, from an early build or records typed in by hand. Its records may lack an id,
their times may lack a UTC offset, and tags may be one comma-separated string.
Version 1 records have no `updated_at`, the moment each was last written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from tui.store.records import new_id
from tui.store.storage import DEFAULT_TABLE, SCHEMA_VERSION, Tables

Step = Callable[[str, Tables], Tables]


RECORD_TABLES = {
    "moods": (DEFAULT_TABLE,),
    "sessions": (DEFAULT_TABLE,),
    "urges": (DEFAULT_TABLE,),
    "tracker.json": ("slips", "logistics"),
}
"""Per file (see tui.store.shapes.shape_key), the tables whose rows are records with an id."""
TIME_FIELDS = ("at", "started_at", "saved_at", "updated_at")


def _with_offset(value: Any) -> Any:
    """A naive ISO time read as local time, given its UTC offset; anything else as it was."""
    if not isinstance(value, str):
        return value
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return moment.astimezone().isoformat() if moment.tzinfo is None else value


def _tag_list(value: Any) -> Any:
    """Comma-separated tags as a list of words; a list as it was."""
    if isinstance(value, str):
        return [word.strip() for word in value.split(",") if word.strip()]
    return value


def v0_to_v1(key: str, tables: Tables) -> Tables:
    """Give records ids, naive times their local offset, and tags a list."""
    record_tables = RECORD_TABLES.get(key, ())
    for table_name, table in tables.items():
        for document in table.values():
            for field in TIME_FIELDS:
                if field in document:
                    document[field] = _with_offset(document[field])
            if "tags" in document:
                document["tags"] = _tag_list(document["tags"])
            if table_name in record_tables and not document.get("id"):
                document["id"] = new_id()
    return tables


def v1_to_v2(key: str, tables: Tables) -> Tables:
    """Give every record its `updated_at`: the time it was saved, the best known."""
    for table_name in RECORD_TABLES.get(key, ()):
        for document in tables.get(table_name, {}).values():
            written = document.get("saved_at", document.get("at"))
            if "updated_at" not in document and isinstance(written, str):
                document["updated_at"] = written
    return tables


STEPS: dict[int, Step] = {0: v0_to_v1, 1: v1_to_v2}
"""From each version to the next; SCHEMA_VERSION has no step."""


def migrate(key: str, version: int, tables: Tables) -> Tables:
    """`tables` of a file of kind `key` brought from `version` up to SCHEMA_VERSION."""
    while version < SCHEMA_VERSION:
        tables = STEPS[version](key, tables)
        version += 1
    return tables
