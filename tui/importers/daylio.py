"""Daylio's CSV export ("Export entries", CSV), in the shapes it has had over the years.

Newest first, one row per entry, the header always in English:
    full_date,date,weekday,time,mood,activities,note_title,note   (2021 on)
    full_date,date,weekday,time,mood,activities,note              (about 2020)
    year,date,weekday,time,mood,activities,note                   (older: no full_date)
`date` ("18 May") and `weekday` are written in the phone's language; full_date is ISO.
`time` is "6:50 pm" or "14:58". Activities are separated by " | ", names may end in a
space, mood names are the person's own (editable in Daylio), notes may span lines.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from tui.importers.common import (
    BAD_DATE,
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
from tui.store.records import MoodLog

EXAMPLE_MAP = "--map rad=10,good=8,meh=5,bad=3,awful=1"
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
"""English month names: the older export's `date` column ("18 May") in an English phone."""


def _header(row: list[str]) -> dict[str, int]:
    return {name.strip().casefold(): index for index, name in enumerate(row)}


def _old_style_day(year: str, day_month: str) -> date:
    """The older export's day: a year column and "18 May" (or "May 18")."""
    words = day_month.replace(",", " ").replace(".", " ").casefold().split()
    numbers = [word for word in words if word.isascii() and word.isdigit()]
    months = [MONTHS[word] for word in words if word in MONTHS]
    if len(numbers) != 1 or len(months) != 1 or not year.strip().isdigit():
        raise Skip(BAD_DATE)
    try:
        return date(int(year), months[0], int(numbers[0]))
    except ValueError:
        raise Skip(BAD_DATE) from None


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index] if index is not None and index < len(row) else ""


def read_daylio(text: str, settings: Settings) -> Reading:
    """Every row of a Daylio export as a mood log, or the whole file refused."""
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        raise ImportProblem("It cannot be read as a CSV file.") from None
    if not rows:
        raise ImportProblem("It is empty.")
    columns = _header(rows[0])
    dated = "full_date" in columns or {"year", "date"} <= columns.keys()
    if not dated or "time" not in columns or "mood" not in columns:
        raise ImportProblem(
            "It does not look like a Daylio export: it needs the columns full_date "
            "(or year and date), time and mood."
        )
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    names = list(dict.fromkeys(_cell(row, columns, "mood").strip() for row in body))
    names = [name for name in names if name]
    if not names:
        raise ImportProblem("It holds no moods to bring in.")
    mapping = settings.mapping
    require_mapping(names, mapping, "Daylio's mood names are your own, so they", EXAMPLE_MAP)
    reading = Reading(source="Daylio")
    for done, row in enumerate(body, 1):
        settings.on_row(done, len(body))
        try:
            reading.add(*_entry(row, columns, settings, reading))
        except Skip as skip:
            reading.skipped[str(skip)] += 1
    return reading


def _entry(
    row: list[str], columns: dict[str, int], settings: Settings, reading: Reading
) -> tuple[MoodLog, str]:
    def cell(name: str) -> str:
        return _cell(row, columns, name)

    name = cell("mood").strip()
    if not name:
        raise Skip(NO_MOOD)
    if "full_date" in columns:
        day_text = cell("full_date").strip()
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            raise Skip(BAD_DATE) from None
    else:
        day_text = f"{cell('year').strip()} {cell('date').strip()}"
        day = _old_style_day(cell("year"), cell("date"))
    moment = at_time(day, clock_time(cell("time")), settings.zone, settings.now)
    activities = [part.strip() for part in cell("activities").split("|") if part.strip()]
    note = note_from(cell("note_title"), cell("note"))
    if note is None:
        raise Skip(LONG_NOTE)
    reading.local_times += 1
    record = MoodLog(
        at=moment,
        mood=settings.mapping[name_key(name)],
        note=note,
        tags=tags_from(activities, reading),
        source=SOURCE,
        id=content_id(
            "daylio",
            day_text,
            cell("time").strip(),
            name_key(name),
            " | ".join(activities),
            cell("note_title"),
            cell("note"),
        ),
    )
    return record, shown(name)
