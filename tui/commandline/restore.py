"""`nocontact restore [FILE] [--day DATE]`: list the backups, or put one back."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.store.backups import Backup, all_backups
from tui.store.store import Store


def _day(text: str | None) -> date | None:
    """--day as a date, or one clear line."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"--day must be a date like 2026-11-23, not {text!r}.") from None


def _relative(store: Store, text: str) -> str:
    """FILE as a name inside the data dir ("moods/2026-11.json"), however it was typed."""
    path = Path(text).expanduser()
    if path.is_absolute():
        try:
            return path.resolve().relative_to(store.root.resolve()).as_posix()
        except ValueError:
            raise UsageError(f"{text} is not inside the data folder {store.root}.") from None
    return path.as_posix().removeprefix("./")


def _describe(backup: Backup) -> str:
    when = f"{backup.day.day} {backup.day:%b %Y}"
    return f"{when} (before a format update)" if backup.before_migration else when


def _list(store: Store) -> int:
    found = all_backups(store.root)
    if not found:
        print("There are no backups yet: one is made the first time a file is saved each day.")
        return 0
    print(f"Backups in {store.root / 'backups'}, newest first:")
    for relative, copies in found.items():
        print(f"  {relative}: {', '.join(_describe(backup) for backup in copies)}")
    print("To put one back: nocontact restore FILE [--day YYYY-MM-DD]")
    return 0


def run(args: argparse.Namespace) -> int:
    day = _day(args.day)
    store = open_store(args)
    if not args.file:
        status = _list(store)
    else:
        relative = _relative(store, args.file)
        if relative not in all_backups(store.root):
            raise UsageError(
                f"There is no backup of {relative}; "
                "`nocontact restore` lists the files that have one."
            )
        print(store.restore_backup(relative, day))
        status = 0
    show_notices(store)
    return status
