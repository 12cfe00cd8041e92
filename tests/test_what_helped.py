"""What helped: the person's own words ranked by what followed them, then words, then stages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.store.records import MoodLog, Session
from tui.what_helped import urge_fall, what_helped

START = datetime(2026, 9, 1, 20, 0, tzinfo=UTC)
NAMES = {number: f"Stage {number}" for number in range(1, 6)}


def urge_session(
    instead: str,
    start: int | None,
    checkins: list[int],
    day: int,
    before: int | None = 4,
    after: int | None = 4,
) -> Session:
    """A stage 3 session: urge strength at the start, the timer's check-ins, the "instead"."""
    answers: dict[str, object] = {"instead": instead, "need": "company"}
    if start is not None:
        answers["urge_strength"] = start
    if checkins:
        answers["urge_timer"] = {
            "minutes": 10,
            "checkins": [
                {"after_seconds": 180 * (i + 1), "strength": value}
                for i, value in enumerate(checkins)
            ],
        }
    moment = START + timedelta(days=day)
    return Session(
        stage=3,
        started_at=moment - timedelta(minutes=15),
        saved_at=moment,
        mood_before=before,
        mood_after=after,
        answers=answers,
    )


def test_the_issues_example_is_said_in_their_own_words() -> None:
    """Four times the urge fell from 7 to 3 after calling a sister."""
    sessions = [urge_session("Called my sister.", 7, [5, 3], day) for day in range(4)]
    (helper,) = what_helped(sessions, names=NAMES)
    assert helper.kind == "own"
    assert (helper.text, helper.times, helper.tried) == ("Called my sister", 4, 4)
    assert (helper.before, helper.after) == (7, 3)
    assert helper.sentence == "Called my sister: the urge fell from 7 to 3, 4 times."


def test_the_same_words_are_counted_together_in_their_latest_wording() -> None:
    """Case, spacing and a full stop do not make different things; the newest spelling shows."""
    sessions = [
        urge_session("called my sister", 6, [2], 0),
        urge_session("Called  my sister.", 8, [4], 1),
        urge_session("Called my Sister!", 7, [3], 2),
    ]
    (helper,) = what_helped(sessions, names=NAMES)
    assert (helper.text, helper.times) == ("Called my Sister", 3)
    assert helper.sentence == "Called my Sister: the urge fell from 7 to 3, 3 times."


def test_ranked_by_times_helped_then_by_size_then_newest() -> None:
    """The rule in what_helped's docstring, on three things with known answers."""
    sessions = [
        # Tea: tried 4 times, helped 3 (a fall of 2 each), once the urge rose.
        *(urge_session("Made tea", 6, [4], day) for day in range(3)),
        urge_session("Made tea", 5, [7], 3),
        # A walk: helped 3 times too, but the urge fell further (5 points).
        *(urge_session("A walk", 8, [3], day) for day in range(4, 7)),
        # A shower: helped once, a big fall, the most recent of all.
        urge_session("A shower", 9, [1], 30),
        # Scrolling never helped, so it is left out.
        *(urge_session("Scrolled my phone", 5, [6], day) for day in range(7, 10)),
    ]
    helpers = what_helped(sessions, names=NAMES)
    assert [helper.text for helper in helpers] == ["A walk", "Made tea", "A shower"]
    assert [helper.sentence for helper in helpers] == [
        "A walk: the urge fell from 8 to 3, 3 times.",
        "Made tea: the urge fell from 6 to 4, 3 of 4 times.",
        "A shower: the urge fell from 9 to 1, once.",
    ]


def test_equal_counts_and_changes_go_newest_first() -> None:
    sessions = [urge_session("Old habit", 6, [3], 1), urge_session("New habit", 6, [3], 9)]
    assert [helper.text for helper in what_helped(sessions, names=NAMES)] == [
        "New habit",
        "Old habit",
    ]


def test_without_a_check_in_the_mood_is_the_measure() -> None:
    """No timer check-in: the mood before and after says whether it helped."""
    sessions = [
        urge_session("Had a bath", 7, [], 0, before=3, after=6),
        urge_session("Had a bath", 7, [], 1, before=5, after=5),
        urge_session("Went out", None, [], 2, before=None, after=8),
    ]
    (helper,) = what_helped(sessions, names=NAMES)
    assert (helper.measure, helper.times, helper.tried) == ("mood", 1, 2)
    assert helper.sentence == "Had a bath: your mood rose from 3 to 6, 1 of 2 times."


def test_a_missing_mood_is_never_counted_as_a_number() -> None:
    """A session with a null mood and no check-in is not measured at all."""
    sessions = [urge_session("Rang Mum", 6, [], day, before=None, after=7) for day in range(3)]
    assert what_helped(sessions, names=NAMES) == []


def test_check_ins_that_are_not_numbers_are_not_a_measure() -> None:
    odd = urge_session("Tea", 7, [], 0)
    odd.answers["urge_timer"] = {"checkins": [{"strength": "low"}]}
    assert urge_fall(odd) is None
    odd.answers["urge_timer"] = {"checkins": "soon"}
    assert urge_fall(odd) is None
    odd.answers["urge_strength"] = True
    assert urge_fall(odd) is None


def test_words_and_stages_follow_the_persons_own_words_and_the_list_is_cut() -> None:
    """Own words first, then a tag that went with better days, then a stage that lifted mood."""
    sessions = [
        urge_session("Called my sister", 7, [3], day, before=3, after=6) for day in range(3)
    ]
    moods = [MoodLog(at=START + timedelta(days=d), mood=8, tags=("walk",)) for d in range(5)]
    moods += [MoodLog(at=START + timedelta(days=d), mood=4) for d in range(5, 10)]
    helpers = what_helped(sessions, moods, names=NAMES)
    assert [helper.kind for helper in helpers] == ["own", "word", "stage"]
    assert helpers[1].sentence == (
        "Days with “walk” went with a mood of 8, against 4 without it (5 days)."
    )
    assert helpers[2].sentence == "Stage 3: your mood rose from 3 to 6 on average, over 3 sessions."
    assert len(what_helped(sessions, moods, names=NAMES, limit=2)) == 2


def test_a_word_with_lower_days_or_too_few_days_is_not_offered() -> None:
    moods = [MoodLog(at=START + timedelta(days=d), mood=3, tags=("rain",)) for d in range(5)]
    moods += [MoodLog(at=START + timedelta(days=d), mood=7) for d in range(5, 10)]
    moods += [MoodLog(at=START + timedelta(days=20), mood=10, tags=("party",))]
    assert what_helped([], moods, names=NAMES) == []


def test_other_stages_answers_named_instead_are_not_read() -> None:
    """Only stage 3's "instead" is "something for you instead"."""
    other = Session(
        stage=4,
        started_at=START,
        saved_at=START,
        mood_before=2,
        mood_after=9,
        answers={"instead": "Anything"},
    )
    assert what_helped([other], names=NAMES) == []
