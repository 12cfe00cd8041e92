"""WHEN on the command line: ISO dates and times, "yesterday 21:00", "3 days ago", "last monday".

python-dateutil parses the dates and times and does the calendar arithmetic; this module
only reads the few words it lacks (now, today, yesterday, N units ago, last WEEKDAY). It is
imported only when a command is given a WHEN, so `nocontact log` without one stays quick.

Day words move "now" by whole days and keep its time of day ("yesterday" is this time
yesterday); a time after them sets the clock ("yesterday 21:00"). A calendar date without
a time means the start of that day.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from dateutil import parser as date_parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from tui import clock
from tui.commandline.errors import UsageError

EXAMPLES = '"2026-11-20 21:00", "yesterday 21:00", "3 days ago" or "last monday"'
DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = (MO, TU, WE, TH, FR, SA, SU)
EARLIEST = date(1970, 1, 1)
"""Older than any record a person could mean; refusing it keeps typos out of history."""
UNITS = ("second", "minute", "hour", "day", "week", "month", "year")
AGO = re.compile(r"^(\d{1,5}|an?|one)\s+(" + "|".join(UNITS) + r")s?\s+ago$")
DAY_WORD = re.compile(r"^(now|today|yesterday|tomorrow|(?:last\s+)?(" + "|".join(DAY_NAMES) + "))")


def _unreadable(text: str) -> UsageError:
    shown = text if len(text) <= 60 else f"{text[:57]}..."
    return UsageError(f"{shown!r} is not a date or time I can read; try {EXAMPLES}.")


def _shift_by_day_word(word: str, now: datetime) -> datetime:
    """`now` moved to the day a word names, keeping the time of day."""
    if word in ("now", "today"):
        return now
    if word == "yesterday":
        return now - relativedelta(days=1)
    if word == "tomorrow":
        return now + relativedelta(days=1)
    last, _, name = word.rpartition(" ")
    target = WEEKDAYS[DAY_NAMES.index(name)]
    # "monday" is the latest Monday up to today; "last monday" the one before today.
    base = now - relativedelta(days=1) if last else now
    return base + relativedelta(weekday=target(-1))


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
    return moment.replace(tzinfo=day.tzinfo)


def parse_when(text: str, now: datetime | None = None) -> datetime:
    """The moment `text` names, with its UTC offset, relative to tui.clock.now()."""
    now = now or clock.now()
    spaced = " ".join(text.replace("\u00a0", " ").split())
    if spaced[:3].lower() == "at ":
        spaced = spaced[3:]
    words = spaced.lower()
    if not words:
        raise UsageError(f"A date or time is needed; try {EXAMPLES}.")
    ago = AGO.match(words)
    if ago:
        count = 1 if ago.group(1) in ("a", "an", "one") else int(ago.group(1))
        try:
            return now - relativedelta(**{f"{ago.group(2)}s": count})
        except (ValueError, OverflowError) as error:
            raise _unreadable(text) from error
    day_word = DAY_WORD.match(words)
    if day_word:
        try:
            day = _shift_by_day_word(day_word.group(1), now)
        except (ValueError, OverflowError) as error:
            raise _unreadable(text) from error
        rest = words[day_word.end() :].strip().removeprefix("at ").strip()
        if not rest:
            return day
        if day_word.group(1) == "now" or not rest[0].isdigit():
            raise _unreadable(text)
        return _with_time(day, rest, text)
    moment = _dateutil_parse(spaced, now.replace(hour=0, minute=0, second=0, tzinfo=None), text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=now.tzinfo)
    try:
        return moment.astimezone(now.tzinfo)
    except (ValueError, OverflowError) as error:
        raise _unreadable(text) from error


def _refuse_outside(what: str, shown: str, too_early: bool, too_late: bool) -> None:
    """One clear line when a moment lies before EARLIEST or after now."""
    if too_early:
        raise UsageError(f"{what} cannot be before {EARLIEST.year} ({shown}).")
    if too_late:
        raise UsageError(f"{what} cannot be in the future ({shown}).")


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
