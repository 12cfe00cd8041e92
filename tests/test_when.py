"""WHEN parsing, relative to the pinned clock (Monday 2026-11-23 20:15 UTC)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.when import WhenError, parse_day, parse_past, parse_past_day, parse_when


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
    with pytest.raises(WhenError) as caught:
        parse_when(text)
    message = str(caught.value)
    assert repr(text) in message
    assert "\n" not in message


def test_empty_text_asks_for_a_date() -> None:
    with pytest.raises(WhenError, match="A date or time is needed"):
        parse_when("   ")


def test_future_moments_are_refused() -> None:
    with pytest.raises(WhenError, match=r"A slip cannot be in the future \(2026-11-24"):
        parse_past("tomorrow", "A slip")
    with pytest.raises(WhenError, match="in the future"):
        parse_past("today 21:00", "A mood")
    assert parse_past("today 20:15", "A mood") == datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def test_days_in_the_future_or_long_ago_are_refused() -> None:
    assert parse_past_day("today", "The start") == date(2026, 11, 23)
    assert parse_past_day("40 days ago", "The start") == date(2026, 10, 14)
    with pytest.raises(WhenError, match="The start cannot be in the future"):
        parse_past_day("2026-11-24", "The start")
    with pytest.raises(WhenError, match="cannot be before 1970"):
        parse_past_day("1901-01-01", "The start")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_text_parses_or_raises_a_usage_error(text: str) -> None:
    try:
        moment = parse_when(text)
    except WhenError as error:
        assert "\n" not in str(error)
    else:
        assert moment.tzinfo is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2026, 11, 24)),
        ("next saturday", date(2026, 11, 28)),
        ("saturday", date(2026, 11, 28)),
        ("this friday", date(2026, 11, 27)),
        ("monday", date(2026, 11, 30)),  # said on a Monday, for a day ahead: next week's
        ("in 3 days", date(2026, 11, 26)),
        ("in a week", date(2026, 11, 30)),
        ("in 2 months", date(2027, 1, 23)),
        ("24 dec", date(2026, 12, 24)),
        ("2026-12-05", date(2026, 12, 5)),
    ],
)
def test_days_ahead_are_read_in_date_fields(text: str, expected: date) -> None:
    assert parse_day(text, future_only=True) == expected


@pytest.mark.parametrize("text", ["yesterday", "today", "3 days ago", "last monday", "2026-11-01"])
def test_a_day_that_has_come_is_refused_for_a_day_ahead(text: str) -> None:
    """The reason given is the true one: never "not a day on the calendar"."""
    with pytest.raises(WhenError) as caught:
        parse_day(text, future_only=True)
    assert str(caught.value) == "A day in the future is needed."


def test_a_date_field_takes_what_the_shell_takes() -> None:
    assert parse_day("yesterday") == date(2026, 11, 22)
    assert parse_day("last friday 18:00") == date(2026, 11, 20)
    assert parse_day("   ") is None
    with pytest.raises(WhenError, match="is not a day on the calendar"):
        parse_day("2026-02-30")


def test_words_for_later_are_read_and_refused_as_future_by_the_shell() -> None:
    assert at("in 2 hours") == "2026-11-23 22:15 +0000"
    assert at("next saturday 10:00") == "2026-11-28 10:00 +0000"
    with pytest.raises(WhenError, match="cannot be in the future"):
        parse_past("in 3 days", "A mood")


def test_a_count_of_days_ago_can_take_a_time() -> None:
    assert at("2 days ago 21:00") == "2026-11-21 21:00 +0000"
    with pytest.raises(WhenError):
        parse_when("2 hours ago 21:00")


def test_the_date_parser_error_is_its_own_and_no_usage_error() -> None:
    """The command line and the date fields catch WhenError; it knows nothing of either."""
    from tui.commandline.errors import UsageError

    assert not issubclass(WhenError, UsageError)
    assert issubclass(WhenError, ValueError)
