"""The insights folded a month at a time say exactly what they say over whole lists."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from insight_history import END, entries, fill_few_days, fill_year

from tui.insight_facts import InsightFacts, combined_facts, facts_of, read_facts
from tui.insight_report import insight_report, so_far
from tui.insights import (
    contact_insight,
    count_urges,
    stage_insight,
    urge_insight,
    word_insight,
)
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store, month_key
from tui.what_helped import what_helped


def by_month(records: list[MoodLog | Session | Urge | Slip]) -> list[InsightFacts]:
    """Each month's facts on their own, as the review folds them."""
    months: dict[str, list[object]] = defaultdict(list)
    for record in records:
        months[month_key(record.when)].append(record)
    return [facts_of(found) for _, found in sorted(months.items())]


def test_a_year_folded_by_month_says_what_the_whole_lists_say() -> None:
    """Every section, and what helped, equal the functions run over every record at once."""
    slips = [Slip(at=END - timedelta(days=day), mood=2) for day in (300, 200, 90)]
    records: list[MoodLog | Session | Urge | Slip] = [*entries(365), *slips]
    moods = [r for r in records if isinstance(r, MoodLog)]
    sessions = [r for r in records if isinstance(r, Session)]
    urges = [r for r in records if isinstance(r, Urge)]
    report = insight_report(combined_facts(by_month(records)))
    said = {section.key: section.sentences for section in report.sections}
    assert said["words"] == word_insight(moods, sessions).sentences
    assert said["urges"] == urge_insight(urges).sentences
    assert said["contact"] == contact_insight(slips, moods).sentences
    assert said["stages"] == stage_insight(sessions).sentences
    assert [h.sentence for h in report.helped] == [h.sentence for h in what_helped(sessions, moods)]
    # And they say something: the year has enough of everything.
    assert all(said.values())
    # 18 stage 3 sessions, each "instead" 4 or 5 times; scrolling their photos never helped.
    assert [h.sentence for h in report.helped[:3]] == [
        "Had a long shower: the urge fell from 8 to 5, 5 times.",
        "Called my sister: the urge fell from 7 to 3, 4 times.",
        "Went for a walk round the block: the urge fell from 6 to 4, 4 times.",
    ]
    assert report.helped[3].text == "walk"
    assert (report.days, report.urges) == (365, 122)


def test_urge_counts_merge_as_one_count() -> None:
    urges = [r for r in entries(60) if isinstance(r, Urge)]
    whole, first, second = count_urges(urges), count_urges(urges[:7]), count_urges(urges[7:])
    first.merge(second)
    assert (first.total, first.resisted) == (whole.total, whole.resisted) == (20, 17)
    assert (first.by_hour, first.by_weekday) == (whole.by_hour, whole.by_weekday)


def test_read_from_the_store_it_is_the_same_year() -> None:
    """read_facts goes through the Store a month at a time: the same report as the records."""
    store = Store.open()
    fill_year(store)
    from_store = insight_report(read_facts(store))
    records = [*store.moods(), *store.sessions(), *store.urges(), *store.slips()]
    assert from_store == insight_report(facts_of(records))
    assert len(read_facts(store).slips) == 3


def test_a_few_days_say_how_many_there_are_and_how_many_are_needed() -> None:
    store = Store.open()
    fill_few_days(store)
    report = insight_report(read_facts(store))
    assert so_far(report) == (
        "Days with a mood: 3. Urges noted: 1. Exercises with a mood before and after: 0.",
        "Words can be compared from 10 days with a mood (5 with a word and 5 without): "
        "7 more to go.",
    )
    said = {section.key: section.sentences for section in report.sections}
    assert said["words"] == (
        "No word has 5 days with it and 5 days without it yet, so nothing is said about "
        "words for now.",
    )
    assert said["urges"] == (
        "Urges noted so far: 1. It is too soon to say when they tend to come; 5 are needed.",
    )
    assert said["contact"] == said["stages"] == ()
    assert report.helped == () and not report.empty


def test_ten_days_need_no_more_days_for_words() -> None:
    facts = facts_of(MoodLog(at=END - timedelta(days=day), mood=5) for day in range(10))
    assert so_far(insight_report(facts)) == (
        "Days with a mood: 10. Urges noted: 0. Exercises with a mood before and after: 0.",
    )


def test_nothing_at_all_is_empty() -> None:
    report = insight_report(InsightFacts())
    assert report.empty and report.days == 0 and report.helped == ()
