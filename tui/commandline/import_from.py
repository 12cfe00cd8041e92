"""`nocontact import --from daylio|jrnl|csv FILE`: a dry run of what would be added, then --yes.

The whole file is read and checked before anything is written; a file that cannot be
read is refused with one line (exit 2). Records get ids made from their content, so the
same file imported twice adds nothing. Everything is written in one Store.add_imported.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from tui import clock
from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.date_words import short_day
from tui.importers.common import REPEATED, ImportProblem, Reading, Settings, parse_map
from tui.importers.options import CSV_ONLY, FROM_ONLY, given
from tui.importers.progress import Progress
from tui.importers.zones import local_zone, named_zone
from tui.store.records import MoodLog
from tui.store.store import Store

SIZE_LIMIT = 200 * 1024 * 1024
"""Bytes: far beyond decades of entries; a bigger file is not an export."""
NAMES = {"daylio": "Daylio export", "jrnl": "jrnl export", "csv": "CSV file"}
ALREADY_HERE = "already here"
"""Why an entry was left out when its id is here already: a file imported before."""


def _reader(kind: str, args: argparse.Namespace) -> Callable[[str, Settings], Reading]:
    if kind == "daylio":
        from tui.importers.daylio import read_daylio

        return read_daylio
    if kind == "jrnl":
        from tui.importers.jrnl import read_jrnl

        return read_jrnl
    from tui.importers.csvfile import Columns, read_csv

    columns = Columns(
        date=args.date_column or "date",
        mood=args.mood_column or "mood",
        time=args.time_column,
        note=args.note_column,
        tags=args.tags_column,
    )
    return lambda text, settings: read_csv(text, settings, columns)


def _kind(args: argparse.Namespace) -> str:
    """The app named by --from, with the options checked against it."""
    if args.source is None:
        option = given(args, FROM_ONLY)[0].replace("_", "-")
        raise UsageError(f"--{option} goes with --from daylio, jrnl or csv.")
    kind = args.source.strip().lower()
    if kind not in NAMES:
        raise UsageError("--from takes daylio, jrnl or csv.")
    stray = given(args, CSV_ONLY) if kind != "csv" else []
    if stray:
        raise UsageError(f"--{stray[0].replace('_', '-')} is for --from csv only.")
    return kind


def _text(path: Path) -> str:
    """The file's text, or one clear sentence saying why it cannot be read."""
    try:
        if path.stat().st_size > SIZE_LIMIT:
            raise UsageError(f"{path} is too large to be an export; nothing was written.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise UsageError(f"{path} is a folder, not a file.") from None
    except OSError as error:
        raise UsageError(f"{path} cannot be read: {error.strerror or error}.") from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as spreadsheets write, is dropped
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text:  # NUL: binary, or UTF-16 from a spreadsheet's "Unicode text"
        raise UsageError(f"{path} is not UTF-8 text, so it cannot be read; nothing was written.")
    return text


def _new_only(store: Store, moods: list[MoodLog]) -> tuple[list[MoodLog], int, int]:
    """The moods not already here, oldest first; how many were here; how many repeated."""
    oldest = min(mood.at for mood in moods) - timedelta(days=1)
    here = {record.id for record in store.records("moods", since=oldest)}
    fresh: dict[str, MoodLog] = {}
    already = repeated = 0
    for mood in sorted(moods, key=lambda mood: mood.at):
        if mood.id in here:
            already += 1
        elif mood.id in fresh:
            repeated += 1
        else:
            fresh[mood.id] = mood
    return list(fresh.values()), already, repeated


def _entries(count: int) -> str:
    return f"{count:,} {'entry' if count == 1 else 'entries'}"


def _report(
    path: Path, kind: str, reading: Reading, fresh: list[MoodLog], zone_name: str
) -> list[str]:
    lines = []
    if fresh:
        first, last = fresh[0].at, fresh[-1].at
        start, end = short_day(first.date()), short_day(last.date())
        span = start if first.date() == last.date() else f"from {start} to {end}"
        what = f"{len(fresh):,} mood{'' if len(fresh) == 1 else 's'} to add, {span}"
    else:
        what = "nothing new to add"
    lines.append(f"{NAMES[kind]} {path.name}: {what}.")
    ordered = sorted(reading.mapping.items(), key=lambda item: (-item[1][0], item[0]))
    pairs = ", ".join(f"{name} → {value} ({count:,})" for name, (value, count) in ordered)
    lines.append(f"Moods, with how many entries: {pairs}.")
    tags = reading.tags
    if tags:
        lines.append(f"Tags: {len(tags):,} different ones, from the file's activities or tags.")
    if reading.tags_cut:
        lines.append(f"{_entries(reading.tags_cut)} had more than 20 tags; the first 20 are kept.")
    if reading.local_times:
        zone = "your local time" if zone_name == "local" else f"{zone_name} time"
        lines.append(f"Times that carry no zone are read as {zone}.")
    if reading.day_only:
        lines.append(
            f"{_entries(reading.day_only)} give a date without a time: "
            "each is placed at the start of its day."
        )
    return lines


def _left_out(reading: Reading, already: int, repeated: int) -> str | None:
    reasons = [f"{_entries(count)} {reason}" for reason, count in reading.skipped.most_common()]
    if already:
        reasons.append(f"{_entries(already)} {ALREADY_HERE}")
    if repeated:
        reasons.append(f"{_entries(repeated)} {REPEATED}")
    return f"Left out: {'; '.join(reasons)}." if reasons else None


def run(args: argparse.Namespace) -> int:
    kind = _kind(args)
    path = Path(args.file).expanduser()
    text = _text(path)
    progress = Progress(f"Reading {path.name}")
    try:
        mapping = parse_map(args.map)
        zone, zone_name = named_zone(args.zone) if args.zone else local_zone()
        settings = Settings(mapping, zone, clock.now(), progress.update)
        reading = _reader(kind, args)(text, settings)
    except ImportProblem as problem:
        progress.close()
        raise UsageError(
            f"{path.name} cannot be imported: {problem} Nothing was written."
        ) from None
    if not reading.moods:
        progress.close()
        why = _left_out(reading, 0, 0) or "Left out: everything."
        raise UsageError(f"Nothing in {path.name} can be imported. {why}")
    store = open_store(args)
    progress.say("Checking what is already here…")
    fresh, already, repeated = _new_only(store, reading.moods)
    progress.close()
    for line in _report(path, kind, reading, fresh, zone_name):
        print(line)
    left_out = _left_out(reading, already, repeated)
    if left_out:
        print(left_out)
    if not args.yes:
        if fresh:
            print("This was a dry run: nothing was written. Add --yes to bring them in.")
        show_notices(store)
        return 0
    if fresh:
        progress.say(f"Writing {len(fresh):,} moods…")
        try:
            added = store.add_imported(fresh)
        finally:
            progress.close()
        print(f"Added {added:,} mood{'' if added == 1 else 's'} from {path.name}.")
    show_notices(store)
    return 0
