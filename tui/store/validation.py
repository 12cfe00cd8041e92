"""Checks every record before it reaches the store, so nothing malformed is ever written.

Two kinds of function live here. The `clean_...` ones are for the edges (the command
line, a text field): they tidy what a person typed. The `check_...` ones are for the
Store: they never change a value, they accept it or raise ValidationError, so whatever
they accept comes back from disk exactly as it went in.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from tui.store.records import (
    MOOD_MAX,
    MOOD_MIN,
    SOURCES,
    Draft,
    FormDraft,
    LogisticsContact,
    MoodLog,
    Session,
    Slip,
    Urge,
)

NOTE_LIMIT = 10_000
"""Characters in one note or answer; far beyond a heartfelt page, short of a pasted book."""
ANSWERS_LIMIT = 100_000
"""Characters in all the answers of one session or draft together."""
SETTING_LIMIT = 100_000
"""Characters in one setting (a safety plan, a boundaries card, a list of reasons)."""
SHORT_LIMIT = 200
"""Characters in a short field: a feeling word, a setting's name, a record id."""
TAG_LIMIT = 40
TAGS_PER_RECORD = 20
NESTING_LIMIT = 10
KEEP_CONTROLS = {"\n", "\t"}
REMOVED_CATEGORIES = ("Cc", "Cs")
EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
STAGES = range(1, 6)


class ValidationError(ValueError):
    """A value that cannot be saved; the message is one sentence for the person."""


def _is_removed(character: str) -> bool:
    return character not in KEEP_CONTROLS and unicodedata.category(character) in REMOVED_CATEGORIES


# -- edges: tidy what a person typed -------------------------------------------


def check_scale(value: object, what: str = "Mood") -> int:
    """A whole number from 0 to 10."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what} must be a whole number from 0 to 10.")
    if not MOOD_MIN <= value <= MOOD_MAX:
        raise ValidationError(f"{what} must be from 0 to 10, not {value}.")
    return value


def clean_text(text: str, what: str = "The note", limit: int = NOTE_LIMIT) -> str:
    """Text with control characters other than newline and tab removed, within the limit."""
    unified = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = "".join(character for character in unified if not _is_removed(character))
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is {len(cleaned):,} characters; the limit is {limit:,}.")
    return cleaned


def clean_tags(tags: Sequence[str]) -> tuple[str, ...]:
    """Tags as short single words, lower-cased, without repeats."""
    seen: list[str] = []
    for tag in tags:
        word = clean_text(tag, "A tag", TAG_LIMIT).strip().lower()
        if not word or any(character.isspace() for character in word):
            raise ValidationError("A tag must be one word, without spaces.")
        if word not in seen:
            seen.append(word)
    if len(seen) > TAGS_PER_RECORD:
        raise ValidationError(f"A record can carry at most {TAGS_PER_RECORD} tags.")
    return tuple(seen)


def check_moment(moment: datetime, latest: datetime | None = None) -> datetime:
    """An aware date-time, not later than `latest` when given."""
    check_time(moment)
    if latest is not None and moment > latest:
        raise ValidationError(f"{moment:%Y-%m-%d %H:%M} is in the future.")
    return moment


# -- the store: accept or refuse, never change ---------------------------------


def check_text(text: object, what: str = "The note", limit: int = NOTE_LIMIT) -> str:
    """Text as it will be saved: no control characters but newline and tab, within the limit."""
    if not isinstance(text, str):
        raise ValidationError(f"{what} must be text.")
    if len(text) > limit:
        raise ValidationError(f"{what} is {len(text):,} characters; the limit is {limit:,}.")
    if any(_is_removed(character) for character in text):
        raise ValidationError(
            f"{what} holds an invisible control character that cannot be saved; "
            "retype the text around it."
        )
    return text


def check_tags(tags: object) -> tuple[str, ...]:
    """Tags as saved: distinct single words of text, at most TAGS_PER_RECORD of them."""
    if isinstance(tags, str) or not isinstance(tags, Sequence):
        raise ValidationError("Tags must be a list of words.")
    if len(tags) > TAGS_PER_RECORD:
        raise ValidationError(f"A record can carry at most {TAGS_PER_RECORD} tags.")
    for tag in tags:
        check_text(tag, "A tag", TAG_LIMIT)
        if not tag or any(character.isspace() for character in tag):
            raise ValidationError("A tag must be one word, without spaces.")
    if len(set(tags)) != len(tags):
        raise ValidationError("A tag appears twice on the same record.")
    return tuple(tags)


def check_time(moment: object, what: str = "A time") -> datetime:
    """A real date-time that carries its UTC offset, within years the app can show."""
    if not isinstance(moment, datetime):
        raise ValidationError(f"{what} must be a date and time.")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(f"{what} must carry its UTC offset.")
    check_day(moment.date(), what)
    return moment


def check_day(day: object, what: str = "A date") -> date:
    """A calendar date within years the app can show."""
    if not isinstance(day, date):
        raise ValidationError(f"{what} must be a date.")
    if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
        raise ValidationError(
            f"{what} must fall between the years {EARLIEST_YEAR} and {LATEST_YEAR}."
        )
    return day


def check_optional_time(moment: object, what: str) -> datetime | None:
    """No time yet (a record not saved), or a real date-time with its UTC offset."""
    return None if moment is None else check_time(moment, what)


def check_optional_scale(value: object, what: str) -> int | None:
    """No value yet, or a whole number from 0 to 10."""
    return None if value is None else check_scale(value, what)


def check_id(value: object) -> str:
    """A record's identity: a short run of visible characters."""
    if (
        not isinstance(value, str)
        or not value
        or len(value) > SHORT_LIMIT
        or not value.isprintable()
        or any(character.isspace() for character in value)
    ):
        raise ValidationError("A record's id must be a short word of visible characters.")
    return value


