"""The mood chart's time axis and title span: right for a day, a week, a year and ten years."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tui.analysis import (
    BUCKETS,
    Bucket,
    days_logged,
    mood_series,
    series_since,
    span_words,
    time_axis,
    totals_of,
)
from tui.store.records import MoodLog

TODAY = date(2026, 11, 23)
TICKS = 6
"""About what fits a 100-column chart."""


def logs_on(days: list[date]) -> list[MoodLog]:
    return [MoodLog(at=datetime(d.year, d.month, d.day, 12, tzinfo=UTC), mood=5) for d in days]


def axis_for(days: int, bucket: Bucket = "day") -> tuple[list[str], float, float, str]:
    """The labels, limits and title span the chart would use for `days` days up to today."""
    logged = [TODAY - timedelta(days=back) for back in range(days)]
    totals = totals_of(logs_on(logged))
    span = days_logged(totals, series_since(bucket, TODAY))
    assert span is not None
    points = mood_series(totals, bucket, series_since(bucket, TODAY))
    axis = time_axis(points[0].start, points[-1].start, bucket, TICKS)
    for point in points:  # every point lands inside the frame
        assert axis.low < point.start.toordinal() < axis.high
    assert len(set(axis.labels)) == len(axis.labels), axis.labels
    return list(axis.labels), axis.low, axis.high, span_words(*span)


def test_no_days_means_no_span() -> None:
    """With nothing logged there is no axis to draw, and the chart says so instead."""
    assert days_logged(totals_of([])) is None
    assert mood_series(totals_of([]), "day") == []


def test_one_day() -> None:
    """One day is one tick named in full, a day wide, never 1963 to 2090."""
    labels, low, high, span = axis_for(1)
    assert labels == ["23 Nov 2026"]
    assert high - low == 1
    assert span == "23 Nov 2026"


def test_two_days() -> None:
    """Two days, two different labels, and the title says which two."""
    labels, low, high, span = axis_for(2)
    assert labels == ["22 Nov", "23 Nov"]
    assert high - low == 2
    assert span == "22 to 23 Nov 2026"


def test_seven_days() -> None:
    """A week fits in a few ticks, each a different day."""
    labels, _, _, span = axis_for(7)
    assert labels == ["17 Nov", "19 Nov", "21 Nov", "23 Nov"]
    assert span == "17 to 23 Nov 2026"


def test_a_year_by_week() -> None:
    """A year of weeks is marked by the quarter, each label with its year."""
    labels, _, _, span = axis_for(365, "week")
    assert labels == ["Jan 2026", "Apr 2026", "Jul 2026", "Oct 2026"]
    assert span == "24 Nov 2025 to 23 Nov 2026"


def test_ten_years_by_month() -> None:
    """Ten years of months are marked every other year, and the span is the whole decade."""
    labels, low, high, span = axis_for(3653, "month")
    assert labels == ["2018", "2020", "2022", "2024", "2026"]
    assert low < date(2016, 11, 1).toordinal() and high > date(2026, 11, 1).toordinal()
    assert span == "23 Nov 2016 to 23 Nov 2026"


def test_days_look_back_three_months_even_with_ten_years_behind() -> None:
    """By day, ten years show their last three months, and the title says so."""
    _, _, _, span = axis_for(3653, "day")
    assert span == "25 Aug to 23 Nov 2026"


@given(
    first=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    length=st.integers(0, 4000),
    bucket=st.sampled_from(BUCKETS),
    most=st.integers(1, 12),
)
def test_any_span_has_few_unique_ticks_inside_it(
    first: date, length: int, bucket: Bucket, most: int
) -> None:
    """Whatever the span and room: at least one tick, no more than asked, each labelled
    differently, all inside the axis."""
    axis = time_axis(first, first + timedelta(days=length), bucket, most)
    assert 1 <= len(axis.ticks) <= most
    assert len(set(axis.labels)) == len(axis.labels)
    assert all(axis.low <= tick <= axis.high for tick in axis.ticks)
    assert list(axis.ticks) == sorted(axis.ticks)
