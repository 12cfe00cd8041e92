"""A TinyDB storage that writes atomically, carries a schema version and refuses bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.store.atomic import atomic_write_bytes

SCHEMA_KEY = "_schema"
SCHEMA_VERSION = 1


class CorruptFileError(Exception):
    """A data file that cannot be read as one of ours; it must be kept aside, not overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def decode_file(path: Path, raw: bytes) -> tuple[int, dict[str, dict[str, Any]]]:
    """Parse and check the bytes of a data file; return its schema version and tables."""
    if not raw.strip():
        raise CorruptFileError(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorruptFileError(path, "the file is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise CorruptFileError(path, f"the file is not valid JSON ({error.msg})") from error
    if not isinstance(data, dict):
        raise CorruptFileError(path, "the file does not hold a JSON object")
    version = data.pop(SCHEMA_KEY, 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise CorruptFileError(path, "the schema version is not a whole number")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptFileError(path, f"table {name!r} is not an object")
        for doc_id, document in table.items():
            if not doc_id.isdigit() or not isinstance(document, dict):
                raise CorruptFileError(path, f"table {name!r} holds a malformed record")
    return version, data


def encode_file(tables: dict[str, Any], version: int = SCHEMA_VERSION) -> bytes:
    """The bytes of a data file holding `tables` at `version`."""
    payload = {SCHEMA_KEY: version, **tables}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicJSONStorage(Storage):
    """TinyDB storage over one JSON file, written whole through a temp file and a rename."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        version, tables = decode_file(self.path, raw)
        if version > SCHEMA_VERSION:
            raise CorruptFileError(
                self.path, f"it was written by a newer version of the app (schema {version})"
            )
        return tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_bytes(self.path, encode_file(data))

    def close(self) -> None:
        """Nothing stays open between operations."""
