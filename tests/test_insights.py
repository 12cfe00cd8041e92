"""Insights on small fixed histories whose answers are known, including too little to say."""

from __future__ import annotations

import json
import string
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tui.content.insights import FILE, PLACEHOLDERS, load_insight_text, number_text
from tui.content.loader import content_dir
from tui.insights import (
    MIN_DAYS,
    contact_insight,
    stage_insight,
    urge_insight,
    word_insight,
)
from tui.store.records import MoodLog, Session, Slip, Urge

START = date(2026, 10, 1)
NAMES = {number: f"Stage {number}" for number in range(1, 6)}


def on(day: int, hour: int = 12, minute: int = 0) -> datetime:
    """Noon (or `hour`) on the `day`th day after START, in UTC."""
    moment = datetime.combine(START + timedelta(days=day), datetime.min.time(), UTC)
    return moment.replace(hour=hour, minute=minute)


def mood(day: int, value: int, *tags: str, hour: int = 12) -> MoodLog:
    return MoodLog(at=on(day, hour), mood=value, tags=tags)


def session(
    stage: int, before: int | None, after: int | None, day: int = 0, **answers: object
) -> Session:
    return Session(
        stage=stage,
        started_at=on(day, 11),
        saved_at=on(day, 12),
        mood_before=before,
        mood_after=after,
        answers=dict(answers),
    )


class TestWords:
    def test_a_word_with_five_days_each_side_is_compared(self) -> None:
        """Walk on 5 days at 8, 5 days without at 4: it went with a higher mood, counted."""
        moods = [mood(day, 8, "walk") for day in range(5)]
        moods += [mood(day, 4) for day in range(5, 10)]
        insight = word_insight(moods)
        (effect,) = insight.effects
        assert (effect.word, effect.days_with, effect.days_without) == ("walk", 5, 5)
        assert (effect.mean_with, effect.mean_without) == (8, 4)
        assert insight.sentences == (
            "Days with “walk” went with a higher mood: 8 on average over 5 days, "
            "against 4 over 5 days without it.",
        )

    def test_four_days_on_one_side_say_nothing_about_the_word(self) -> None:
        """Four days with the word is too few: no effect, and a sentence that says why."""
        moods = [mood(day, 9, "walk") for day in range(4)]
        moods += [mood(day, 2) for day in range(4, 20)]
        insight = word_insight(moods)
        assert insight.effects == ()
        assert insight.too_few == 1
        assert insight.sentences == (
            "No word has 5 days with it and 5 days without it yet, "
            "so nothing is said about words for now.",
        )
        # And too few days without it is just as silent.
        always = [mood(day, 9, "tea") for day in range(20)] + [mood(20 + d, 1) for d in range(4)]
        assert word_insight(always).effects == ()

    def test_a_day_counts_once_at_its_average(self) -> None:
        """Two logs on a tagged day (10 and 6) make one day at 8, not two days."""
        moods = [mood(0, 10, "friend", hour=9), mood(0, 6, hour=20)]
        moods += [mood(day, 8, "friend") for day in range(1, 5)]
        moods += [mood(day, 5) for day in range(5, 10)]
        (effect,) = word_insight(moods).effects
        assert (effect.days_with, effect.mean_with, effect.mean_without) == (5, 8, 5)

    def test_lower_same_and_too_few_are_each_said(self) -> None:
        """A word that went with lower days, one about the same, and one with too few days."""
        moods = []
        for day in range(12):
            tags = ["tired"] if day < 6 else []
            if day % 2:
                tags.append("tea")
            if day == 0:
                tags.append("rain")
            moods.append(mood(day, 3 if day < 6 else 7, *tags))
        insight = word_insight(moods)
        assert [effect.word for effect in insight.effects] == ["tired", "tea"]
        assert insight.sentences == (
            "Days with “tired” went with a lower mood: 3 on average over 6 days, "
            "against 7 over 6 days without it.",
            "Days with “tea” and days without it went with about the same mood: "
            "5 over 6 days, 5 over 6.",
            "Words still waiting for enough days: 1 (each needs 5 days with it and 5 without).",
        )

    def test_emotions_picked_in_stage_two_count_as_words_of_that_day(self) -> None:
        """The emotion picker's words (a word -> strength object) join the day's tags."""
        sessions = [session(2, 3, 4, day, emotions={"Lonely": 4}) for day in range(5)]
        moods = [mood(day, 3 if day < 5 else 6) for day in range(10)]
        (effect,) = word_insight(moods, sessions).effects
        assert (effect.word, effect.mean_with, effect.mean_without) == ("lonely", 3, 6)

    def test_words_on_days_without_a_mood_are_not_counted(self) -> None:
        """A stage 2 session on a day with no mood log adds nothing to either side."""
        moods = [mood(day, 5) for day in range(10)]
        sessions = [session(2, 5, 5, 40 + day, emotions=["sad"]) for day in range(10)]
        assert word_insight(moods, sessions).effects == ()