def check_flag(value: object, what: str) -> bool:
    """A yes or a no."""
    if not isinstance(value, bool):
        raise ValidationError(f"{what} must be yes or no.")
    return value


def check_source(value: object) -> str:
    """Where a record came from: one of SOURCES."""
    if value not in SOURCES:
        raise ValidationError(f"A record's source must be one of {', '.join(SOURCES)}.")
    return str(value)


def check_stage(value: object) -> int:
    """A stage number from 1 to 5."""
    if isinstance(value, bool) or not isinstance(value, int) or value not in STAGES:
        raise ValidationError("A stage must be a number from 1 to 5.")
    return value


def check_step(value: object) -> int:
    """Which step of a stage a draft was left on, from 0."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError("A draft's step must be a whole number from 0.")
    return value


def check_json_value(value: Any, what: str, limit: int) -> Any:
    """A value made only of text, numbers, yes/no, nothing, lists and text-keyed objects.

    `what` names the whole ("This session") in messages: "This session holds a date...".
    """
    budget = [limit]

    def walk(item: Any, depth: int) -> None:
        if depth > NESTING_LIMIT:
            raise ValidationError(f"{what} is nested too deeply to be saved.")
        if item is None or isinstance(item, bool | int):
            return
        if isinstance(item, float):
            if not math.isfinite(item):
                raise ValidationError(f"{what} holds a number that is not finite.")
            return
        if isinstance(item, str):
            check_text(item, what, limit)
            budget[0] -= len(item)
        elif isinstance(item, Mapping):
            for key, child in item.items():
                if not isinstance(key, str):
                    raise ValidationError(f"{what} has a field whose name is not text.")
                check_text(key, what, SHORT_LIMIT)
                budget[0] -= len(key)
                walk(child, depth + 1)
        elif isinstance(item, list | tuple):
            for child in item:
                walk(child, depth + 1)
        else:
            raise ValidationError(f"{what} holds a {type(item).__name__}, which cannot be saved.")
        if budget[0] < 0:
            raise ValidationError(f"{what} is longer than the limit of {limit:,} characters.")

    walk(value, 0)
    return value


def check_answers(answers: object, what: str = "This session") -> dict[str, Any]:
    """A session's or draft's answers: a text-keyed object within ANSWERS_LIMIT."""
    if not isinstance(answers, dict):
        raise ValidationError(f"{what} must keep its answers as named fields.")
    check_json_value(answers, what, ANSWERS_LIMIT)
    return answers


def check_setting(key: object, value: object) -> None:
    """A setting's name and value as profile.json keeps them."""
    check_text(key, "A setting's name", SHORT_LIMIT)
    check_json_value(value, "This setting", SETTING_LIMIT)
    # Imported here: it imports this module, and only settings need it, never `log`.
    from tui.store.preferences import check_preference

    check_preference(str(key), value)


def check_record(record: object) -> None:
    """Raise ValidationError unless every field of `record` can be saved and read back as is."""
    if isinstance(record, MoodLog):
        check_time(record.at)
        check_scale(record.mood, "Mood")
        check_text(record.note)
        check_tags(record.tags)
        check_source(record.source)
        check_id(record.id)
        check_optional_time(record.updated_at, "The time it was written")
    elif isinstance(record, Session):
        check_stage(record.stage)
        check_time(record.started_at, "The start time")
        check_time(record.saved_at, "The save time")
        check_optional_scale(record.mood_before, "The mood before")
        check_optional_scale(record.mood_after, "The mood after")
        check_answers(record.answers)
        check_id(record.id)
        check_optional_time(record.updated_at, "The time it was written")
    elif isinstance(record, Urge):
        check_time(record.at)
        check_scale(record.strength, "The urge's strength")
        check_text(record.note)
        check_flag(record.acted, "Whether the urge was acted on")
        check_source(record.source)
        check_id(record.id)
        check_optional_time(record.updated_at, "The time it was written")
    elif isinstance(record, Slip):
        check_time(record.at)
        check_flag(record.they_reached_out, "Who reached out")
        check_text(record.note)
        check_text(record.feeling, "How it felt", SHORT_LIMIT)
        check_optional_scale(record.mood, "Mood")
        check_id(record.id)
        check_optional_time(record.updated_at, "The time it was written")
    elif isinstance(record, LogisticsContact):
        check_time(record.at)
        check_text(record.note)
        check_id(record.id)
        check_optional_time(record.updated_at, "The time it was written")
    elif isinstance(record, Draft):
        check_stage(record.stage)
        check_time(record.started_at, "The start time")
        check_time(record.updated_at, "The time of the draft")
        check_optional_scale(record.mood_before, "The mood before")
        check_answers(record.answers, "This draft")
        check_optional_scale(record.mood_after, "The mood after")
        check_step(record.step)
        check_text(record.owner, "A draft's window", SHORT_LIMIT)
    elif isinstance(record, FormDraft):
        check_text(record.form, "A draft's form", SHORT_LIMIT)
        check_time(record.updated_at, "The time of the draft")
        check_answers(record.values, "This draft")
        check_text(record.owner, "A draft's window", SHORT_LIMIT)
    else:
        raise ValidationError(f"A {type(record).__name__} is not a record the app keeps.")
