"""WHEN in words: ISO dates and times, "yesterday 21:00", "3 days ago", "next saturday".

python-dateutil parses the dates and times and does the calendar arithmetic; this module
only reads the few words it lacks (now, today, yesterday, tomorrow, N units ago, in N
units, last/next WEEKDAY). It is imported only when a WHEN is given, so `nocontact log`
without one stays quick. The command line and the app's date fields read the same words.

Day words move the wall clock by whole days and keep its time of day ("yesterday" is this
time yesterday); a time after them sets the clock ("yesterday 21:00"). A calendar date
without a time means the start of that day. Every moment gets the UTC offset its own day
has in the local zone, so a time across a change to or from daylight saving is right.
A bare weekday ("monday") means the latest one up to today for a moment that happened,
and the coming one for a day being planned (`parse_day`).
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from tui import clock
from tui.when_error import WhenError

__all__ = ["WhenError", "parse_day", "parse_past", "parse_past_day", "parse_when"]

EXAMPLES = '"2026-11-20 21:00", "yesterday 21:00", "3 days ago" or "last monday"'
DAY_EXAMPLES = '"2026-12-24", "saturday", "next saturday" or "in 3 days"'
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
EARLIEST = date(1970, 1, 1)
"""Older than any record a person could mean; refusing it keeps typos out of history."""
FUTURE_NEEDED = "A day in the future is needed."
UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
WALL_CLOCK_UNITS = ("day", "week", "month", "year")
"""Units counted on the calendar (keeping the time of day), not as elapsed time."""
_COUNT = r"(\d{1,5}|an?|one)"
AGO = re.compile(rf"^{_COUNT}\s+(" + "|".join(UNITS) + r")s?\s+ago\b")
AHEAD = re.compile(rf"^in\s+{_COUNT}\s+(" + "|".join(UNITS) + r")s?\b")
DAY_WORD = re.compile(
    r"^(now|today|yesterday|tomorrow|(?:(?:last|next|this)\s+)?(" + "|".join(DAY_NAMES) + "))"
)


def _unreadable(text: str, examples: str = EXAMPLES) -> WhenError:
    shown = text if len(text) <= 60 else f"{text[:57]}..."
    return WhenError(f"{shown!r} is not a date or time I can read; try {examples}.")


def _count(word: str) -> int:
    return 1 if word in ("a", "an", "one") else int(word)


def _moved(now: datetime, unit: str, count: int) -> datetime:
    """`now` moved by `count` units: calendar units on the wall clock, the rest as elapsed."""
    if unit in WALL_CLOCK_UNITS:
        wall = now.replace(tzinfo=None) + relativedelta(**{f"{unit}s": count})
        return clock.local(wall)
    return (now + timedelta(**{f"{unit}s": count})).astimezone()


def _weekday(word: str, now: datetime, coming: bool) -> datetime:
    """The day a weekday word names, at `now`'s time of day (wall clock)."""
    qualifier, _, name = word.rpartition(" ")
    target = WEEKDAYS[DAY_NAMES.index(name)]
    wall = now.replace(tzinfo=None)
    if qualifier == "last":  # the one before today
        day = wall - relativedelta(days=1) + relativedelta(weekday=target(-1))
    elif qualifier == "next":  # the one after today
        day = wall + relativedelta(days=1) + relativedelta(weekday=target(+1))
    elif qualifier == "this" or coming:  # today or the coming one
        day = wall + relativedelta(weekday=target(+1))
    else:  # today or the latest one before it
        day = wall + relativedelta(weekday=target(-1))
    return clock.local(day)


def _shift_by_day_word(word: str, now: datetime, coming: bool) -> datetime:
    """`now` moved to the day a word names, keeping the time of day."""
    if word in ("now", "today"):
        return now
    if word == "yesterday":
        return _moved(now, "day", -1)
    if word == "tomorrow":
        return _moved(now, "day", 1)
    return _weekday(word, now, coming)


def _dateutil_parse(text: str, default: datetime, original: str) -> datetime:
    """dateutil's reading of `text`, filling what it lacks from `default`."""
    # An unknown zone name ("21:00 XYZ") is a warning in dateutil; here it is unreadable.
    with warnings.catch_warnings():
        warnings.simplefilter("error", date_parser.UnknownTimezoneWarning)
        try:
            return date_parser.parse(text, default=default)
        except (ValueError, OverflowError, date_parser.UnknownTimezoneWarning) as error:
            raise _unreadable(original) from error


