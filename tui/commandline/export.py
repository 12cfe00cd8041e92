"""`nocontact export --format json|csv|md [-o FILE]`: everything, written privately or printed."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.commandline.exchange import build_export
from tui.store.store import Store

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
FORMULA_STARTS = ("=", "+", "@", "\t", "\r")
"""Cells a spreadsheet would run as a formula; a leading apostrophe keeps them plain text."""


def export_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def export_csv(document: dict[str, Any]) -> str:
    """One row per record, oldest first, numbers as numbers."""
    rows: list[dict[str, Any]] = []
    for key, kind in KIND_OF_LIST.items():
        for record in document[key]:
            row = {column: _cell(record.get(column)) for column in CSV_COLUMNS}
            row["kind"] = kind
            row["at"] = record.get("at") or record.get("saved_at")
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


def run(args: argparse.Namespace) -> int:
    form = args.format.strip().lower()
    if form not in FORMATS:
        raise UsageError(f"The format must be json, csv or md, not {args.format!r}.")
    store = open_store(args)
    text = render(store, form)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        from pathlib import Path

        from tui.store.atomic import write_private_file

        path = Path(args.output).expanduser()
        if path.is_dir():
            raise UsageError(f"{path} is a folder; give a file name, like {path / 'export'}.{form}")
        write_private_file(path, text.encode("utf-8"))
        print(f"Exported to {path} (readable by you only).")
    show_notices(store)
    return 0
