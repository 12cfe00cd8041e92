"""Days and times in words, worded one way everywhere: home, the tracker, the shell, exports.

A short day is "Sat 21 Nov", a long one "Saturday 21 November"; either gains its year when
it is not this year's (or always, when no `today` is given, as in a file read later).
Names come from our own tables, not strftime: `%a` and `%b` follow the C library's locale,
and `%-d` does not exist everywhere. Standard library only: the quick commands import it.
"""

from __future__ import annotations

from datetime import date, datetime

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SHORT = 3
"""Letters of a weekday's or a month's name in the short form ("Sat", "Nov")."""


def _with_year(words: str, day: date, today: date | None) -> str:
    return words if today is not None and day.year == today.year else f"{words} {day.year}"


def short_day(day: date, today: date | None = None) -> str:
    """The short form, "Sat 21 Nov"; with the year unless it is `today`'s ("Sat 21 Nov 2025")."""
    words = f"{WEEKDAYS[day.weekday()][:SHORT]} {day.day} {MONTHS[day.month - 1][:SHORT]}"
    return _with_year(words, day, today)


def long_day(day: date, today: date | None = None) -> str:
    """The long form, "Saturday 21 November"; with the year unless it is `today`'s."""
    words = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    return _with_year(words, day, today)


def clock_time(moment: datetime) -> str:
    """Hours and minutes on the 24-hour clock: "21:05"."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def short_month(day: date) -> str:
    """The month's short name, "Nov", for an axis or a compact column."""
    return MONTHS[day.month - 1][:SHORT]


def day_words(day: date, today: date) -> str:
    """A day as people say it: "today", "yesterday", "tomorrow", else its short form."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta == -1:
        return "tomorrow"
    return short_day(day, today)


def moment_words(moment: datetime, today: date) -> str:
    """A moment as people say it: "today at 20:15", "Sat 21 Nov at 09:10"."""
    return f"{day_words(moment.date(), today)} at {clock_time(moment)}"


def short_moment(moment: datetime, today: date | None = None) -> str:
    """A moment in short, "Sat 21 Nov 2026 at 21:05"; no year when it is `today`'s."""
    return f"{short_day(moment.date(), today)} at {clock_time(moment)}"


def long_moment(moment: datetime, today: date | None = None) -> str:
    """A moment in full, "Saturday 21 November 2026 at 21:05"; no year when it is `today`'s."""
    return f"{long_day(moment.date(), today)} at {clock_time(moment)}"