class TestUrges:
    def test_too_few_urges_make_no_claim_about_when(self) -> None:
        """Four urges: the counts are kept, the sentence only says it is too soon."""
        urges = [Urge(at=on(day, 22), strength=6) for day in range(4)]
        insight = urge_insight(urges)
        assert insight.peak_start is None and insight.peak_weekday is None
        assert insight.total == 4 and insight.by_hour[22] == 4
        assert insight.sentences == (
            "Urges noted so far: 4. It is too soon to say when they tend to come; 5 are needed.",
        )
        assert urge_insight([]).sentences == ()

    def test_when_urges_come_and_how_many_were_ridden_out(self) -> None:
        """Four at 21:xx on Sundays, two on Monday mornings, one of them acted on."""
        sundays = [on(3, 21, 10), on(10, 21, 40), on(17, 21, 5), on(24, 21, 55)]
        mondays = [on(4, 9), on(11, 9)]
        urges = [Urge(at=moment, strength=7) for moment in sundays]
        urges += [Urge(at=mondays[0], strength=5), Urge(at=mondays[1], strength=5, acted=True)]
        assert {moment.weekday() for moment in sundays} == {6}
        insight = urge_insight(urges)
        assert (insight.total, insight.resisted, insight.acted) == (6, 5, 1)
        assert (insight.peak_start, insight.peak_count, insight.peak_weekday) == (20, 4, 6)
        assert insight.by_weekday == (2, 0, 0, 0, 0, 0, 4)
        assert insight.sentences == (
            "Most urges came between 20:00 and 23:00 (4 of 6), and Sundays had the most (4).",
            "You rode out 5 of 6 urges (83%).",
        )

    def test_an_urge_counts_at_its_own_local_hour(self) -> None:
        """23:30 at +02:00 is 23:30 where it was felt, though it was 21:30 in UTC."""
        zone = timezone(timedelta(hours=2))
        urges = [
            Urge(at=datetime(2026, 11, day, 23, 30, tzinfo=zone), strength=5)
            for day in (2, 3, 4, 5, 6)
        ]
        insight = urge_insight(urges)
        assert insight.by_hour[23] == 5 and insight.by_hour[21] == 0
        assert insight.peak_start == 22

    def test_a_window_can_wrap_past_midnight(self) -> None:
        """Urges at 23:00 and 00:00 fall in one window, said as ending at 01:00 or 02:00."""
        urges = [Urge(at=on(day, 23 if day % 2 else 0), strength=4) for day in range(6)]
        insight = urge_insight(urges)
        assert insight.peak_count == 6
        assert insight.peak_start in (22, 23)


