"""Fixed history for the review and chart tests, written through the Store at fixed times."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerState

from tui.screens.review import ReviewScreen
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store
from tui.widgets.entry_table import EntryTable

SIZE = (100, 32)

END = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)
"""An hour before the pinned "now" in tests/conftest.py."""
TAGS = (("sad",), ("lonely", "tired"), ("hopeful",), (), ("calm",), ("angry",), ("hopeful", "calm"))
NOTES = (
    "Woke up missing them.",
    "Walked by the river after work.",
    "Coffee with Sam; laughed properly for the first time in ages.",
    "",
    "Saw their car and my chest went tight.",
    "Cooked a real dinner for myself.",
    "A quiet evening, reading.",
)
ANSWERS = {
    1: {"loved_before": "Drawing, long bike rides, singing in the car.", "pick_what": "Bike ride"},
    2: {"emotions": ["sad", "hopeful"], "what_is": "It ended.", "wishing": "That it hadn't."},
    3: {"urge_strength": 7, "would_say": "I miss you.", "need": "To feel wanted."},
    4: {"need": "Space to heal.", "wont_accept": "Late-night texts.", "line": "No contact."},
    5: {"lessons": "I matter too.", "strengths": "Patience.", "letter": "Dear me, you made it."},
}


def mood_at(day: int, slot: int) -> int:
    """A mood that climbs slowly over the weeks, lower in the mornings, wobbling by weekday."""
    return max(0, min(10, 2 + day // 4 + slot + (day % 3) - 1))


def fill_weeks(store: Store, days: int = 28) -> None:
    """Two mood logs a day, a session every third day, urges every fourth day, and one slip."""
    records: list[MoodLog | Session | Urge] = []
    for back in range(days):
        day = END - timedelta(days=back)
        index = days - 1 - back
        morning = day.replace(hour=8, minute=30)
        evening = day.replace(hour=21, minute=15) if back else day
        for slot, moment in enumerate((morning, evening)):
            number = (index * 2 + slot) % len(NOTES)
            records.append(
                MoodLog(
                    at=moment,
                    mood=mood_at(index, slot),
                    note=NOTES[number],
                    tags=TAGS[number],
                    source="cli" if slot else "app",
                )
            )
        if index % 3 == 0:
            stage = index // 3 % 5 + 1
            saved = day.replace(hour=18, minute=40)
            records.append(
                Session(
                    stage=stage,
                    started_at=saved - timedelta(minutes=14),
                    saved_at=saved,
                    mood_before=mood_at(index, 0),
                    mood_after=min(10, mood_at(index, 0) + stage % 3),
                    answers=ANSWERS[stage],
                    # A fixed id: the entry's page shows it, so a snapshot must not vary.
                    id=f"5e55{index:012x}",
                )
            )
        if index % 4 == 1:
            records.append(
                Urge(at=day.replace(hour=23, minute=5), strength=8 - index // 4, note="Late night.")
            )
    store.add_many(records)
    store.add_slip(
        Slip(
            at=END - timedelta(days=12, hours=3),
            they_reached_out=True,
            note="They texted about the dog.",
            feeling="Shaky, then sad.",
            mood=3,
        )
    )


class ReviewHost(App[None]):
    """A bare app that opens the review screen on a store, as the coach does."""

    TITLE = "No Contact Coach"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ReviewScreen(self.store))


def review(pilot: Pilot[None]) -> ReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def column(screen: ReviewScreen, key: str) -> list[str]:
    """What one column of the table says on every row, as a person would read it."""
    table = screen.query_one(EntryTable)
    shape = table.current_layout()
    position = shape.shown.index(key)
    found = []
    for row in range(len(table.rows)):
        entry = table.rows.entry(row)
        assert entry is not None
        found.append(table.row_cells(entry, shape)[position].strip())
    return found


async def settle(pilot: Pilot[None], timeout: float = 60) -> None:
    """Wait until the review is open, history is read, a filter has run over every month
    and the charts (if asked for) are drawn. A worker replaced by a newer one counts as done."""
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause()
        screen = pilot.app.screen
        working = any(worker.state in busy for worker in pilot.app.workers)
        if isinstance(screen, ReviewScreen) and not screen.is_filling and not working:
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the review screen did not finish loading")
