"""`nocontact history`: sessions, moods, urges and slips, newest first, as text or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import Any

from tui import clock
from tui.commandline.common import first_line, mood_label, open_store, show_notices
from tui.commandline.errors import UsageError
from tui.content import STAGE_NUMBERS
from tui.content.names import kind_words
from tui.store.printable import json_printable, printable
from tui.store.records import (
    SHORT_ID,
    LogisticsContact,
    MoodLog,
    Record,
    Session,
    Slip,
    Urge,
    short_id,
)
from tui.store.store import Store

KIND_NAMES: dict[type[Record], str] = {
    MoodLog: "mood",
    Session: "session",
    Urge: "urge",
    Slip: "slip",
    LogisticsContact: "logistics",
}
"""The `kind` of each record in `history --json` and in exports; part of the stable shape."""


def collect(
    store: Store, since: datetime | None, stage: int | None, until: datetime | None = None
) -> list[Record]:
    """Every record to show, newest first; a stage filter keeps sessions of that stage only."""
    found: list[Record] = [
        session
        for session in store.records("sessions", since, until)
        if stage is None or session.stage == stage
    ]
    if stage is None:
        found.extend(store.records("moods", since, until))
        found.extend(store.records("urges", since, until))
        tracked: list[Record] = [*store.slips(), *store.logistics()]
        found.extend(
            record
            for record in tracked
            if (since is None or record.when >= since) and (until is None or record.when <= until)
        )
    return sorted(found, key=lambda record: record.when, reverse=True)


def as_json(record: Record) -> dict[str, Any]:
    """One record in the documented JSON shape: its kind, then its own fields."""
    return {"kind": KIND_NAMES[type(record)], **record.to_dict()}


def _session_text(session: Session, titles: dict[int, str]) -> str:
    before = "-" if session.mood_before is None else session.mood_before
    after = "-" if session.mood_after is None else session.mood_after
    words = next(
        (value for value in session.answers.values() if isinstance(value, str) and value.strip()),
        "",
    )
    title = titles.get(session.stage, f"Stage {session.stage}")
    detail = f"  · {first_line(words)}" if words else ""
    return f"{before} → {after}  Stage {session.stage}: {title}{detail}"


def as_text(record: Record, titles: dict[int, str]) -> str:
    """One readable line: the id's start, date, kind, mood with its label or what happened,
    the note's start."""
    if isinstance(record, Session):
        detail = _session_text(record, titles)
    else:
        if isinstance(record, MoodLog):
            head = f"{record.mood:>2}  {mood_label(record.mood)}"
        elif isinstance(record, Urge):
            head = f"{record.strength:>2}  {'acted on' if record.acted else 'ridden out'}"
        elif isinstance(record, Slip):
            head = "    they reached out" if record.they_reached_out else "    you reached out"
        else:
            head = "    needed contact"
        note = getattr(record, "note", "")
        detail = f"{head}  · {first_line(note)}" if note.strip() else head
        if isinstance(record, MoodLog) and record.tags:
            detail += f"  #{' #'.join(printable(tag) for tag in record.tags)}"
    kind = kind_words()[KIND_NAMES[type(record)]]
    return f"{short_id(record.id):<{SHORT_ID}}  {record.when:%Y-%m-%d %H:%M}  {kind:<9}  {detail}"


def stage_titles() -> dict[int, str]:
    """Each stage's short title, for the text listing."""
    from tui.content.stages import load_stages

    return {number: stage.short_title for number, stage in load_stages().items()}


def run(args: argparse.Namespace) -> int:
    since = until = None
    if args.since is not None or args.until is not None:
        from tui.when import parse_past, parse_when

        if args.since is not None:
            since = parse_past(args.since, "--since")
        if args.until is not None:
            until = parse_when(args.until)
            if until.time() == until.min.time() and ":" not in args.until:
                # A day on its own means all of that day.
                until = clock.local(until.replace(tzinfo=None, hour=23, minute=59, second=59))
    stage = None
    if args.stage is not None:
        text = args.stage.strip()
        if not text.isdigit() or int(text) not in STAGE_NUMBERS:
            raise UsageError(f"Stage must be a number from 1 to 5, not {args.stage}.")
        stage = int(text)
    store = open_store(args)
    records = collect(store, since, stage, until)
    if args.json:
        listed = json.dumps([as_json(record) for record in records], ensure_ascii=False, indent=2)
        print(json_printable(listed))
    elif not records and (since or until or stage):
        print("Nothing matches that yet.")
    elif not records:
        print('Nothing here yet. `nocontact log 6 "a few words"` logs a mood in two seconds.')
    else:
        titles = stage_titles() if any(isinstance(r, Session) for r in records) else {}
        for record in records:
            print(as_text(record, titles))
    show_notices(store)
    return 0
