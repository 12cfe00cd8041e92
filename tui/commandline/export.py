"""`nocontact export --format json|csv|md [-o FILE]`: everything, written privately or printed."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.commandline.exchange import build_export
from tui.store.printable import json_printable, printable
from tui.store.store import Store, StoreError

FORMATS = ("json", "csv", "md")
CSV_COLUMNS = (
    "kind",
    "id",
    "at",
    "mood",
    "mood_before",
    "mood_after",
    "strength",
    "stage",
    "acted",
    "they_reached_out",
    "source",
    "tags",
    "feeling",
    "note",
    "started_at",
    "answers",
)
"""One row per record; a column a kind does not have stays empty."""
KIND_OF_LIST = {
    "moods": "mood",
    "sessions": "session",
    "urges": "urge",
    "slips": "slip",
    "logistics": "logistics",
}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Cells a spreadsheet would run as a formula; a leading apostrophe keeps them plain text."""
PLAIN_NUMBER = r"[+-]?\d+(\.\d+)?"
"""A cell that is only a number may start with a sign: a spreadsheet reads it as that number."""


PLAIN_WARNING = (
    "nocontact: this export is plain text, as --plain asks: anyone who gets it can read it, "
    "whatever your journal's encryption."
)


def export_json(document: dict[str, Any]) -> str:
    return json_printable(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _cell(value: Any) -> Any:
    """One cell: numbers stay numbers; any text is printable and can never start a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        text = " ".join(str(item) for item in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False) if value else ""
    else:
        text = str(value)
    text = printable(text)
    if text.startswith(FORMULA_STARTS) and not re.fullmatch(PLAIN_NUMBER, text):
        return f"'{text}"
    return text


def export_csv(document: dict[str, Any]) -> str:
    """One row per record, oldest first, numbers as numbers."""
    rows: list[dict[str, Any]] = []
    for key, kind in KIND_OF_LIST.items():
        for record in document[key]:
            row = {column: _cell(record.get(column)) for column in CSV_COLUMNS}
            row["kind"] = kind
            row["at"] = _cell(record.get("at") or record.get("saved_at"))
            rows.append(row)
    rows.sort(key=lambda row: str(row["at"]))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render(store: Store, form: str) -> str:
    """The export in format `form`."""
    document = build_export(store)
    if form == "json":
        return export_json(document)
    if form == "csv":
        return export_csv(document)
    from tui.commandline.report import export_markdown

    return export_markdown(document)


def target_path(text: str, form: str) -> Path:
    """Where -o FILE writes, or one clear line: only a new or a regular file is written."""
    path = Path(text).expanduser()
    try:
        found = os.stat(path)  # follows a link: a link to a device is refused like the device
    except FileNotFoundError:
        if not os.path.isdir(path.parent):
            raise UsageError(
                f"The folder {path.parent} does not exist, so nothing was written."
            ) from None
        return path
    except NotADirectoryError:
        raise UsageError(f"{path.parent} is not a folder, so nothing was written.") from None
    if stat.S_ISDIR(found.st_mode):
        raise UsageError(
            f"{path} is a folder, so nothing was written; give a file name, "
            f"like {path / 'export'}.{form}"
        )
    if not stat.S_ISREG(found.st_mode):
        raise UsageError(
            f"{path} is not a regular file (a device, a pipe or a link to one), "
            "so nothing was written to it."
        )
    return path


def write_export(path: Path, text: str) -> None:
    """Write the export privately and atomically; a failure leaves nothing beside `path`."""
    from tui.store.atomic import failure_reason, remove_stale_temp_files, write_private_file

    # A temp file of an export killed half way, here before, is a plaintext copy: gone now.
    remove_stale_temp_files(path.parent, name=path.name)
    try:
        write_private_file(path, text.encode("utf-8"))
    except OSError as error:
        raise StoreError(
            f"Not exported: {failure_reason(error)}, and nothing was left in {path.parent}."
        ) from error


def run(args: argparse.Namespace) -> int:
    form = args.format.strip().lower()
    if form not in FORMATS:
        raise UsageError("The format must be json, csv or md.")
    path = None if args.output in (None, "-") else target_path(args.output, form)
    store = open_store(args)
    text = render(store, form)
    if store.sealed and args.plain:
        print(PLAIN_WARNING, file=sys.stderr)
    elif store.sealed:
        text = store.seal_export(text.encode("utf-8")).decode("ascii")
    if path is None:
        sys.stdout.write(text)
    else:
        write_export(path, text)
        sealed = "encrypted to your journal's keys" if store.sealed and not args.plain else ""
        print(f"Exported to {path} ({sealed or 'readable by you only'}).")
    show_notices(store)
    return 0
