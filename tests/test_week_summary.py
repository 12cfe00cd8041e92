"""The week looked back on: the pure summary with a pinned clock, its words, `nocontact week`."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.content.week_text import load_week_text
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store
from tui.week_summary import (
    last_ended_week,
    read_weeks,
    summarize_week,
    week_heading,
    week_lines,
    week_start,
)

TODAY = date(2026, 11, 23)
"""A Monday: the week of 16-22 November has just ended."""
WEEK = date(2026, 11, 16)
TITLES = {1: "Who you are", 2: "Emotional clarity", 3: "Urge surfing"}


def at(day: date, hour: int = 21) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def moods(first: date, values: list[int], notes: dict[int, str] | None = None) -> list[MoodLog]:
    return [
        MoodLog(at=at(first + timedelta(days=index)), mood=value, note=(notes or {}).get(index, ""))
        for index, value in enumerate(values)
    ]


def lines(**changes: object) -> list[str]:
    summary = summarize_week(WEEK, **{**BASE, **changes})  # type: ignore[arg-type]
    return week_lines(summary, load_week_text(), TITLES, TODAY)


BASE: dict[str, object] = {
    "moods": moods(WEEK - timedelta(days=7), [3, 4, 3, 5, 4, 3, 4])
    + moods(WEEK, [5, 6, 5, 7, 6, 6, 7], {3: "A good walk with Sam.\nThen tea."}),
    "sessions": [
        Session(stage=1, started_at=at(WEEK), saved_at=at(WEEK), mood_before=4, mood_after=5),
        Session(
            stage=3,
            started_at=at(WEEK + timedelta(days=2)),
            saved_at=at(WEEK + timedelta(days=2)),
            mood_before=3,
            mood_after=5,
            answers={"would_say": "Please come back.", "instead": "Called my sister."},
        ),
        Session(
            stage=1,
            started_at=at(WEEK),
            saved_at=at(WEEK + timedelta(days=4)),
            mood_before=None,
            mood_after=None,
        ),
    ],
    "urges": [
        Urge(at=at(WEEK + timedelta(days=1)), strength=7),
        Urge(at=at(WEEK + timedelta(days=2)), strength=5),
        Urge(at=at(WEEK + timedelta(days=5)), strength=8, acted=True),
        Urge(at=at(WEEK + timedelta(days=9)), strength=8),  # the week after: not counted
    ],
    "slips": [],
    "started": date(2026, 11, 1),
    "today": TODAY,
    "quiet": False,
    "first_week": False,
    "quote_fields": load_week_text().quote_fields,
}


class TestWeeks:
    def test_weeks_start_on_monday(self) -> None:
        assert week_start(date(2026, 11, 22)) == date(2026, 11, 16)  # a Sunday
        assert week_start(TODAY) == TODAY
        assert last_ended_week(TODAY) == WEEK
        assert last_ended_week(date(2026, 11, 22)) == date(2026, 11, 9)

    def test_a_week_with_no_contact(self) -> None:
        assert lines() == [
            "7 of 7 days without contact.",
            "Urges: 2 ridden out, 1 acted on.",
            "Mood: 6 on average (5 to 7); the week before, 3.7 (3 to 5).",
            "Exercises: Who you are (2), Urge surfing (1).",
            "Next milestone: day 30, on Tue 1 Dec.",
            'You wrote on Wednesday: "Called my sister."',
        ]

    def test_a_week_with_a_contact(self) -> None:
        slip = Slip(at=at(WEEK + timedelta(days=3), 12), they_reached_out=True)
        found = lines(slips=[slip])
        assert found[:2] == [
            "6 of 7 days without contact.",
            "Contact on Thursday. The count began again; every day before it still counts.",
        ]
        # The run began again on Thursday 19 November: day 7 falls on the 26th.
        assert "Next milestone: day 7, on Thu 26 Nov." in found

    def test_a_first_week_started_midweek(self) -> None:
        found = lines(
            started=date(2026, 11, 18),
            first_week=True,
            moods=moods(WEEK + timedelta(days=2), [2, 3, 2, 4, 3]),
        )
        assert found[0] == "5 of 5 days without contact, from your first day (Wednesday)."
        assert found[2] == (
            "Mood: 2.8 on average (2 to 4). Your first week here, so nothing to compare with yet."
        )

    def test_quiet_mode_has_no_day_counts(self) -> None:
        slip = Slip(at=at(WEEK + timedelta(days=3), 12))
        found = lines(quiet=True, slips=[slip])
        assert not any(re.search(r"\bdays?\b", line) for line in found), found
        assert not any("Contact on" in line or "milestone" in line for line in found)
        assert found[0] == "Urges: 2 ridden out, 1 acted on."

    def test_a_week_with_nothing_in_it(self) -> None:
        found = lines(moods=[], sessions=[], urges=[], started=None)
        assert found == ["A quiet week: nothing was written down, and that is all right too."]

    def test_one_mood_and_the_best_days_note(self) -> None:
        found = lines(
            sessions=[],
            moods=moods(WEEK, [4], {0: "Rough."})
            + moods(WEEK + timedelta(days=3), [6], {0: "Better"}),
        )
        assert "Mood: 5 on average (4 to 6); the week before, 3.7 (3 to 5)." not in found
        assert 'You wrote on Thursday: "Better"' in found
        single = lines(sessions=[], moods=moods(WEEK, [4]))
        assert "Mood: 4 on average (4, logged once)." in single

    def test_what_would_be_said_to_them_is_never_given_back(self) -> None:
        only = Session(
            stage=3,
            started_at=at(WEEK),
            saved_at=at(WEEK),
            mood_before=None,
            mood_after=None,
            answers={"would_say": "Please come back."},
        )
        found = lines(sessions=[only], moods=[])
        assert not any("Please come back" in line for line in found)

    def test_an_older_week_does_not_look_ahead(self) -> None:
        summary = summarize_week(WEEK - timedelta(days=7), **BASE)  # type: ignore[arg-type]
        assert summary.next_milestone is None
        assert week_heading(summary, load_week_text(), TODAY) == "Mon 9 Nov to Sun 15 Nov"


class TestTheCommand:
    @pytest.fixture
    def journal(self, data_dir: Path) -> Store:
        store = Store.open(data_dir)
        store.set_no_contact_start(date(2026, 11, 4))
        store.add_many(moods(date(2026, 11, 4), [3] * 5 + [4] * 7 + [6] * 7))
        store.add_slip(Slip(at=at(date(2026, 11, 19), 12)))
        return store

    def test_the_last_week(self, journal: Store, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["week"]) == 0
        out = capsys.readouterr().out
        assert out.splitlines()[:3] == [
            "Mon 16 Nov to Sun 22 Nov",
            "  6 of 7 days without contact.",
            "  Contact on Thursday. The count began again; every day before it still counts.",
        ]

    def test_the_last_n_weeks_newest_first_none_before_the_journal(
        self, journal: Store, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["week", "--last", "6"]) == 0
        out = capsys.readouterr().out
        headings = [line for line in out.splitlines() if line and not line.startswith(" ")]
        assert headings == [
            "Mon 16 Nov to Sun 22 Nov",
            "Mon 9 Nov to Sun 15 Nov",
            "Mon 2 Nov to Sun 8 Nov",
        ]
        assert "  5 of 5 days without contact, from your first day (Wednesday)." in out

    def test_quiet_mode(self, journal: Store, capsys: pytest.CaptureFixture[str]) -> None:
        main(["config", "quiet", "on"])
        capsys.readouterr()
        assert main(["week"]) == 0
        out = capsys.readouterr().out
        assert "days without contact" not in out and "milestone" not in out
        assert "Contact on" not in out

    def test_nothing_yet(self, capsys: pytest.CaptureFixture[str]) -> None:
        Store.open().add(MoodLog(at=at(TODAY, 9), mood=5))
        assert main(["week"]) == 0
        assert capsys.readouterr().out.startswith("Nothing to look back on yet.")

    @pytest.mark.parametrize("count", ["0", "-1", "two", "521", "1.5"])
    def test_a_bad_count(self, count: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["week", "--last", count]) == 2
        err = capsys.readouterr().err
        assert err == "nocontact: --last takes a number of weeks from 1 to 520.\n"


def test_read_weeks_compares_with_the_week_before(data_dir: Path) -> None:
    """Ten weeks of moods across three months: the last week ended, and the one before it."""
    store = Store.open(data_dir)
    store.add_many(moods(date(2026, 9, 14), [5] * 63 + [7] * 7))
    [summary] = read_weeks(store, 1, at(TODAY, 20), quiet=False)
    assert summary.first_day == WEEK
    assert summary.mood is not None and (summary.mood.average, summary.mood.count) == (7, 7)
    assert summary.mood_before is not None and summary.mood_before.average == 5
    assert summary.first_week is False