def _with_time(day: datetime, text: str, original: str) -> datetime:
    """`day` at the time of day `text` gives ("21:00", "9pm"), which must name no date."""
    midnight = day.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    moment = _dateutil_parse(text, midnight, original)
    if moment.date() != midnight.date() or moment.tzinfo is not None:
        raise _unreadable(original)
    return clock.local(moment)


def _parse(text: str, now: datetime, coming: bool) -> datetime:
    spaced = " ".join(text.replace("\u00a0", " ").split())
    if spaced[:3].lower() == "at ":
        spaced = spaced[3:]
    words = spaced.lower()
    if not words:
        raise WhenError(f"A date or time is needed; try {EXAMPLES}.")
    for pattern, sign in ((AGO, -1), (AHEAD, 1)):
        found = pattern.match(words)
        if found:
            try:
                moved = _moved(now, found.group(2), sign * _count(found.group(1)))
            except (ValueError, OverflowError) as error:
                raise _unreadable(text) from error
            rest = words[found.end() :].strip().removeprefix("at ").strip()
            if not rest:
                return moved
            # "2 days ago 21:00": a time of day after a count of whole days.
            if found.group(2) not in WALL_CLOCK_UNITS or not rest[0].isdigit():
                raise _unreadable(text)
            return _with_time(moved, rest, text)
    day_word = DAY_WORD.match(words)
    if day_word:
        try:
            day = _shift_by_day_word(day_word.group(1), now, coming)
        except (ValueError, OverflowError) as error:
            raise _unreadable(text) from error
        rest = words[day_word.end() :].strip().removeprefix("at ").strip()
        if not rest:
            return day
        if day_word.group(1) == "now" or not rest[0].isdigit():
            raise _unreadable(text)
        return _with_time(day, rest, text)
    moment = _dateutil_parse(spaced, now.replace(hour=0, minute=0, second=0, tzinfo=None), text)
    try:
        return clock.local(moment) if moment.tzinfo is None else moment.astimezone()
    except (ValueError, OverflowError) as error:
        raise _unreadable(text) from error


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """The moment `text` names, with its own UTC offset, relative to tui.clock.now()."""
    return _parse(text, now or clock.now(), coming=False)


def _refuse_outside(what: str, shown: str, too_early: bool, too_late: bool) -> None:
    """One clear line when a moment lies before EARLIEST or after now."""
    if too_early:
        raise WhenError(f"{what} cannot be before {EARLIEST.year} ({shown}).")
    if too_late:
        raise WhenError(f"{what} cannot be in the future ({shown}).")


def parse_past(text: str, what: str, now: datetime | None = None) -> datetime:
    """A moment that is not in the future; `what` names it in the refusal ("A mood")."""
    now = now or clock.now()
    moment = parse_when(text, now)
    shown = f"{moment:%Y-%m-%d %H:%M}"
    _refuse_outside(what, shown, moment.date() < EARLIEST, moment > now)
    return moment


def parse_past_day(text: str, what: str) -> date:
    """A day that is not after today, from any WHEN."""
    now = clock.now()
    day = parse_when(text, now).date()
    _refuse_outside(what, f"{day:%Y-%m-%d}", day < EARLIEST, day > now.date())
    return day


def parse_day(text: str, *, future_only: bool = False) -> date | None:
    """The day a date field names, or None when it is empty.

    Takes every WHEN the shell takes and the words for days ahead ("tomorrow", "next
    saturday", "in 3 days"); a bare weekday is the coming one. With `future_only`, a day
    that is not after today is refused with FUTURE_NEEDED.
    """
    if not text.strip():
        return None
    now = clock.now()
    try:
        day = _parse(text, now, coming=True).date()
    except WhenError:
        shown = text.strip() if len(text.strip()) <= 60 else f"{text.strip()[:57]}..."
        raise WhenError(f"{shown!r} is not a day on the calendar; try {DAY_EXAMPLES}.") from None
    if future_only and day == now.date() and text.strip().lower() in DAY_NAMES:
        day += timedelta(days=7)  # "monday", said on a Monday, for a day ahead: next week's
    if future_only and day <= now.date():
        raise WhenError(FUTURE_NEEDED)
    if day < EARLIEST:
        raise WhenError(f"A day before {EARLIEST.year} cannot be used.")
    return day
