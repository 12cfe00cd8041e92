"""A TinyDB storage that writes atomically, carries a schema version and refuses bad files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tui.store.atomic import AGE_MAGIC, NotRegularFileError, atomic_write_bytes, read_regular

Tables = dict[str, dict[str, Any]]
"""A data file's tables by name, each holding its documents by TinyDB document id."""

SCHEMA_KEY = "_schema"
DEFAULT_TABLE = "_default"
"""TinyDB's name for the table `insert` writes to: a month shard keeps its records there."""
SCHEMA_VERSION = 2
"""The format every file is written in; tui/store/migrations.py brings older ones up to it."""


# A JSON escape of a UTF-16 surrogate: fine in pairs (emoji from an ensure_ascii writer),
# unwritable alone, so a file holding one gets the slower, exact check. A pattern, not a
# compiled one: most files hold no escape at all, and compiling costs every command.
_SURROGATE_ESCAPE = rb"\\u[dD][89a-fA-F]"


NEWER_REASON = "it was written by a newer version of No Contact Coach"


class CorruptFileError(Exception):
    """A data file that cannot be read as one of ours; it must be kept aside, not overwritten."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason


class NewerFileError(CorruptFileError):
    """A data file written by a newer version of the app: left exactly as it is, never written."""

    def __init__(self, path: Path, reason: str = NEWER_REASON) -> None:
        super().__init__(path, reason)


DOC_ID_DIGITS = 18
"""Digits in a TinyDB document id: TinyDB turns each into an int, and a longer one is no id."""


def decode_file(path: Path, raw: bytes) -> tuple[int, Tables]:
    """Parse and check the bytes of a data file; return its schema version and tables."""
    if not raw.strip():
        raise CorruptFileError(path, "the file is empty")
    if raw.startswith(AGE_MAGIC):
        raise CorruptFileError(path, "it is encrypted, and this journal's key does not open it")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise CorruptFileError(path, "the file is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise CorruptFileError(path, f"the file is not valid JSON: {error.msg.lower()}") from error
    except RecursionError as error:
        raise CorruptFileError(path, "the file is nested too deeply") from error
    except ValueError as error:
        # A number longer than Python will turn into an int (sys.get_int_max_str_digits).
        raise CorruptFileError(path, "it holds a number too long to read") from error
    if not isinstance(data, dict):
        raise CorruptFileError(path, "the file does not hold a JSON object")
    version = data.pop(SCHEMA_KEY, 0)
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise CorruptFileError(path, "its format version is not a whole number")
    if version > SCHEMA_VERSION:
        raise NewerFileError(path)
    for table in data.values():
        if not isinstance(table, dict):
            raise CorruptFileError(path, "one of its tables is not an object")
        for doc_id, document in table.items():
            if not (
                doc_id.isascii() and doc_id.isdigit() and len(doc_id) <= DOC_ID_DIGITS
            ) or not isinstance(document, dict):
                raise CorruptFileError(path, "one of its tables holds a malformed record")
    if b"\\u" in raw and re.search(_SURROGATE_ESCAPE, raw):
        try:
            encode_file(data, version)
        except UnicodeEncodeError as error:
            raise CorruptFileError(path, "it holds text that is not valid Unicode") from error
    return version, data


def encode_file(tables: Tables, version: int = SCHEMA_VERSION) -> bytes:
    """The bytes of a data file holding `tables` at `version`."""
    payload = {SCHEMA_KEY: version, **tables}
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_data_file(path: Path) -> tuple[int, Tables] | None:
    """The schema version and tables of `path`, or None when it does not exist."""
    try:
        raw, _ = read_regular(path)
    except FileNotFoundError:
        return None
    except NotRegularFileError as error:
        raise CorruptFileError(path, "it is a link or not a plain file") from error
    return decode_file(path, raw)


class AtomicJSONStorage:
    """TinyDB storage over one JSON file, written whole through a temp file and a rename.

    TinyDB only calls read(), write() and close(), so this does not subclass its Storage:
    importing TinyDB costs a quick command several milliseconds, and reading needs none of it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def read(self) -> Tables | None:
        found = read_data_file(self.path)
        if found is None:
            return None
        version, tables = found
        if version != SCHEMA_VERSION:
            raise CorruptFileError(self.path, "it needs a migration before TinyDB may open it")
        return tables

    def write(self, data: Tables) -> None:
        atomic_write_bytes(self.path, encode_file(data))

    def close(self) -> None:
        """Nothing stays open between operations."""


class PendingStorage(AtomicJSONStorage):
    """TinyDB storage for one read-modify-write: starts from checked tables, writes once.

    Every change TinyDB makes stays in memory until `commit()`, so a block of several
    operations (truncate then insert, say) lands on disk as one atomic write or not at all.
    """

    def __init__(self, path: Path, tables: Tables) -> None:
        super().__init__(path)
        self.tables = tables
        self.changed = False

    def read(self) -> Tables:
        return self.tables

    def write(self, data: Tables) -> None:
        self.tables = data
        self.changed = True

    def encoded(self) -> bytes:
        """The file's bytes with the changes made so far."""
        return encode_file(self.tables)

    def commit(self, durable: bool = True) -> bool:
        """Write the changes, if any, as one atomic write; say whether anything was written.

        `durable=False` skips the fsyncs (see atomic_write_bytes): for undo.json's note of a
        quick save, which must not double that save's cost.
        """
        if self.changed:
            atomic_write_bytes(self.path, encode_file(self.tables), durable=durable)
        return self.changed
