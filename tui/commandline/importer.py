"""`nocontact import FILE`: add what a json export holds, all checked before anything is written."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.commandline.exchange import add_to_store, read_export

NAMES = {
    "moods": ("mood", "moods"),
    "sessions": ("session", "sessions"),
    "urges": ("urge", "urges"),
    "slips": ("slip", "slips"),
    "logistics": ("logistics contact", "logistics contacts"),
}


def _read(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"There is no file {path}.") from None
    except OSError as error:
        raise UsageError(f"{path} cannot be read: {error.strerror or error}.") from None
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"{path} is not UTF-8 text, so it is not an export.") from None
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path} is not valid JSON ({error.msg} at line {error.lineno}); nothing was written."
        ) from None
    except RecursionError:
        raise UsageError(f"{path} is nested too deeply to be an export.") from None


def _count(number: int, key: str) -> str:
    one, many = NAMES[key]
    return f"{number} {one if number == 1 else many}"


def run(args: argparse.Namespace) -> int:
    from tui.importers.options import uses_from

    if uses_from(args):
        from tui.commandline.import_from import run as run_from

        return run_from(args)  # history from another app: tui/importers/
    path = Path(args.file).expanduser()
    data = _read(path)
    try:
        incoming = read_export(data)
    except UsageError as error:
        raise UsageError(f"{path} cannot be imported: {error} Nothing was written.") from None
    store = open_store(args)
    added = add_to_store(store, incoming)
    parts = [_count(number, key) for key, number in added.records.items() if number]
    if added.settings:
        parts.append(f"{added.settings} setting{'' if added.settings == 1 else 's'}")
    print(f"Imported from {path}: {', '.join(parts) if parts else 'nothing new'}.")
    if added.already_here:
        print(f"{added.already_here} record(s) were already here and were left as they are.")
    if added.kept_settings:
        print(f"{added.kept_settings} setting(s) differ in this file; the ones here were kept.")
    show_notices(store)
    return 0
