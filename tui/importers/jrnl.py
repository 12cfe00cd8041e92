"""jrnl's JSON export (`jrnl --export json`, or `--format json` in newer versions).

    {"tags": {"@tag": count, ...},
     "entries": [{"title": ..., "body": ..., "date": "2020-07-01", "time": "20:00",
                  "tags": ["@tag"], "starred": false, ...}, ...]}

jrnl keeps no mood, so the person names the tags that stand for one (`--map @great=9,
@low=3`); an entry gets the number of its mood tag, and its other tags become tags.
Dates and times carry no zone: they are read as local time.
"""

from __future__ import annotations

import json
from datetime import date

from tui.importers.common import (
    BAD_DATE,
    LONG_NOTE,
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
    shown,
    tags_from,
)
from tui.store.records import MoodLog

EXAMPLE_MAP = "--map @great=9,@okay=6,@low=3"
TAG_SYMBOLS = "@#"
NO_MOOD_TAG = "with no tag named in --map"
MOOD_TAGS_DISAGREE = "with two mood tags of different numbers"
UNREADABLE = "the app cannot read"


def _bare(tag: str) -> str:
    """A tag's name without jrnl's symbol, matched the way mood names are."""
    return name_key(tag.lstrip(TAG_SYMBOLS))


def _text(entry: dict[str, object], key: str) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise Skip(UNREADABLE)
    return value


def read_jrnl(text: str, settings: Settings) -> Reading:
    """Each jrnl entry with a mood tag as a mood log, or the whole file refused."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(f"It is not valid JSON (line {error.lineno}).") from None
    except RecursionError:
        raise ImportProblem("It is nested too deeply to be a jrnl export.") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ImportProblem("It is not a jrnl JSON export: there is no list of entries.")
    tags = [
        tag
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("tags"), list)
        for tag in entry["tags"]
        if isinstance(tag, str) and _bare(tag)
    ]
    if not tags:
        raise ImportProblem(
            "These jrnl entries carry no tags, and jrnl keeps no mood of its own, "
            "so there are no moods to bring in."
        )
    mood_tags = {_bare(name): value for name, value in settings.mapping.items()}
    found = ", ".join(shown(tag) for tag in dict.fromkeys(tags))
    if not mood_tags:
        raise ImportProblem(
            "jrnl keeps no mood of its own: name the tags that stand for one with --map, "
            f"as in {EXAMPLE_MAP}. Tags found: {found}."
        )
    if not any(_bare(tag) in mood_tags for tag in tags):
        raise ImportProblem(f"No entry has a tag named in --map. Tags found: {found}.")
    reading = Reading(source="jrnl")
    for done, entry in enumerate(entries, 1):
        settings.on_row(done, len(entries))
        try:
            reading.add(*_entry(entry, mood_tags, settings, reading))
        except Skip as skip:
            reading.skipped[str(skip)] += 1
    return reading


def _entry(
    entry: object, mood_tags: dict[str, int], settings: Settings, reading: Reading
) -> tuple[MoodLog, str]:
    if not isinstance(entry, dict) or not isinstance(entry.get("tags", []), list):
        raise Skip(UNREADABLE)
    tags = [tag for tag in entry.get("tags", []) if isinstance(tag, str) and _bare(tag)]
    moods = {mood_tags[_bare(tag)]: tag for tag in tags if _bare(tag) in mood_tags}
    if not moods:
        raise Skip(NO_MOOD_TAG)
    if len(moods) > 1:
        raise Skip(MOOD_TAGS_DISAGREE)
    ((mood, mood_tag),) = moods.items()
    day_text, time_text = _text(entry, "date"), _text(entry, "time")
    try:
        day = date.fromisoformat(day_text.strip())
    except ValueError:
        raise Skip(BAD_DATE) from None
    moment = at_time(day, clock_time(time_text or "00:00"), settings.zone, settings.now)
    title, body = _text(entry, "title"), _text(entry, "body")
    note = note_from(title, body)
    if note is None:
        raise Skip(LONG_NOTE)
    others = [tag.lstrip(TAG_SYMBOLS) for tag in tags if _bare(tag) not in mood_tags]
    reading.local_times += 1
    record = MoodLog(
        at=moment,
        mood=mood,
        note=note,
        tags=tags_from(others, reading),
        source=SOURCE,
        id=content_id("jrnl", day_text, time_text, title, body, *sorted(tags)),
    )
    return record, shown(mood_tag)
