"""A few weeks of made-up but believable records, for screenshots and screen tests."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from tui.clock import now
from tui.store import setting_keys
from tui.store.records import MoodLog, Session, Urge
from tui.store.store import Store

DAYS = 21
MOODS = (2, 3, 2, 3, 4, 3, 4, 4, 5, 3, 4, 5, 5, 6, 5, 6, 6, 5, 7, 6, 7)
"""One mood a day, oldest first: low at the start, steadier with the weeks, not a straight line."""
NOTES = {0: "Could not sleep.", 9: "Saw our old café.", 18: "A good walk with Sam."}
TAGS = {0: ("heartbroken", "lonely"), 4: ("anxious",), 9: ("longing",), 18: ("calm", "hopeful")}
SESSIONS = ((2, 1, 2, 4), (5, 2, 3, 4), (8, 3, 3, 5), (12, 1, 4, 6), (16, 4, 5, 6), (19, 2, 6, 7))
"""(day, stage, mood before, mood after)."""
ANSWERS: dict[int, dict[str, Any]] = {
    1: {
        "loved_before": "Drawing on the train. Saturday swims. Cooking for friends.",
        "own_voice": "I laugh at my own jokes again.",
    },
    2: {
        "emotions": {"sad": 4, "longing": 3, "relieved": 2},
        "what_is": "It ended, and the flat is quiet.",
        "wishing": "That one more talk would fix it.",
    },
    3: {
        "urge_strength": 7,
        "would_say": "Are you happy now?",
        "need": "To feel I mattered",
        "instead": "Called my sister and went for a walk.",
    },
    4: {
        "need": "Evenings that are mine, without waiting for a message.",
        "wont_accept": "Being called only when they are lonely.",
        "line": "If they write, I do not reply the same day.",
    },
}
"""What a person might have written in each stage's sessions, by the stage's field keys."""
URGES = ((3, 8, False), (6, 7, False), (10, 6, True), (15, 4, False))
"""(day, strength, acted)."""


def at(first: datetime, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime.combine((first + timedelta(days=day)).date(), time(hour, minute), first.tzinfo)


def fill_sample_history(store: Store) -> None:
    """Three weeks up to today: daily moods, six sessions, four urges, a card and two letters."""
    first = now() - timedelta(days=DAYS - 1)
    records: list[MoodLog | Session | Urge] = []
    for day, mood in enumerate(MOODS):
        records.append(
            MoodLog(
                at=at(first, day, 9 if day == DAYS - 1 else 21, 10),
                mood=mood,
                note=NOTES.get(day, ""),
                tags=TAGS.get(day, ()),
                source="cli" if day % 3 else "app",
            )
        )
    for day, stage, before, after in SESSIONS:
        records.append(
            Session(
                stage=stage,
                started_at=at(first, day, 19),
                saved_at=at(first, day, 19, 25),
                mood_before=before,
                mood_after=after,
                answers=ANSWERS[stage],
            )
        )
    for day, strength, acted in URGES:
        records.append(Urge(at=at(first, day, 22), strength=strength, acted=acted))
    store.add_many(records)
    store.set_no_contact_start(first.date())
    store.set_setting(
        setting_keys.BOUNDARIES_CARD,
        {
            "need": "Evenings that are mine, without waiting for a message.",
            "wont_accept": "Being called only when they are lonely.",
            "line": "If they write, I do not reply the same day.",
            "checklist": ["Muted their messages and calls", "Archived our chat"],
            "saved_at": at(first, 16, 19, 25).isoformat(),
        },
    )
    store.set_setting(
        setting_keys.LETTERS,
        [
            {
                "session_id": "sample-letter-1",
                "written_at": at(first, 4, 20).isoformat(),
                "open_on": (first + timedelta(days=18)).date().isoformat(),
                "text": "You made it this far. Be as patient with yourself as you are with "
                "your friends.",
            },
            {
                "session_id": "sample-letter-2",
                "written_at": at(first, 19, 20).isoformat(),
                "open_on": (first + timedelta(days=50)).date().isoformat(),
                "text": "By now the evenings are easier. Remember the walk with Sam.",
            },
        ],
    )
