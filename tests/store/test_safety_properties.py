"""Whatever validation accepts comes back unchanged; whatever it refuses changes no file."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st
from safety_helpers import snapshot

from tui.store.records import Draft, MoodLog, Session
from tui.store.store import Store
from tui.store.validation import (
    NOTE_LIMIT,
    TAG_LIMIT,
    ValidationError,
    check_record,
    check_text,
    clean_text,
)

OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
AWARE_MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2200, 12, 30),
    timezones=st.one_of(st.just(UTC), OFFSETS),
)
MOMENTS = st.one_of(
    AWARE_MOMENTS,
    st.datetimes(
        min_value=datetime(1850, 1, 1),
        max_value=datetime(2250, 12, 31),
        timezones=st.one_of(st.none(), st.just(UTC), OFFSETS),
    ),
)
ANY_JSON_SETTING = "notes_on_the_side"
"""A setting the app gives no shape of its own: any JSON value within the limits."""
PLAIN_CHARACTERS = st.characters(blacklist_categories=("Cc", "Cs"))
TEXT = st.one_of(
    st.text(PLAIN_CHARACTERS, max_size=60),
    st.text(max_size=60),
    # Long notes up to the limit: what a heartfelt page pasted in looks like.
    st.text(min_size=1, max_size=20).map(lambda piece: piece * (NOTE_LIMIT // len(piece))),
)
NO_SPACES = st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp"))
WORDS = st.text(NO_SPACES, min_size=1, max_size=TAG_LIMIT)
TAGS = st.one_of(
    st.lists(WORDS, max_size=6, unique=True),
    st.lists(st.text(max_size=TAG_LIMIT + 3), max_size=22),
)
MOODS = st.one_of(st.integers(min_value=0, max_value=10), st.integers(min_value=-2, max_value=12))
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(PLAIN_CHARACTERS, max_size=30),
        st.text(max_size=30),
    ),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(PLAIN_CHARACTERS, max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


@contextmanager
def seeded_store() -> Iterator[tuple[Path, Store]]:
    """A fresh data dir that already holds one record in the month every test writes to."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        store = Store.open(root)
        store.add(MoodLog(at=datetime(2026, 11, 2, 9, tzinfo=UTC), mood=5, source="cli"))
        yield root, store


def _accepted(record: Any) -> bool:
    """Whether validation accepts `record` (noted, so --hypothesis-show-statistics shows both)."""
    try:
        check_record(record)
    except ValidationError:
        event("refused")
        return False
    event("accepted")
    return True


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(note=TEXT, tags=TAGS, at=MOMENTS, mood=MOODS)
def test_a_mood_log_comes_back_exactly_or_is_refused_without_a_trace(
    note: str, tags: list[str], at: datetime, mood: int
) -> None:
    """Accepted: every field reads back unchanged. Refused: ValidationError, files untouched."""
    record = MoodLog(at=at, mood=mood, note=note, tags=tuple(tags), source="cli")
    with seeded_store() as (root, store):
        before = snapshot(root)
        if not _accepted(record):
            with pytest.raises(ValidationError):
                store.add(record)
            assert snapshot(root) == before
            return
        store.add(record)
        [back] = [mood for mood in Store.open(root).moods() if mood.id == record.id]
        assert back.at.isoformat() == record.at.isoformat()
        assert (back.mood, back.note, back.tags, back.source) == (mood, note, tuple(tags), "cli")


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(answers=st.dictionaries(st.text(PLAIN_CHARACTERS, max_size=12), JSON_VALUES, max_size=5))
def test_session_answers_come_back_exactly_or_are_refused_without_a_trace(
    answers: dict[str, Any],
) -> None:
    """Any JSON-shaped answers: back unchanged when accepted, no file touched when refused."""
    moment = datetime(2026, 11, 3, 21, tzinfo=UTC)
    session = Session(
        stage=3, started_at=moment, saved_at=moment, mood_before=2, mood_after=4, answers=answers
    )
    draft = Draft(stage=3, started_at=moment, updated_at=moment, mood_before=2, answers=answers)
    with seeded_store() as (root, store):
        before = snapshot(root)
        if not _accepted(session):
            with pytest.raises(ValidationError):
                store.add(session)
            with pytest.raises(ValidationError):
                store.save_draft(draft)
            with pytest.raises(ValidationError):
                store.set_setting(ANY_JSON_SETTING, answers)
            assert snapshot(root) == before
            return
        store.add(session)
        store.save_draft(draft)
        store.set_setting(ANY_JSON_SETTING, answers)
        reopened = Store.open(root)
        assert reopened.sessions()[0].answers == answers
        assert reopened.draft(3) == draft
        assert reopened.setting(ANY_JSON_SETTING) == answers


@given(text=st.text())
def test_what_clean_text_returns_the_store_accepts(text: str) -> None:
    """The edges' tidying and the store's check agree: cleaned text is always savable."""
    assert check_text(clean_text(text)) == clean_text(text)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (MoodLog(at=datetime(2026, 11, 1, tzinfo=UTC), mood=11), "Mood must be from 0 to 10"),
        (MoodLog(at=datetime(2026, 11, 1), mood=5), "A time must carry its UTC offset."),
        (
            MoodLog(at=datetime(2026, 11, 1, tzinfo=UTC), mood=5, note="a\x1bb"),
            "The note holds an invisible control character",
        ),
        (
            MoodLog(at=datetime(2026, 11, 1, tzinfo=UTC), mood=5, note="x" * (NOTE_LIMIT + 1)),
            "The note is 10,001 characters; the limit is 10,000.",
        ),
        (
            MoodLog(at=datetime(2026, 11, 1, tzinfo=UTC), mood=5, tags=("two words",)),
            "A tag must be one word, without spaces.",
        ),
        (
            MoodLog(at=datetime(2026, 11, 1, tzinfo=UTC), mood=5, tags=("calm", "calm")),
            "A tag appears twice on the same record.",
        ),
    ],
)
def test_a_refusal_is_one_clear_sentence(record: MoodLog, message: str) -> None:
    """Each kind of refusal says what is wrong, in one sentence, as a ValueError."""
    with pytest.raises(ValueError) as refused:
        Store.open().add(record)
    assert str(refused.value).startswith(message)
    assert str(refused.value).endswith(".")
    assert str(refused.value).count(". ") == 0
