"""The detail page of an entry: a session as its stage's own steps, every kind in plain words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from tui.content.moods import load_moods
from tui.content.review import load_review_text
from tui.content.stages import load_stages
from tui.content.tracker import load_tracker_text
from tui.record_text import RecordText, RecordWords
from tui.screens.record_detail import RecordDetailScreen
from tui.store.month_index import HistoryRecord
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge

TODAY = date(2026, 11, 23)
SAVED = datetime(2026, 11, 23, 18, 40, tzinfo=UTC)
SIZE = (100, 32)

SESSIONS: dict[int, tuple[int | None, int | None, dict[str, Any]]] = {
    1: (
        4,
        6,
        {
            "loved_before": (
                "Swimming early.\n  Old films with my sister.\n    Drawing on the train."
            ),
            "pick_kind": "Something to start again",
            "pick_what": "A Saturday swim",
            "pick_day": "2026-11-28",
            "own_voice": "I pick the music in the car again.",
        },
    ),
    2: (
        3,
        None,
        {
            "emotions": {"sad": 4, "relieved": 2, "anxious": 3},
            "breathing": {"rounds": 4, "finished": True, "skipped": False},
            "what_is": "We are not together.",
            "wishing": "That one more talk would fix it.",
            "accept_today": "It is over, and I am still here.",
        },
    ),
    3: (
        3,
        5,
        {
            "urge_strength": 8,
            "would_say": "I miss you.\nI keep thinking about the flat.",
            "need": "To feel someone cares how my day went.",
            "need_or_want": "A need",
            "urge_timer": {
                "minutes": 10,
                "seconds_ridden": 372,
                "checkins": [
                    {"after_seconds": 180, "strength": 7},
                    {"after_seconds": 360, "strength": 4},
                ],
                "finished": False,
                "skipped": True,
            },
            "instead": "Text Sam. Make tea.",
        },
    ),
    4: (
        5,
        6,
        {
            "need": "Time and quiet to heal.",
            "wont_accept": "Late-night messages.",
            "line": "I answer about the lease by email only.",
            "checklist": ["Muted their messages and calls", "Archived our chat"],
        },
    ),
    5: (
        None,
        7,
        {
            "lessons": "I can be alone and be all right.",
            "strengths": "I asked for help.",
            "letter": "Dear me, you made it this far.",
            "open_on": "2027-01-10",
        },
    ),
}


def session(stage: int) -> Session:
    before, after, answers = SESSIONS[stage]
    return Session(
        stage=stage,
        started_at=SAVED - timedelta(minutes=14),
        saved_at=SAVED,
        mood_before=before,
        mood_after=after,
        answers=answers,
    )


def words(record: HistoryRecord) -> RecordText:
    urge_labels = load_tracker_text().strength_labels
    return RecordWords(
        load_stages(), load_moods(), load_review_text(), urge_labels, TODAY
    ).describe(record)


def answered(text: RecordText) -> dict[str, str]:
    return {answer.question: answer.answer for part in text.parts for answer in part.answers}


def test_a_session_reads_as_its_stage_steps_in_order() -> None:
    """Each step's title, in the stage's order, with its questions under it."""
    text = words(session(1))
    assert text.heading == "Stage 1: Rediscovering who you are"
    assert text.meta == ("Saved Monday 23 November 2026 at 18:40, started at 18:26.",)
    assert [part.title for part in text.parts] == [
        "Things you loved",
        "One thing to pick up",
        "Your own voice",
        "Before you go",
    ]
    first = text.parts[0].answers
    assert [answer.question for answer in first] == [
        "First, how are you right now?",
        "Things I loved",
    ]
    assert first[0].answer == f"4 of 10 ({load_moods().label(4)})"


def test_what_was_typed_keeps_its_line_breaks_and_leading_spaces() -> None:
    """An answer reads exactly as it was written."""
    loved = answered(words(session(1)))["Things I loved"]
    assert loved == "Swimming early.\n  Old films with my sister.\n    Drawing on the train."


def test_a_day_chosen_reads_as_a_date() -> None:
    assert answered(words(session(1)))["The day I will do it"] == "Saturday 28 November 2026"


def test_a_closing_mood_nobody_gave_says_not_given() -> None:
    """Never a made-up number: the slider nobody moved is "not given"."""
    assert answered(words(session(2)))["How are you now?"] == "not given"
    assert answered(words(session(5)))["First, how are you right now?"] == "not given"


def test_emotions_breathing_and_the_urge_timer_in_words() -> None:
    """No raw fields: strengths, rounds and the timer's outcome as sentences."""
    clarity = answered(words(session(2)))
    assert clarity["Feelings present"] == "sad, 4 of 5\nrelieved, 2 of 5\nanxious, 3 of 5"
    assert clarity["Paced breathing"] == "4 rounds of slow breathing, to the end."
    urges = answered(words(session(3)))
    assert urges["Urge timer"] == (
        "Rode it out for 6 minutes of the 10 minutes you set, "
        "checked in twice (the urge at 7, then 4)."
    )
    scale = next(field for field in load_stages()[3].fields if field.key == "urge_strength")
    assert urges[scale.label] == f"8 of 10: {scale.labels[8]}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"minutes": 10, "seconds_ridden": 600, "checkins": [], "finished": True}, "full"),
        ({"minutes": 5, "seconds_ridden": 0, "checkins": [], "skipped": True}, "skipped"),
        ({"rounds": 0, "finished": False, "skipped": True}, "breathing skipped"),
    ],
)
def test_timers_finished_or_skipped(value: dict[str, Any], expected: str) -> None:
    stage = 2 if "rounds" in value else 3
    key = "breathing" if stage == 2 else "urge_timer"
    record = session(stage).replace(answers={key: value})
    shown = answered(words(record))["Paced breathing" if stage == 2 else "Urge timer"]
    assert {
        "full": "Rode it out for the full 10 minutes.",
        "skipped": "You skipped the timer this time.",
        "breathing skipped": "You skipped the breathing this time.",
    }[expected] == shown


