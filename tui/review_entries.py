"""History as rows for the review table: one Entry per record, merged newest first, and filters.

Pure and Textual-free, so the review screen's worker thread can build entries and the tests
can check filtering without an app.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from rich.markup import escape

from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Store

HistoryRecord = MoodLog | Session | Urge | Slip | LogisticsContact
SUMMARY_LENGTH = 30

LETTER_KEY = "letter"
OPEN_ON_KEY = "open_on"
"""Stage 5's letter to future me stays sealed until the day it was written to be opened."""

SHOW_ALL = "all"
SHOW_MOODS = "moods"
SHOW_SESSIONS = "sessions"
SHOW_CONTACT = "contact"
"""Urges, slips and logistics contact: everything about reaching out."""


def stage_choice(stage: int) -> str:
    """The `show` value that keeps one stage's sessions."""
    return f"stage-{stage}"


def flatten(value: Any) -> list[str]:
    """Every piece of text inside an answer, in order, however deeply it is nested."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in flatten(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in flatten(item)]
    if value is None or value == "" or isinstance(value, bool):
        return []  # a tick or a flag is not something a person wrote
    return [str(value)]


def sealed_until(session: Session, today: date) -> date | None:
    """The day a session's letter opens, while that day is still ahead; otherwise None."""
    opens = session.answers.get(OPEN_ON_KEY)
    if LETTER_KEY not in session.answers or not isinstance(opens, str):
        return None
    try:
        day = date.fromisoformat(opens[:10])
    except ValueError:
        return None
    return day if day > today else None


def readable_answers(session: Session, today: date) -> dict[str, Any]:
    """A session's answers without a letter that is still sealed."""
    if sealed_until(session, today) is None:
        return session.answers
    return {key: value for key, value in session.answers.items() if key != LETTER_KEY}


def _first_line(texts: Iterable[str]) -> str:
    """The first line with words in it (skipping bare numbers), cut to fit a table cell."""
    for text in texts:
        line = text.strip().splitlines()[0].strip() if text.strip() else ""
        if any(character.isalpha() for character in line):
            return line if len(line) <= SUMMARY_LENGTH else line[: SUMMARY_LENGTH - 1] + "…"
    return ""


@dataclass(frozen=True)
class Entry:
    """One row of history: the record, and what the table shows and searches."""

    record: HistoryRecord
    kind: str
    summary: str
    """"session", "mood", "urge", "slip" or "logistics"."""
    tags: tuple[str, ...] = ()
    haystack: str = field(default="", repr=False)
    """Every word of the record, lower-cased, for the text search."""

    @property
    def when(self) -> datetime:
        return self.record.when

    @property
    def stage(self) -> int | None:
        return self.record.stage if isinstance(self.record, Session) else None


def entry_for(record: HistoryRecord, today: date) -> Entry:
    """Wrap a record for the table, computing its summary and search text once."""
    texts: list[str]
    tags: tuple[str, ...] = ()
    if isinstance(record, Session):
        kind, texts = "session", flatten(readable_answers(record, today))
    elif isinstance(record, MoodLog):
        kind, texts, tags = "mood", [record.note], record.tags
    elif isinstance(record, Urge):
        kind, texts = "urge", [record.note]
    elif isinstance(record, Slip):
        kind, texts = "slip", [record.note, record.feeling]
    else:
        kind, texts = "logistics", [record.note]
    haystack = "\n".join([*texts, *tags]).casefold()
    return Entry(record, kind, _first_line(texts), tags=tags, haystack=haystack)


def history(store: Store, today: date, since: datetime | None = None) -> Iterator[Entry]:
    """Every session, mood, urge, slip and logistics contact, newest first, read lazily.

    The sharded kinds are read a month at a time, so the newest rows arrive first
    however long the history is; `since` stops the reading at that moment.
    """
    streams: list[Iterable[HistoryRecord]] = [
        store.records("sessions", since),
        store.records("moods", since),
        store.records("urges", since),
        [slip for slip in store.slips() if since is None or slip.at >= since],
        [contact for contact in store.logistics() if since is None or contact.at >= since],
    ]
    merged = heapq.merge(*streams, key=lambda record: record.when, reverse=True)
    return (entry_for(record, today) for record in merged)


def kind_label(record: HistoryRecord, stage_name: Callable[[int], str]) -> str:
    """What kind of entry this is, in a few words."""
    if isinstance(record, Session):
        return stage_name(record.stage)
    if isinstance(record, MoodLog):
        return "Mood log"
    if isinstance(record, Urge):
        return "Urge, acted on" if record.acted else "Urge, rode it out"
    if isinstance(record, Slip):
        return "Slip, they reached out" if record.they_reached_out else "Slip, you reached out"
    return "Logistics contact"


def mood_cell(record: HistoryRecord) -> str:
    """The mood a table row shows: one value, before → after, or an urge's strength."""
    if isinstance(record, Session):
        before = "–" if record.mood_before is None else str(record.mood_before)
        after = "–" if record.mood_after is None else str(record.mood_after)
        return f"{before} → {after}"
    if isinstance(record, MoodLog):
        return str(record.mood)
    if isinstance(record, Urge):
        return f"urge {record.strength}"
    if isinstance(record, Slip) and record.mood is not None:
        return str(record.mood)
    return ""


def row_cells(entry: Entry, stage_name: Callable[[int], str]) -> tuple[str, ...]:
    """What the review table shows for an entry, escaped so nothing written reads as markup."""
    return (
        f"{entry.when:%d %b %Y %H:%M}",
        kind_label(entry.record, stage_name),
        mood_cell(entry.record),
        escape(entry.summary),
        escape(", ".join(entry.tags)),
    )


@dataclass(frozen=True)
class EntryFilter:
    """What the person asked to see: a kind or stage, a tag, a date range and some words."""

    show: str = SHOW_ALL
    tag: str = ""
    since: date | None = None
    until: date | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()

    def matches(self, entry: Entry) -> bool:
        """Whether `entry` belongs in the table under this filter."""
        return (
            self._shows(entry)
            and (not self.tag or self.tag.casefold() in entry.tags)
            and (self.since is None or entry.when.date() >= self.since)
            and (self.until is None or entry.when.date() <= self.until)
            and all(word in entry.haystack for word in self.text.casefold().split())
        )

    def _shows(self, entry: Entry) -> bool:
        if self.show == SHOW_ALL:
            return True
        if self.show == SHOW_MOODS:
            return entry.kind == "mood"
        if self.show == SHOW_SESSIONS:
            return entry.kind == "session"
        if self.show == SHOW_CONTACT:
            return entry.kind in ("urge", "slip", "logistics")
        return entry.stage is not None and self.show == stage_choice(entry.stage)
