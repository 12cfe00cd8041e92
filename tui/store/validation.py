"""Checks every record before it reaches the store, so nothing malformed is ever written."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from tui.store.records import MOOD_MAX, MOOD_MIN

NOTE_LIMIT = 10_000
"""Characters in one note or answer; far beyond a heartfelt page, short of a pasted book."""
TAG_LIMIT = 40
TAGS_PER_RECORD = 20
KEEP_CONTROLS = {"\n", "\t"}


class ValidationError(ValueError):
    """A value that cannot be saved; the message is one sentence for the person."""


def check_scale(value: object, what: str = "Mood") -> int:
    """A whole number from 0 to 10."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{what} must be a whole number from 0 to 10.")
    if not MOOD_MIN <= value <= MOOD_MAX:
        raise ValidationError(f"{what} must be from 0 to 10, not {value}.")
    return value


def clean_text(text: str, what: str = "The note", limit: int = NOTE_LIMIT) -> str:
    """Text with control characters other than newline and tab removed, within the limit."""
    cleaned = "".join(
        character
        for character in text.replace("\r\n", "\n").replace("\r", "\n")
        if character in KEEP_CONTROLS or unicodedata.category(character) not in ("Cc", "Cs")
    )
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is {len(cleaned):,} characters; the limit is {limit:,}.")
    return cleaned


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Tags as short single words, lower-cased, without repeats."""
    seen: list[str] = []
    for tag in tags:
        word = clean_text(tag, "A tag", TAG_LIMIT).strip().lower()
        if not word or any(character.isspace() for character in word):
            raise ValidationError(f"A tag must be one word, not {tag!r}.")
        if word not in seen:
            seen.append(word)
    if len(seen) > TAGS_PER_RECORD:
        raise ValidationError(f"A record can carry at most {TAGS_PER_RECORD} tags.")
    return tuple(seen)


def check_moment(moment: datetime, latest: datetime | None = None) -> datetime:
    """An aware date-time, not later than `latest` when given."""
    if moment.tzinfo is None:
        raise ValidationError("A time must carry its UTC offset.")
    if latest is not None and moment > latest:
        raise ValidationError(f"{moment:%Y-%m-%d %H:%M} is in the future.")
    return moment