def test_a_checklist_shows_what_was_ticked() -> None:
    shown = answered(words(session(4)))["No-contact checklist"]
    assert shown == "✓ Muted their messages and calls\n✓ Archived our chat"


def test_a_sealed_letter_stays_sealed() -> None:
    shown = answered(words(session(5)))["Dear future me"]
    assert shown == "Your letter to future you stays sealed until Sunday 10 January 2027."
    assert "Dear me" not in str(words(session(5)))


def test_answers_the_stage_no_longer_asks_are_kept() -> None:
    """Nothing saved is hidden: an answer under an old key shows under "Also saved"."""
    record = session(4).replace(answers={"old_field": "  kept as typed"})
    assert words(record).parts[-1].title == "Also saved"
    assert answered(words(record))["Old field"] == "  kept as typed"


def test_moods_urges_slips_and_logistics_in_words() -> None:
    """Every kind says when, what happened and what was written, moods with their label."""
    mood = words(MoodLog(at=SAVED, mood=7, note="  A calm evening.", tags=("calm",), source="cli"))
    assert mood.meta == ("Monday 23 November 2026 at 18:40.", "Logged from the command line.")
    assert answered(mood) == {
        "Mood": f"7 of 10 ({load_moods().label(7)})",
        "Note": "  A calm evening.",
        "Tags": "calm",
    }
    imported = words(MoodLog(at=SAVED, mood=4, source="import"))
    assert imported.meta == ("Monday 23 November 2026 at 18:40.", "Brought in from another app.")
    urge = words(Urge(at=SAVED, strength=6, note="After the party.", acted=True))
    assert urge.heading == "Urge, acted on"
    assert urge.meta[1] == "You acted on it."
    assert answered(urge)["How strong it was"].startswith("6 of 10 (")
    slip = words(Slip(at=SAVED, they_reached_out=True, feeling="Shaky.", mood=None))
    assert slip.meta[1] == "They reached out."
    assert answered(slip) == {"How it felt": "Shaky.", "Your mood afterwards": "not given"}
    contact = words(LogisticsContact(at=SAVED, note="Keys for the flat."))
    assert contact.meta[1] == "Contact that had to happen. It breaks nothing."
    assert answered(contact) == {"Note": "Keys for the flat."}


def test_nothing_written_can_drive_the_terminal() -> None:
    """Escape sequences in a note are dropped on the way to the screen."""
    shown = answered(words(MoodLog(at=SAVED, mood=5, note="hi\x1b]0;owned\x07 there")))["Note"]
    assert "\x1b" not in shown and "\x07" not in shown


class DetailHost(App[None]):
    """The detail page of one record, as the review opens it."""

    def __init__(self, record: HistoryRecord) -> None:
        super().__init__()
        self.record = record

    def on_mount(self) -> None:
        self.push_screen(RecordDetailScreen(self.record, load_stages(), load_moods(), TODAY))


async def to_the_end(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("end")
    await pilot.pause()


class TestDetailLooks:
    @pytest.mark.parametrize("stage", [1, 2, 3, 4, 5])
    def test_each_stage(self, stage: int, snap_compare: Callable[..., bool]) -> None:
        """A session of each stage: its steps, questions and answers, scrolled to the end."""
        assert snap_compare(DetailHost(session(stage)), terminal_size=SIZE, run_before=to_the_end)

    def test_a_session_from_the_top(self, snap_compare: Callable[..., bool]) -> None:
        """The top of a stage 3 session: the heading, when, and the first steps."""
        assert snap_compare(DetailHost(session(3)), terminal_size=SIZE)

    def test_an_urge_at_80_by_24(self, snap_compare: Callable[..., bool]) -> None:
        """An urge acted on, at 80x24."""
        urge = Urge(at=SAVED, strength=7, note="After the party.\n  Went home early.", acted=True)
        assert snap_compare(DetailHost(urge), terminal_size=(80, 24))


def test_a_stage_saves_text_as_typed() -> None:
    """What a stage saves keeps its leading spaces and line breaks (only trailing blanks go)."""
    from textual.widgets import TextArea

    from tui.screens.stage_fields import read_answer

    assert read_answer(TextArea("  first\n\n    indented\n  \n")) == "  first\n\n    indented"
    assert read_answer(TextArea(" \n \n")) is None
