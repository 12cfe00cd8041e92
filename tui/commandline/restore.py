"""`nocontact restore`: list the backups, or put files back from one, saying first what changes.

    nocontact restore [--list]                  the backups there are, newest first
    nocontact restore FILE [--day DATE] [--yes] put back FILE's newest good backup (or DATE's)
    nocontact restore --day DATE [--yes]        put back every file backed up on DATE
    nocontact restore --undo [--yes]            put back what the last restore replaced

Before changing anything it shows, per file, how many records it holds now and how many
it will hold, and asks (y/N) when a person is at the terminal; without one it changes
nothing unless given --yes. A replaced file is always kept beside it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.date_words import short_day
from tui.store.backups import Backup, all_backups
from tui.store.store import Store


def _day(text: str | None) -> date | None:
    """--day as a date, or one clear line."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError("--day must be a date like 2026-11-23.") from None


def _relative(store: Store, text: str) -> str:
    """FILE as a name inside the data dir ("moods/2026-11.json"), however it was typed."""
    path = Path(text).expanduser()
    if path.is_absolute():
        try:
            return path.resolve().relative_to(store.root.resolve()).as_posix()
        except ValueError:
            raise UsageError(f"{text} is not inside the data folder {store.root}.") from None
    return path.as_posix().removeprefix("./")


def _when(day: date) -> str:
    return short_day(day)


def _describe(backup: Backup) -> str:
    when = _when(backup.day)
    return f"{when} (before a format update)" if backup.before_migration else when


def _records(count: int | None) -> str:
    if count is None:
        return "unreadable"
    return "1 record" if count == 1 else f"{count} records"


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


def _chosen_files(store: Store, file: str | None, day: date | None) -> list[str]:
    """The files to put back, or one clear line saying why there are none."""
    found = all_backups(store.root)
    if file is not None:
        relative = _relative(store, file)
        if relative not in found:
            raise UsageError(
                f"There is no backup of {relative}; "
                "`nocontact restore --list` lists the files that have one."
            )
        if day is not None and all(backup.day != day for backup in found[relative]):
            raise UsageError(
                f"There is no backup of {relative} from {_when(day)}; "
                "`nocontact restore --list` shows the days there are."
            )
        return [relative]
    assert day is not None
    chosen = [relative for relative, copies in found.items() if any(b.day == day for b in copies)]
    if not chosen:
        raise UsageError(
            f"There is no backup from {_when(day)}; "
            "`nocontact restore --list` shows the days there are."
        )
    return chosen


def confirmed(question: str, yes: bool) -> bool:
    """--yes, or the person's answer at the terminal; without a terminal, refuse in one line."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise UsageError("Nothing was changed: add --yes to do this without being asked.")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() in ("y", "yes"):
        return True
    print("Nothing was changed.")
    return False


def _restore(store: Store, args: argparse.Namespace, day: date | None) -> int:
    steps = store.restore_plan(_chosen_files(store, args.file, day), day)
    print("This puts back, from the backups:" if len(steps) > 1 else "This puts back:")
    for step in steps:
        print(
            f"  {step.relative}: {_records(step.records_now)} now; "
            f"{_records(step.records_then)} in the copy from {_describe(step.backup)}."
        )
    print("What it replaces is kept beside it; `nocontact restore --undo` puts it back.")
    if not confirmed("Put it back?", args.yes):
        return 0
    kept = store.restore(steps)
    for step in steps:
        aside = kept[step.relative]
        where = f"; the file it replaced is kept as {aside}" if aside else ""
        print(f"Put back {step.relative} as it was on {_describe(step.backup)}{where}.")
    return 0


def _undo(store: Store, args: argparse.Namespace) -> int:
    plan = store.undo_restore_plan()
    if not plan:
        raise UsageError("There is no restore to undo.")
    print("This puts back what the last restore replaced:")
    for relative, now, then in plan:
        after = "removed (it did not exist before)" if then is None else _records(then)
        print(f"  {relative}: {_records(now)} now; {after} after.")
    print("What it replaces is kept beside it.")
    if not confirmed("Undo the restore?", args.yes):
        return 0
    kept = store.undo_restore()
    for relative, aside in kept.items():
        where = f"; the restored copy is kept as {aside}" if aside else ""
        print(f"Put back {relative} as it was before the restore{where}.")
    return 0


def run(args: argparse.Namespace) -> int:
    day = _day(args.day)
    if args.undo and (args.file or day or args.list):
        raise UsageError("--undo stands alone: it puts back what the last restore replaced.")
    if args.list and (args.file or day):
        raise UsageError("--list stands alone; to put a file back, leave it out.")
    store = open_store(args)
    if args.undo:
        status = _undo(store, args)
    elif args.list or not (args.file or day):
        status = _list(store)
    else:
        status = _restore(store, args, day)
    show_notices(store)
    return status
