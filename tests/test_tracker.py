"""The no-contact tracker's arithmetic with fixed days: runs, totals, milestones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.store.records import LogisticsContact, Slip
from tui.store.tracker import MILESTONES, build_tracker, span_in_words

TODAY = date(2026, 11, 23)


def days_ago(days: int, hour: int = 12) -> datetime:
    moment = datetime.combine(TODAY - timedelta(days=days), datetime.min.time(), UTC)
    return moment.replace(hour=hour)


def test_start_forty_days_ago_is_day_forty() -> None:
    tracker = build_tracker(TODAY - timedelta(days=40), [], [], TODAY)
    assert tracker.current_days == 40
    assert tracker.longest_days == 40
    assert tracker.total_days == 40
    assert tracker.slips == 0


def test_a_slip_restarts_the_count_and_keeps_the_longest_run_and_total() -> None:
    slip = Slip(at=days_ago(10), they_reached_out=True)
    tracker = build_tracker(TODAY - timedelta(days=40), [slip], [], TODAY)
    assert tracker.current_days == 10
    assert tracker.longest_days == 30
    assert tracker.total_days == 40
    assert tracker.slips == 1


def test_logistics_contact_leaves_the_run_unbroken() -> None:
    contacts = [LogisticsContact(at=days_ago(5), note="school pickup")]
    tracker = build_tracker(TODAY - timedelta(days=40), [], contacts, TODAY)
    assert tracker.current_days == 40
    assert tracker.logistics == 1
    assert tracker.slips == 0


def test_slip_today_makes_day_zero_in_words() -> None:
    tracker = build_tracker(TODAY - timedelta(days=3), [Slip(at=days_ago(0))], [], TODAY)
    assert tracker.current_days == 0
    assert tracker.current_in_words == "0 days"
    assert tracker.longest_days == 3


def test_slips_before_the_start_are_not_counted() -> None:
    tracker = build_tracker(TODAY - timedelta(days=5), [Slip(at=days_ago(20))], [], TODAY)
    assert tracker.current_days == 5
    assert tracker.slips == 0


def test_no_start_means_nothing_counted() -> None:
    tracker = build_tracker(None, [Slip(at=days_ago(2))], [], TODAY)
    assert tracker.started is None
    assert tracker.current_days == 0
    assert tracker.longest_days == 0
    assert tracker.milestones_reached == ()


def test_in_words_uses_calendar_months() -> None:
    assert span_in_words(date(2026, 9, 20), TODAY) == "2 months, 3 days"
    assert span_in_words(date(2025, 11, 22), TODAY) == "1 year, 1 day"
    assert span_in_words(TODAY - timedelta(days=1), TODAY) == "1 day"


def test_milestones_fire_once() -> None:
    started = TODAY - timedelta(days=8)
    tracker = build_tracker(started, [], [], TODAY)
    assert tracker.new_milestones([]) == (1, 3, 7)
    marked = tracker.marked_with_new([])
    assert tracker.new_milestones(marked) == ()
    tomorrow = build_tracker(started, [], [], TODAY + timedelta(days=6))
    assert tomorrow.new_milestones(marked) == (14,)


def test_after_a_slip_the_new_run_earns_its_own_milestones() -> None:
    started = TODAY - timedelta(days=40)
    before = build_tracker(started, [], [], TODAY - timedelta(days=2))
    marked = before.marked_with_new([])
    after = build_tracker(started, [Slip(at=days_ago(1))], [], TODAY)
    assert after.new_milestones(marked) == (1,)


@settings(max_examples=60, deadline=None)
@given(
    start_ago=st.integers(min_value=0, max_value=800),
    slip_days=st.lists(st.integers(min_value=0, max_value=900), max_size=8),
)
def test_runs_always_add_up(start_ago: int, slip_days: list[int]) -> None:
    slips = [Slip(at=days_ago(days)) for days in slip_days]
    tracker = build_tracker(TODAY - timedelta(days=start_ago), slips, [], TODAY)
    assert tracker.total_days == start_ago
    assert 0 <= tracker.current_days <= tracker.longest_days <= start_ago
    assert set(tracker.milestones_reached) <= set(MILESTONES)
