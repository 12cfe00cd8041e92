"""The numbers behind the charts and the review filters, on small fixed data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tui.analysis import (
    bucket_start,
    daily_means,
    mean_by_hour,
    mean_by_weekday,
    mood_series,
    most_helpful,
    rolling_average,
    series_since,
    stage_effects,
    totals_of,
)
from tui.review_entries import (
    SHOW_CONTACT,
    SHOW_MOODS,
    SHOW_SESSIONS,
    EntryFilter,
    entry_for,
    flatten,
    readable_answers,
    stage_choice,
)
from tui.review_rows import AllRows, MonthPages
from tui.store.month_index import build_index
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Store

TODAY = date(2026, 11, 23)


def at(day: int, hour: int = 12, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def mood(day: int, value: int, hour: int = 12, month: int = 11, **extra: object) -> MoodLog:
    return MoodLog(at=at(day, hour, month), mood=value, **extra)  # type: ignore[arg-type]


def session(stage: int, before: int | None, after: int | None, day: int = 20) -> Session:
    return Session(
        stage=stage,
        started_at=at(day, 11),
        saved_at=at(day, 12),
        mood_before=before,
        mood_after=after,
    )


class TestBuckets:
    def test_bucket_start_for_day_week_and_month(self) -> None:
        """A Thursday belongs to itself, to the Monday of its week and to the 1st of its month."""
        thursday = date(2026, 11, 19)
        assert bucket_start(thursday, "day") == thursday
        assert bucket_start(thursday, "week") == date(2026, 11, 16)
        assert bucket_start(thursday, "month") == date(2026, 11, 1)

    def test_mood_series_averages_each_bucket_oldest_first(self) -> None:
        """Logs on the same day average together; days come out in order however they went in."""
        logs = [mood(20, 8), mood(18, 2), mood(18, 4), mood(19, 5)]
        series = mood_series(totals_of(logs), "day")
        assert [(point.start.day, point.mean, point.count) for point in series] == [
            (18, 3.0, 2),
            (19, 5.0, 1),
            (20, 8.0, 1),
        ]

    def test_weekly_and_monthly_series(self) -> None:
        """Weeks start on Monday (Sunday 8 Nov joins Monday 2 Nov); months on the 1st."""
        logs = [mood(30, 2, month=10), mood(2, 6), mood(8, 4), mood(9, 10)]
        weekly = mood_series(totals_of(logs), "week")
        assert [(point.start, point.mean) for point in weekly] == [
            (date(2026, 10, 26), 2.0),
            (date(2026, 11, 2), 5.0),
            (date(2026, 11, 9), 10.0),
        ]
        monthly = mood_series(totals_of(logs), "month")
        assert [(point.start, point.mean) for point in monthly] == [
            (date(2026, 10, 1), 2.0),
            (date(2026, 11, 1), pytest.approx(20 / 3)),
        ]

    def test_series_since_leaves_out_older_buckets(self) -> None:
        """Only buckets starting on or after `since` are kept."""
        logs = [mood(1, 3), mood(10, 5), mood(20, 7)]
        assert [
            point.start.day for point in mood_series(totals_of(logs), "day", date(2026, 11, 10))
        ] == [
            10,
            20,
        ]

    def test_span_of_each_bucket(self) -> None:
        """Days look back three months, weeks a year, months all the way."""
        assert series_since("day", TODAY) == TODAY - timedelta(days=90)
        assert series_since("week", TODAY) == TODAY - timedelta(days=364)
        assert series_since("month", TODAY) is None


class TestRollingAverage:
    def test_trailing_mean_over_the_window(self) -> None:
        """Early values average over what there is; later ones over the last `window`."""
        assert rolling_average([2, 4, 6, 8], 2) == [2, 3, 5, 7]
        assert rolling_average([1, 2, 3], 7) == [1, 1.5, 2]
        assert rolling_average([], 3) == []

    def test_window_must_be_positive(self) -> None:
        with pytest.raises(ValueError):
            rolling_average([1.0], 0)


class TestWhenMoodIsHigher:
    def test_daily_means(self) -> None:
        assert daily_means(totals_of([mood(3, 2), mood(3, 6), mood(4, 9)])) == {
            date(2026, 11, 3): 4.0,
            date(2026, 11, 4): 9.0,
        }

    def test_mean_by_weekday(self) -> None:
        """Monday 23 Nov and Monday 16 Nov average together; days without logs are None."""
        means = mean_by_weekday(totals_of([mood(23, 2), mood(16, 6), mood(21, 9)]))
        assert means == [4.0, None, None, None, None, 9.0, None]

    def test_mean_by_hour(self) -> None:
        logs = [mood(1, 3, hour=8), mood(2, 5, hour=8), mood(2, 10, hour=23)]
        means = mean_by_hour(totals_of(logs))
        assert means[8] == 4.0
        assert means[23] == 10.0
        assert means.count(None) == 22


class TestStageEffects:
    def test_average_before_and_after_per_stage(self) -> None:
        """Sessions missing a mood are left out of the averages but counted; stages in order."""
        effects = stage_effects(
            totals_of(
                [session(3, 2, 6), session(3, 4, 6), session(1, 5, 4), session(1, None, 8)]
                + [session(3, 7, None), session(3, None, None)]
            )
        )
        assert [(e.stage, e.sessions, e.mean_before, e.mean_after) for e in effects] == [
            (1, 1, 5.0, 4.0),
            (3, 2, 3.0, 6.0),
        ]
        assert [(e.no_before, e.no_after) for e in effects] == [(1, 0), (0, 2)]
        assert effects[1].change == 3.0
        assert most_helpful(effects) == effects[1]

    def test_nothing_helpful_when_no_stage_lifted_mood(self) -> None:
        """A stage that lowered mood is not called helpful."""
        assert most_helpful(stage_effects(totals_of([session(2, 6, 5)]))) is None
        assert most_helpful([]) is None

    def test_a_stage_with_no_closing_moods_is_never_helpful(self) -> None:
        """Sessions without a mood after do not make a stage look good or bad."""
        sessions = [session(2, 3, None), session(2, 4, None)]
        assert stage_effects(sessions) == []
        effects = stage_effects(totals_of(sessions), with_unmatched=True)
        assert [(e.stage, e.sessions, e.no_after) for e in effects] == [(2, 0, 2)]
        assert most_helpful(effects) is None

    def test_the_sentences_say_what_the_averages_stand_on(self) -> None:
        """ "from 4 sessions with both moods; 2 had no closing mood", never a made-up mean."""
        from tui.widgets.stage_effect import effect_lines, effect_summary

        both = [session(2, 3, 6) for _ in range(4)]
        effects = stage_effects(totals_of([*both, session(2, 5, None), session(2, 1, None)]))
        summary = effect_summary(effects, lambda n: f"Stage {n}")
        assert summary == (
            "Stage 2 has helped most: on average your mood went from 3.0 to 6.0, "
            "from 4 sessions with both moods; 2 had no closing mood."
        )
        only_half = stage_effects(totals_of([session(4, 5, None)]), with_unmatched=True)
        assert effect_lines(only_half, lambda n: f"Stage {n}") == (
            "Stage 4: no session with both moods yet; 1 had no closing mood"
        )
        assert "nothing to compare" in effect_summary(only_half, str)


class TestEntries:
    def test_flatten_nested_answers(self) -> None:
        """Every piece of text in lists and dicts, skipping empty answers and flags."""
        answers = {"a": "one", "b": ["two", {"c": "three"}], "d": "", "e": None, "f": 4, "g": True}
        assert flatten(answers) == ["one", "two", "three", "4"]

    def test_session_summary_skips_bare_numbers(self) -> None:
        """The table shows words, not an urge strength."""
        entry = entry_for(
            Session(
                stage=3,
                started_at=at(20),
                saved_at=at(20),
                mood_before=3,
                mood_after=5,
                answers={"urge_strength": 7, "would_say": "I miss you.\nCome back."},
            ),
            TODAY,
        )
        assert entry.summary == "I miss you."
        assert entry.kind == "session"

    def test_a_sealed_letter_is_neither_shown_nor_searchable(self) -> None:
        """A letter to future me stays out of sight until its opening day."""
        sealed = Session(
            stage=5,
            started_at=at(20),
            saved_at=at(20),
            mood_before=3,
            mood_after=5,
            answers={"lessons": "Patience", "letter": "Dear me", "open_on": "2027-01-01"},
        )
        assert "letter" not in readable_answers(sealed, TODAY)
        assert "dear me" not in entry_for(sealed, TODAY).haystack
        assert "dear me" in entry_for(sealed, date(2027, 1, 1)).haystack

    def test_filter_by_kind_stage_tag_dates_and_words(self) -> None:
        """Each filter field narrows the entries on its own."""
        entries = [
            entry_for(mood(20, 5, note="A walk by the river", tags=("calm",)), TODAY),
            entry_for(mood(10, 3, note="Rain", tags=("sad",)), TODAY),
            entry_for(session(3, 2, 6), TODAY),
            entry_for(Urge(at=at(15), strength=6), TODAY),
            entry_for(Slip(at=at(12), feeling="Shaky"), TODAY),
            entry_for(LogisticsContact(at=at(11), note="Keys"), TODAY),
        ]

        def kept(entry_filter: EntryFilter) -> list[int]:
            return [index for index, entry in enumerate(entries) if entry_filter.matches(entry)]

        assert kept(EntryFilter()) == [0, 1, 2, 3, 4, 5]
        assert kept(EntryFilter(show=SHOW_MOODS)) == [0, 1]
        assert kept(EntryFilter(show=SHOW_SESSIONS)) == [2]
        assert kept(EntryFilter(show=stage_choice(3))) == [2]
        assert kept(EntryFilter(show=stage_choice(4))) == []
        assert kept(EntryFilter(show=SHOW_CONTACT)) == [3, 4, 5]
        assert kept(EntryFilter(tag="Calm")) == [0]
        assert kept(EntryFilter(since=date(2026, 11, 12))) == [0, 2, 3, 4]
        assert kept(EntryFilter(until=date(2026, 11, 11))) == [1, 5]
        assert kept(EntryFilter(text="RIVER walk")) == [0]
        assert kept(EntryFilter(text="shaky")) == [4]


def test_history_is_newest_first_across_every_kind(data_dir: object) -> None:
    """Moods, sessions and urges from different months, slips and logistics, merged by time."""
    store = Store.open()
    store.add(mood(2, 4, month=10))
    store.add(session(2, 3, 5, day=5))
    store.add(Urge(at=at(20, 9, 9), strength=4))
    store.add(mood(21, 6))
    store.add_slip(Slip(at=at(1, 8, 11)))
    store.add_logistics(LogisticsContact(at=at(25, 8, 10)))
    pages = MonthPages(store, TODAY)
    pages.use(build_index(store))
    rows = AllRows(pages)
    entries = [rows.entry(row) for row in range(len(rows))]
    kinds = [(entry.kind, entry.when.date()) for entry in entries if entry]
    assert kinds == [
        ("mood", date(2026, 11, 21)),
        ("session", date(2026, 11, 5)),
        ("slip", date(2026, 11, 1)),
        ("logistics", date(2026, 10, 25)),
        ("mood", date(2026, 10, 2)),
        ("urge", date(2026, 9, 20)),
    ]


def test_answers_a_stage_no_longer_asks_still_read_plainly() -> None:
    """Lists become bullets and nested answers labelled lines; text stays as typed."""
    from tui.record_text import plain

    assert plain(["walk", "call Sam"]) == "• walk\n• call Sam"
    assert plain({"minutes": 10, "seconds_ridden": 412}) == "minutes: 10\nseconds ridden: 412"
    assert plain("  indented\n\tand a tab") == "  indented\n    and a tab"
    assert plain("a \x1b]0;title\x07bell") == "a ]0;titlebell"


def test_the_printable_summary_averages_only_sessions_with_both_moods(
    data_dir: object, tmp_path: object
) -> None:
    """`export --format md` compares before and after on the same sessions, and says so."""
    from pathlib import Path

    from tui.cli import main
    from tui.content.stages import load_stages

    store = Store.open()
    for before, after in ((2, 6), (4, 8), (9, None), (None, 1)):
        store.add(session(2, before, after))
    out = Path(str(tmp_path)) / "summary.md"
    assert main(["export", "--format", "md", "-o", str(out)]) == 0
    text = out.read_text()
    assert "averaged over the sessions with a mood both before and after" in text
    assert f"| 2. {load_stages()[2].title} | 4 | 2 | 3.0 | 7.0 |" in text
