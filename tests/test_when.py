"""WHEN parsing, relative to the pinned clock (Monday 2026-11-23 20:15 UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.commandline.errors import UsageError
from tui.when import parse_past, parse_past_day, parse_when


def at(text: str) -> str:
    return parse_when(text).strftime("%Y-%m-%d %H:%M %z")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", "2026-11-23 20:15 +0000"),
        ("today", "2026-11-23 20:15 +0000"),
        ("yesterday", "2026-11-22 20:15 +0000"),
        ("yesterday 21:00", "2026-11-22 21:00 +0000"),
        ("Yesterday at 9pm", "2026-11-22 21:00 +0000"),
        ("today 08:30", "2026-11-23 08:30 +0000"),
        ("3 days ago", "2026-11-20 20:15 +0000"),
        ("an hour ago", "2026-11-23 19:15 +0000"),
        ("2 weeks ago", "2026-11-09 20:15 +0000"),
        ("1 month ago", "2026-10-23 20:15 +0000"),
        ("last monday", "2026-11-16 20:15 +0000"),
        ("monday", "2026-11-23 20:15 +0000"),
        ("last friday 18:00", "2026-11-20 18:00 +0000"),
        ("2026-11-20", "2026-11-20 00:00 +0000"),
        ("2026-11-20 21:00", "2026-11-20 21:00 +0000"),
        ("2026-11-20T21:00:00+01:00", "2026-11-20 20:00 +0000"),
        ("2026-11-20 21:00 UTC", "2026-11-20 21:00 +0000"),
        ("  at  2026-11-20\u00a021:00 ", "2026-11-20 21:00 +0000"),
    ],
)
def test_readable_moments(text: str, expected: str) -> None:
    assert at(text) == expected


@pytest.mark.parametrize(
    "text", ["blah", "yesterday 3", "today 25:00", "21:00 XYZ", "now 21:00", "99999 years ago"]
)
def test_unreadable_text_is_named_in_one_line(text: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_when(text)
    message = str(caught.value)
    assert repr(text) in message
    assert "\n" not in message


def test_empty_text_asks_for_a_date() -> None:
    with pytest.raises(UsageError, match="A date or time is needed"):
        parse_when("   ")


def test_future_moments_are_refused() -> None:
    with pytest.raises(UsageError, match=r"A slip cannot be in the future \(2026-11-24"):
        parse_past("tomorrow", "A slip")
    with pytest.raises(UsageError, match="in the future"):
        parse_past("today 21:00", "A mood")
    assert parse_past("today 20:15", "A mood") == datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def test_days_in_the_future_or_long_ago_are_refused() -> None:
    assert parse_past_day("today", "The start") == date(2026, 11, 23)
    assert parse_past_day("40 days ago", "The start") == date(2026, 10, 14)
    with pytest.raises(UsageError, match="The start cannot be in the future"):
        parse_past_day("2026-11-24", "The start")
    with pytest.raises(UsageError, match="cannot be before 1970"):
        parse_past_day("1901-01-01", "The start")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_or_raises_a_usage_error(text: str) -> None:
    try:
        moment = parse_when(text)
    except UsageError as error:
        assert "\n" not in str(error)
    else:
        assert moment.tzinfo is not None
