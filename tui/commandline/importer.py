"""`nocontact import FILE`: add what a json export holds, all checked before anything is written.

Only this app's own json export is read here; other apps' histories (`import --from ...`)
have importers of their own, which end in the same Store.add_imported.
"""

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
    "slips": ("contact", "contacts"),
    "logistics": ("logistics contact", "logistics contacts"),
}


ONLY_JSON = (
    "Only json exports from No Contact Coach can be imported; "
    "`nocontact export --format json` writes one. Nothing was written."
)


def _read(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not an export.") from None
    except OSError as error:
        raise UsageError(f"{path} cannot be read: {error.strerror or error}.") from None
    is_json = path.suffix.lower() == ".json"
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        if not is_json:
            raise UsageError(f"{path}: {ONLY_JSON}") from None
        if isinstance(error, UnicodeDecodeError):
            raise UsageError(f"{path} is not UTF-8 text, so it is not an export.") from None
        raise UsageError(
            f"{path} is not valid JSON ({error.msg} at line {error.lineno}); nothing was written."
        ) from None
    except RecursionError:
        raise UsageError(f"{path} is nested too deeply to be an export.") from None
    except ValueError:  # a number longer than Python reads
        raise UsageError(f"{path} holds a number too long to read; nothing was written.") from None


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
    if added.already_here == 1:
        print("1 record was already here and was left as it is.")
    elif added.already_here:
        print(f"{added.already_here} records were already here and were left as they are.")
    if added.deleted_here == 1:
        print("1 record in it was deleted here, so it was left out.")
    elif added.deleted_here:
        print(f"{added.deleted_here} records in it were deleted here, so they were left out.")
    if added.kept_settings == 1:
        print("1 setting differs in this file; the one here was kept.")
    elif added.kept_settings:
        print(f"{added.kept_settings} settings differ in this file; the ones here were kept.")
    show_notices(store)
    return 0
