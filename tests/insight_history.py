"""Fixed histories for the insights' screens: a few days, and a year with known patterns.

Everything is arithmetic on the day's number, so every run writes the same records: the
Insights tab's snapshots and the tests that compare it with `nocontact insights` rely on it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store

END = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)
"""Fifteen minutes before the pinned "now" in tests/conftest.py."""
INSTEAD = (
    ("Called my sister", 7, [5, 3]),
    ("Went for a walk round the block", 6, [4]),
    ("Had a long shower", 8, [6, 5]),
    ("Scrolled their photos", 5, [7]),
)
"""What stage 3 sessions say they did instead, the urge at the start, and its check-ins."""


def activities(day: int) -> tuple[str, ...]:
    """The activity tags of the `day`th day back from END."""
    found = []
    if day % 3 == 0:
        found.append("walk")
    if day % 5 == 0:
        found.append("friend")
    if day % 7 == 3:
        found.append("slept-badly")
    if day % 11 == 4:
        found.append("saw-their-posts")
    return tuple(found)


def day_mood(day: int, days: int) -> int:
    """The evening mood of a day: lifted by walks and friends, lowered by bad nights and
    their posts, and a little higher as the months go on."""
    tags = activities(day)
    mood = 4 + (days - day) * 2 // days
    mood += 2 * ("walk" in tags) + ("friend" in tags)
    mood -= 2 * ("slept-badly" in tags) + 2 * ("saw-their-posts" in tags)
    return max(0, min(10, mood))


def stage3(day: int, saved: datetime, mood: int) -> Session:
    instead, start, checkins = INSTEAD[day // 4 % len(INSTEAD)]
    timer = {
        "minutes": 10,
        "checkins": [
            {"after_seconds": 180 * (i + 1), "strength": value} for i, value in enumerate(checkins)
        ],
    }
    return Session(
        stage=3,
        started_at=saved - timedelta(minutes=14),
        saved_at=saved,
        mood_before=mood,
        mood_after=min(10, mood + 1),
        answers={"urge_strength": start, "urge_timer": timer, "instead": instead},
    )


def session(day: int, saved: datetime, mood: int) -> Session:
    stage = day // 4 % 5 + 1
    if stage == 3:
        return stage3(day, saved, mood)
    answers: dict[str, object] = {"emotions": {"lonely": 4}} if stage == 2 else {}
    return Session(
        stage=stage,
        started_at=saved - timedelta(minutes=14),
        saved_at=saved,
        mood_before=mood,
        # Every tenth session was saved without a closing mood.
        mood_after=None if day % 40 == 4 else min(10, mood + stage % 3),
        answers=answers,
    )


def entries(days: int) -> list[MoodLog | Session | Urge]:
    """`days` days up to END: two moods a day, a session every fourth day, urges every third."""
    records: list[MoodLog | Session | Urge] = []
    for day in range(days):
        evening = END - timedelta(days=day)
        mood = day_mood(day, days)
        records.append(MoodLog(at=evening, mood=mood, tags=activities(day), source="cli"))
        morning = evening.replace(hour=8, minute=30)
        records.append(MoodLog(at=morning, mood=max(0, mood - 1), source="app"))
        if day % 4 == 0:
            records.append(session(day, evening.replace(hour=18, minute=40), mood))
        if day % 3 == 1:
            at = evening.replace(hour=21, minute=30)
            records.append(Urge(at=at, strength=6, note="Late.", acted=day % 27 == 1))
    return records


CONTACT_DAYS = (301, 199, 94)
"""Days back from END with a contact: days of a bad night or their posts, as such days go."""


def fill_year(store: Store, days: int = 365) -> None:
    """A year of entries, and three contacts, each with a low mood that day."""
    store.add_many(entries(days))
    for day in CONTACT_DAYS:
        moment = END - timedelta(days=day, hours=3)
        store.add_slip(Slip(at=moment, they_reached_out=day == 199, mood=2))


def fill_few_days(store: Store) -> None:
    """Three days with a mood, one urge: too little to say anything."""
    store.add_many(
        [
            MoodLog(at=END - timedelta(days=day), mood=5 + day, tags=("walk",) if day else ())
            for day in range(3)
        ]
        + [Urge(at=END - timedelta(hours=2), strength=6)]
    )


PINNED_NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
"""The "now" tests/conftest.py pins."""


def urge_session(days_ago: int, instead: str, start: int, end: int) -> Session:
    """A stage 3 session `days_ago` days before the pinned now: an urge from `start` that fell
    (or rose) to `end` at the one check-in, and what the person did instead."""
    saved = PINNED_NOW - timedelta(days=days_ago)
    return Session(
        stage=3,
        started_at=saved - timedelta(minutes=12),
        saved_at=saved,
        mood_before=4,
        mood_after=5,
        answers={
            "urge_strength": start,
            "urge_timer": {"minutes": 10, "checkins": [{"after_seconds": 180, "strength": end}]},
            "instead": instead,
        },
    )
