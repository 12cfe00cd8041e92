"""What every reader shares: the account of a reading, mood maps, ids from content, tags."""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo

from tui.store.records import MOOD_MAX, MOOD_MIN, MoodLog
from tui.store.validation import (
    NOTE_LIMIT,
    TAG_LIMIT,
    TAGS_PER_RECORD,
    ValidationError,
    check_time,
    clean_text,
)

SOURCE = "import"
"""The `source` of every record an import adds."""
SHOWN_LIMIT = 40
"""Characters of a mood name or tag from a file shown in a message."""

# Why an entry was left out; each follows "N entries ...".
NO_MOOD = "without a mood"
BAD_DATE = "with a date the app cannot read"
BAD_TIME = "with a time the app cannot read"
FUTURE = "dated in the future"
LONG_NOTE = f"with a note longer than {NOTE_LIMIT:,} characters"
BAD_NUMBER = "with a mood that is not a whole number from 0 to 10"
REPEATED = "repeated exactly within the file"


class ImportProblem(Exception):
    """The whole file is refused; the message is one sentence that never quotes an entry."""


class Skip(Exception):
    """One entry is left out; the argument is the reason, one of the phrases above."""


def _nothing(done: int, total: int) -> None:
    """The default for Settings.on_row: no progress to show."""


@dataclass(frozen=True)
class Settings:
    """What every reader is told: the mood map, the zone for bare times, now, a progress hook."""

    mapping: dict[str, int]
    zone: tzinfo | None
    """The zone a time without one is read in; None: the system's local time."""
    now: datetime
    """Entries after this are left out as dated in the future."""
    on_row: Callable[[int, int], None] = _nothing
    """Called with (entries read, entries in all) as each is read, for a progress bar."""


@dataclass
class Reading:
    """What a reader found: the mood logs to add and an account of everything else."""

    source: str
    """The app's name as a person knows it: "Daylio", "jrnl", "CSV"."""
    moods: list[MoodLog] = field(default_factory=list)
    mapping: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each mood name (or value) found, shown safely -> (its number, how many entries)."""
    skipped: Counter[str] = field(default_factory=Counter)
    """Entries left out, by reason."""
    local_times: int = 0
    """Entries whose time carried no zone and was read as local time."""
    day_only: int = 0
    """Entries with a date and no time, placed at the start of their day."""
    tags_cut: int = 0
    """Entries with more activities than a record keeps as tags."""

    def add(self, mood: MoodLog, shown_name: str) -> None:
        value, count = self.mapping.get(shown_name, (mood.mood, 0))
        self.mapping[shown_name] = (value, count + 1)
        self.moods.append(mood)

    @property
    def tags(self) -> set[str]:
        return {tag for mood in self.moods for tag in mood.tags}


def shown(text: str) -> str:
    """A name from a file made safe to print: no control or format characters, kept short."""
    visible = "".join(ch for ch in text if not unicodedata.category(ch).startswith("C"))
    visible = " ".join(visible.split())
    return visible if len(visible) <= SHOWN_LIMIT else f"{visible[: SHOWN_LIMIT - 1]}…"


def name_key(name: str) -> str:
    """How mood names are matched: case, spacing and a stray trailing space do not count."""
    return " ".join(name.casefold().split())


def parse_map(items: list[str] | None) -> dict[str, int]:
    """`--map rad=10,good=8` (the option may be repeated) as name key -> 0-10."""
    mapping: dict[str, int] = {}
    for item in items or ():
        for pair in item.split(","):
            if not pair.strip():
                continue
            name, equals, number = pair.rpartition("=")
            number = number.strip()
            if not equals or not name_key(name):
                raise ImportProblem(
                    "--map takes NAME=NUMBER pairs separated by commas, "
                    "as in --map rad=10,good=8,meh=5,bad=3,awful=1."
                )
            if not number.isascii() or not number.isdigit():
                raise ImportProblem("In --map, each number must be a whole number from 0 to 10.")
            value = int(number)
            if not MOOD_MIN <= value <= MOOD_MAX:
                raise ImportProblem(f"In --map, each number must be from 0 to 10, not {value}.")
            key = name_key(name)
            if mapping.get(key, value) != value:
                raise ImportProblem(f"--map gives {shown(name)!r} two different numbers.")
            mapping[key] = value
    return mapping


def require_mapping(names: list[str], mapping: dict[str, int], what: str, example: str) -> None:
    """Refuse unless every name found has a number; the refusal lists the names found."""
    distinct = list({name_key(name): name for name in reversed(names)}.values())[::-1]
    missing = [name for name in distinct if name_key(name) not in mapping]
    if not missing:
        return
    found = ", ".join(shown(name) for name in distinct)
    if not mapping:
        raise ImportProblem(
            f"{what} need a number from 0 to 10 each; give them all with --map, "
            f"as in {example}. Found: {found}."
        )
    raise ImportProblem(
        f"--map has no number for {', '.join(shown(name) for name in missing)}; "
        f"add them and run again. Found: {found}."
    )


def content_id(source: str, *parts: str) -> str:
    """An id made from what an entry says, so importing the same file twice adds nothing."""
    digest = hashlib.sha256("\x1f".join((source, *parts)).encode("utf-8")).hexdigest()
    return digest[:16]


def activity_tag(name: str) -> str:
    """An activity as a one-word tag: "bad sleep" -> "bad-sleep", "movies / tv" -> "movies/tv"."""
    words = clean_text(name, "A tag").casefold().split()
    return "-".join(words).replace("-/-", "/")[:TAG_LIMIT]


def tags_from(names: list[str], reading: Reading) -> tuple[str, ...]:
    """Distinct tags for `names`, at most as many as a record keeps (the cut is counted)."""
    tags: list[str] = []
    for name in names:
        tag = activity_tag(name)
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_PER_RECORD:
        reading.tags_cut += 1
    return tuple(tags[:TAGS_PER_RECORD])


def note_from(*parts: str) -> str | None:
    """The parts joined by a line break, cleaned; None when longer than a note may be."""
    try:
        return clean_text("\n".join(part.strip() for part in parts if part.strip())).strip()
    except ValidationError:
        return None


def at_time(day: date, clock_time: time, zone: tzinfo | None, now: datetime) -> datetime:
    """`day` at `clock_time` in `zone` (the system's local time when None); Skip if unusable."""
    naive = datetime.combine(day, clock_time)
    # astimezone() on a naive time applies the system's own rules for that date (DST).
    moment = naive.replace(tzinfo=zone) if zone is not None else naive.astimezone()
    try:
        check_time(moment)
    except ValidationError:
        raise Skip(BAD_DATE) from None
    if moment > now:
        raise Skip(FUTURE)
    return moment


def clock_time(text: str) -> time:
    """ "14:58", "6:50 pm", "11:54 PM", "9:05:30 a.m." as a time of day; Skip if not one."""
    words = text.strip().casefold().replace(".", "").split()
    if not words:
        raise Skip(BAD_TIME)
    half = words[1] if len(words) == 2 and words[1] in ("am", "pm") else None
    if len(words) > (2 if half else 1):
        raise Skip(BAD_TIME)
    digits = words[0].split(":")
    if not 2 <= len(digits) <= 3 or not all(d.isascii() and d.isdigit() for d in digits):
        raise Skip(BAD_TIME)
    hour, minute, second = (int(d) for d in (*digits, "0")[:3])
    if half:
        if not 1 <= hour <= 12:
            raise Skip(BAD_TIME)
        hour = hour % 12 + (12 if half == "pm" else 0)
    try:
        return time(hour, minute, second)
    except ValueError:
        raise Skip(BAD_TIME) from None
