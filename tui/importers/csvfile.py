"""Any CSV with a date (or date-time) column and a mood column, named by the person.

Dates are ISO ("2026-11-20", "2026-11-20 21:00", "2026-11-20T21:00:00+01:00"); a time can
also come from its own column ("21:00", "9:00 pm"). A time with an offset keeps it; one
without is read as local time; a date with no time at all is placed at the start of its
day, as everywhere in the app. Moods are whole numbers from 0 to 10, or names given
numbers with --map. Commas, semicolons or tabs may separate the columns.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from datetime import date, datetime, time

from tui.importers.common import (
    BAD_DATE,
    BAD_NUMBER,
    FUTURE,
    LONG_NOTE,
    NO_MOOD,
    SOURCE,
    ImportProblem,
    Reading,
    Settings,
    Skip,
    at_time,
    clock_time,
    content_id,
    name_key,
    note_from,
    require_mapping,
    shown,
    tags_from,
)
from tui.store.records import MOOD_MAX, MOOD_MIN, MoodLog
from tui.store.validation import ValidationError, check_time

DELIMITERS = (",", ";", "\t")
TAG_SEPARATORS = ("|", ";", ",")
EXAMPLE_MAP = "--map great=9,okay=6,low=3"


@dataclass(frozen=True)
class Columns:
    """The columns to read, by their names in the header (matched ignoring case)."""

    date: str = "date"
    mood: str = "mood"
    time: str | None = None
    note: str | None = None
    tags: str | None = None


def _rows(text: str, columns: Columns) -> tuple[dict[str, int], list[list[str]]]:
    """The header's column positions and the rows, split by whichever delimiter fits."""
    wanted = [name_key(name) for name in (columns.date, columns.mood) if name]
    first_line = text.split("\n", 1)[0]

    def fit(mark: str) -> tuple[int, int]:
        """How many wanted columns the header has when split by `mark`, then how many in all."""
        names = {name_key(column) for column in first_line.split(mark)}
        return sum(name in names for name in wanted), len(names)

    delimiter = max(DELIMITERS, key=fit)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        raise ImportProblem("It cannot be read as a CSV file.") from None
    if not rows:
        raise ImportProblem("It is empty.")
    header = {name_key(name): index for index, name in enumerate(rows[0])}
    for option, name in (
        ("--date-column", columns.date),
        ("--mood-column", columns.mood),
        ("--time-column", columns.time),
        ("--note-column", columns.note),
        ("--tags-column", columns.tags),
    ):
        if name is not None and name_key(name) not in header:
            raise ImportProblem(
                f"Its header has no column {shown(name)!r} ({option}); "
                "name the columns with --date-column and --mood-column."
            )
    return header, [row for row in rows[1:] if any(cell.strip() for cell in row)]


def read_csv(text: str, settings: Settings, columns: Columns | None = None) -> Reading:
    """Each row with a date and a mood as a mood log, or the whole file refused."""
    columns = columns or Columns()
    header, body = _rows(text, columns)

    def cell(row: list[str], name: str | None) -> str:
        index = header.get(name_key(name)) if name else None
        return row[index] if index is not None and index < len(row) else ""

    names = [name for name in dict.fromkeys(cell(r, columns.mood).strip() for r in body) if name]
    if not names:
        raise ImportProblem("It holds no moods to bring in.")
    mapping = settings.mapping
    if mapping:
        require_mapping(names, mapping, "The moods in it", EXAMPLE_MAP)
    else:
        words = [name for name in names if not _is_number(name)]
        require_mapping(words, {}, "The moods in it are words, so they", EXAMPLE_MAP)
    reading = Reading(source="CSV")
    for done, row in enumerate(body, 1):
        settings.on_row(done, len(body))
        try:
            mood, shown_name = _mood(cell(row, columns.mood), mapping)
            moment = _moment(cell(row, columns.date), cell(row, columns.time), settings, reading)
            note = note_from(cell(row, columns.note))
            if note is None:
                raise Skip(LONG_NOTE)
            raw_tags = cell(row, columns.tags)
            for separator in TAG_SEPARATORS[1:]:
                raw_tags = raw_tags.replace(separator, TAG_SEPARATORS[0])
            tags = [part.strip() for part in raw_tags.split(TAG_SEPARATORS[0]) if part.strip()]
            record = MoodLog(
                at=moment,
                mood=mood,
                note=note,
                tags=tags_from(tags, reading),
                source=SOURCE,
                id=content_id("csv", *(cell(row, name) for name in _used(columns))),
            )
        except Skip as skip:
            reading.skipped[str(skip)] += 1
            continue
        reading.add(record, shown_name)
    return reading


def _used(columns: Columns) -> list[str | None]:
    return [columns.date, columns.time, columns.mood, columns.note, columns.tags]


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _mood(text: str, mapping: dict[str, int]) -> tuple[int, str]:
    value = text.strip()
    if not value:
        raise Skip(NO_MOOD)
    if mapping:
        return mapping[name_key(value)], shown(value)
    try:
        number = float(value)
    except ValueError:
        raise Skip(BAD_NUMBER) from None
    if not math.isfinite(number) or number != int(number) or not MOOD_MIN <= number <= MOOD_MAX:
        raise Skip(BAD_NUMBER)
    return int(number), str(int(number))


def _moment(day_text: str, time_text: str, settings: Settings, reading: Reading) -> datetime:
    value = day_text.strip()
    try:
        day = date.fromisoformat(value)
        parsed: datetime | None = None
    except ValueError:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise Skip(BAD_DATE) from None
        day = parsed.date()
    if time_text.strip():
        clock = clock_time(time_text)
    elif parsed is not None:
        clock = parsed.time()
    else:
        clock = time(0, 0)
    if parsed is not None and parsed.tzinfo is not None:
        moment = datetime.combine(day, clock, parsed.tzinfo)  # the file gives the offset
        try:
            check_time(moment)
        except ValidationError:
            raise Skip(BAD_DATE) from None
        if moment > settings.now:
            raise Skip(FUTURE)
        return moment
    moment = at_time(day, clock, settings.zone, settings.now)
    reading.local_times += 1
    if parsed is None and not time_text.strip():
        reading.day_only += 1
    return moment