class TestContact:
    def week_at(self, value: int, before_day: int) -> list[MoodLog]:
        return [mood(before_day - back, value) for back in range(1, 8)]

    def test_one_contact_dips_and_comes_back_after_three_days(self) -> None:
        """A week at 6, the day at 2, then 3, 5, 6: back (within half a point) on day 3."""
        moods = self.week_at(6, 10) + [mood(10, 2), mood(11, 3), mood(12, 5), mood(13, 6)]
        slip = Slip(at=on(10, 15), mood=2)
        insight = contact_insight([slip], moods)
        (recovery,) = insight.recoveries
        assert (recovery.baseline, recovery.baseline_days, recovery.day_mean) == (6, 7, 2)
        assert recovery.days_to_recover == 3
        assert insight.sentences == (
            "On the day of the contact on Sun 11 Oct 2026, your mood averaged 2, "
            "against 6 in the week before.",
            "It came back to where it had been after 3 days.",
        )
        assert dict(insight.profile)[0] == 2 and dict(insight.profile)[-3] == 6

    def test_the_contacts_own_mood_counts_on_its_day(self) -> None:
        """No mood log that day, but the slip's own mood: the day is measured by it."""
        moods = self.week_at(7, 10) + [mood(11, 7)]
        insight = contact_insight([Slip(at=on(10), mood=4)], moods)
        assert insight.recoveries[0].day_mean == 4
        assert insight.sentences[-1] == "It came back to where it had been the next day."

    def test_too_few_days_before_say_nothing(self) -> None:
        """Moods on only two of the seven days before: no recovery is claimed."""
        moods = [mood(8, 6), mood(9, 6), mood(10, 2), mood(11, 6)]
        insight = contact_insight([Slip(at=on(10))], moods)
        assert insight.recoveries == ()
        assert insight.sentences == (
            "There are not enough moods logged in the week before a contact to say how it "
            "went; 3 days with a mood are needed.",
        )
        assert contact_insight([], moods).sentences == ()

    def test_counting_stops_at_the_next_contact(self) -> None:
        """A second contact before mood came back: the first has not come back."""
        moods = self.week_at(6, 10) + [mood(10, 2), mood(11, 2), mood(12, 2), mood(13, 6)]
        slips = [Slip(at=on(10)), Slip(at=on(12))]
        first, second = (r.days_to_recover for r in contact_insight(slips, moods).recoveries)
        assert first is None
        assert second == 1

    def test_many_contacts_say_the_middle_and_those_not_back(self) -> None:
        """Three contacts: back after 2 and 4 days, and one whose entries end before."""
        moods = []
        for day, path in ((10, (2, 4, 6)), (30, (3, 3, 4, 5, 6)), (60, (1, 1))):
            moods += self.week_at(6, day)
            moods += [mood(day + after, value) for after, value in enumerate(path)]
        slips = [Slip(at=on(day)) for day in (10, 30, 60)]
        insight = contact_insight(slips, moods)
        assert [r.days_to_recover for r in insight.recoveries] == [2, 4, None]
        assert insight.sentences == (
            "On the days of a contact your mood averaged 2, against 6 in the week before "
            "(3 contacts with moods around them).",
            "It usually came back to where it had been after about 3 days (the middle of 2).",
            "1 of them had not come back within 30 days or before the next contact.",
        )

    def test_contacts_that_never_dipped_are_said_to_have_held(self) -> None:
        moods = []
        for day in (10, 30, 50):
            moods += self.week_at(6, day) + [mood(day, 6)]
        insight = contact_insight([Slip(at=on(day)) for day in (10, 30, 50)], moods)
        assert insight.sentences[-1] == (
            "Most of the time it stayed close to where it had been, or came back the same "
            "day (3 of 3)."
        )


class TestStages:
    def test_only_sessions_with_both_moods_count(self) -> None:
        """Three stage 2 sessions 3→6, 4→6, 5→6 and one without an after: 4 → 6 over 3."""
        sessions = [session(2, 3, 6), session(2, 4, 6), session(2, 5, 6), session(2, 2, None)]
        sessions.append(session(4, None, 8))
        insight = stage_insight(sessions, names=NAMES)
        (effect,) = insight.effects
        assert (effect.stage, effect.sessions, effect.mean_before, effect.mean_after) == (
            2,
            3,
            4,
            6,
        )
        assert insight.left_out == 2
        assert insight.sentences == (
            "Stage 2: your mood went from 4 before to 6 after, on average over 3 sessions "
            "with both moods.",
            "Sessions without both moods are left out of these averages (2).",
        )

    def test_too_few_sessions_are_only_counted(self) -> None:
        insight = stage_insight([session(4, 3, 5), session(4, 5, 9)], names=NAMES)
        assert insight.sentences == (
            "Stage 4: not enough sessions with a mood at both ends yet (2 so far; 3 are needed).",
        )

    def test_stage_names_come_from_the_stages_own_titles(self) -> None:
        sessions = [session(3, 2, 5) for _ in range(3)]
        (sentence,) = stage_insight(sessions).sentences
        assert sentence.startswith("Stage 3, Breaking the cycle: your mood went from 2 before to 5")


class TestWording:
    def test_every_sentence_says_went_with_and_never_because(self) -> None:
        """The content file: no "because" anywhere; each comparison says "went with"."""
        raw = (content_dir() / FILE).read_text(encoding="utf-8")
        assert "because" not in raw.lower()
        text = load_insight_text()
        for key in ("higher", "lower", "same"):
            assert "went with" in text.templates["words"][key]
        assert "went with" in text.templates["helped"]["word"]

    def test_every_placeholder_is_one_the_code_fills(self) -> None:
        data = json.loads((content_dir() / FILE).read_text(encoding="utf-8"))
        for section, keys in PLACEHOLDERS.items():
            for key, allowed in keys.items():
                fields = {f for _, f, _, _ in string.Formatter().parse(data[section][key]) if f}
                assert fields <= allowed, (section, key)

    @pytest.mark.parametrize(
        ("value", "shown"), [(7.0, "7"), (6.75, "6.8"), (6.04, "6"), (0.25, "0.2"), (10, "10")]
    )
    def test_numbers_read_plainly(self, value: float, shown: str) -> None:
        assert number_text(value) == shown

    def test_min_days_is_five(self) -> None:
        """The issue's rule: at least five days on each side."""
        assert MIN_DAYS == 5
