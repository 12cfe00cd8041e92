"""History as rows for the review table: one Entry per record, what its cells say, and filters.

Pure and Textual-free, so the review's reader thread can build entries and the tests can
check filtering without an app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from tui.content.review import ReviewText
from tui.store.month_index import HistoryRecord
from tui.store.printable import printable
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import month_key

SUMMARY_LENGTH = 80
"""Characters of the first line kept for the table; the widest column shows fewer."""
TAB = "    "

LETTER_KEY = "letter"
OPEN_ON_KEY = "open_on"
"""Stage 5's letter to future me stays sealed until the day it was written to be opened."""

SHOW_ALL = "all"
SHOW_MOODS = "moods"
SHOW_SESSIONS = "sessions"
SHOW_CONTACT = "contact"
"""Urges, slips and logistics contact: everything about reaching out."""


def displayable(text: str) -> str:
    """Text as it may reach the terminal: no control or direction characters, tabs as spaces."""
    return printable(text).replace("\t", TAB)


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
    """The first line with words in it (skipping bare numbers), as much as a cell could show."""
    for text in texts:
        for line in text.splitlines():
            line = displayable(line).strip()
            if any(character.isalpha() for character in line):
                return line[:SUMMARY_LENGTH]
    return ""


@dataclass(frozen=True)
class Entry:
    """One row of history: the record, and what the table shows and searches.

    The words are worked out when first asked for: a filter by kind or date never needs
    them, and a month read only to be searched is let go straight after.
    """

    record: HistoryRecord
    kind: str
    """"session", "mood", "urge", "slip" or "logistics"."""
    today: date = field(repr=False, compare=False)

    @cached_property
    def texts(self) -> list[str]:
        """Everything written in the record, in order."""
        record = self.record
        if isinstance(record, Session):
            return flatten(readable_answers(record, self.today))
        if isinstance(record, Slip):
            return [record.note, record.feeling]
        return [record.note]

    @cached_property
    def summary(self) -> str:
        """The first line with words in it, for the table."""
        return _first_line(self.texts)

    @cached_property
    def tags(self) -> tuple[str, ...]:
        return self.record.tags if isinstance(self.record, MoodLog) else ()

    @cached_property
    def haystack(self) -> str:
        """Every word of the record, lower-cased, for the text search."""
        return "\n".join([*self.texts, *self.tags]).casefold()

    @property
    def when(self) -> datetime:
        return self.record.when

    @property
    def month(self) -> str:
        """The month the entry is kept under ("2026-11")."""
        return month_key(self.record.when)

    @property
    def stage(self) -> int | None:
        return self.record.stage if isinstance(self.record, Session) else None


KINDS: dict[type, str] = {
    Session: "session",
    MoodLog: "mood",
    Urge: "urge",
    Slip: "slip",
    LogisticsContact: "logistics",
}


def entry_for(record: HistoryRecord, today: date) -> Entry:
    """Wrap a record for the table."""
    return Entry(record, KINDS[type(record)], today)


def kind_names(
    record: HistoryRecord, text: ReviewText, short_title: Callable[[int], str]
) -> tuple[str, ...]:
    """What kind of entry this is, in a few words: the names that fit, longest first."""
    if isinstance(record, Session):
        title = short_title(record.stage)
        return text.kind_names("session", number=record.stage, short_title=title)
    if isinstance(record, MoodLog):
        return text.kind_names("mood")
    if isinstance(record, Urge):
        return text.kind_names("urge_acted" if record.acted else "urge_passed")
    if isinstance(record, Slip):
        return text.kind_names("slip_they" if record.they_reached_out else "slip_you")
    return text.kind_names("logistics")


def mood_cell(record: HistoryRecord) -> str:
    """The mood a table row shows: one value, before → after, or an urge's strength.

    A mood nobody gave shows as a dash, never as a number.
    """
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

    def may_hold(self, month: str) -> bool:
        """Whether month `month` ("2026-11") can hold a match: the dates alone may rule it out."""
        if self.since is not None and month < month_key(self.since):
            return False
        return self.until is None or month <= month_key(self.until)

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
