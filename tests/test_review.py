"""The review screen: history fills in the background, filters narrow it, a row opens whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from review_fixtures import END, SIZE, ReviewHost, fill_weeks, settle
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from tui.review_entries import SHOW_CONTACT, stage_choice
from tui.screens.record_detail import RecordDetailScreen
from tui.screens.review import PAGE, ReviewScreen
from tui.store.records import MoodLog, Session
from tui.store.store import Store

FIXTURE_ENTRIES = 74
"""What fill_weeks writes: 56 mood logs, 10 sessions, 7 urges and one slip."""


def review(pilot: Pilot[None]) -> ReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def column(screen: ReviewScreen, index: int) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def filter_by(pilot: Pilot[None], field: str, text: str) -> None:
    """Put text in a filter field and press enter, as a person would after typing it."""
    pilot.app.screen.query_one(f"#{field}", Input).value = text
    await pilot.click(f"#{field}")
    await pilot.press("enter")
    await settle(pilot)


async def test_the_worker_reads_every_entry_newest_first() -> None:
    """All kinds of entry arrive, the newest on top, and the status line counts them."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert screen.loaded
        assert screen.query_one(DataTable).row_count == FIXTURE_ENTRIES
        when = [entry.when for entry in screen.rows]
        assert when == sorted(when, reverse=True)
        assert column(screen, 0)[0] == "23 Nov 2026 19:00"
        assert {entry.kind for entry in screen.rows} == {"mood", "session", "urge", "slip"}
        assert "74 entries, newest first" in str(screen.query_one("#status", Static).content)


async def test_a_long_history_pages_in_as_the_cursor_nears_the_end() -> None:
    """Two years of moods are all read; the table takes a page at a time, and o goes oldest."""
    store = Store.open()
    start = END - timedelta(days=730)
    store.add_many(
        MoodLog(at=start + timedelta(hours=10 * index), mood=index % 11) for index in range(1750)
    )
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        table = screen.query_one(DataTable)
        assert len(screen.entries) == 1750
        assert table.row_count == PAGE
        table.move_cursor(row=PAGE - 1)
        await pilot.pause()
        assert table.row_count == 2 * PAGE
        table.scroll_end(animate=False)  # the wheel or the scrollbar, without the cursor
        await pilot.pause()
        assert table.row_count == 3 * PAGE
        await pilot.press("o")
        await settle(pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert table.row_count == 1750
        assert table.cursor_row == 1749
        assert screen.rows[-1].when == start
        assert [row.when for row in screen.rows] == sorted(
            (row.when for row in screen.rows), reverse=True
        )


async def test_filters_change_the_rows_shown() -> None:
    """Stage, kind, tag, dates and words each narrow the table; ctrl+l brings everything back."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        table = screen.query_one(DataTable)

        screen.query_one("#show", Select).value = stage_choice(3)
        await settle(pilot)
        assert set(column(screen, 1)) == {"3. Urge surfing"}
        assert table.row_count == 2

        screen.query_one("#show", Select).value = SHOW_CONTACT
        await settle(pilot)
        assert table.row_count == 8
        assert "Slip, they reached out" in column(screen, 1)

        await pilot.press("ctrl+l")
        await pilot.click("#tag")
        await pilot.press(*"lonely")
        await pilot.pause(0.4)  # the filter waits for a pause in typing
        await settle(pilot)
        assert table.row_count == 8
        assert all("lonely" in tags for tags in column(screen, 4))

        await pilot.press("ctrl+l")
        await filter_by(pilot, "search", "river")
        assert {text[:19] for text in column(screen, 3)} == {"Walked by the river"}

        await pilot.press("ctrl+l")
        await filter_by(pilot, "since", "2026-11-22")
        await filter_by(pilot, "until", "yesterday")
        assert {day[:6] for day in column(screen, 0)} == {"22 Nov"}

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert table.row_count == FIXTURE_ENTRIES


async def test_an_unreadable_date_is_marked_and_ignored() -> None:
    """A date that does not parse turns its field red and leaves the rows as they were."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await filter_by(pilot, "since", "someday")
        screen = review(pilot)
        assert screen.query_one("#since", Input).has_class("-invalid")
        assert screen.query_one(DataTable).row_count == FIXTURE_ENTRIES


async def test_no_match_says_how_to_clear() -> None:
    """Words that match nothing leave a plain message instead of an empty table."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await filter_by(pilot, "search", "zebra")
        screen = review(pilot)
        assert screen.has_class("-no-match")
        assert "ctrl+l" in str(screen.query_one("#empty", Static).content)


async def test_opening_a_session_shows_every_answer() -> None:
    """Enter on a session row opens it whole, with labels from the stage; escape goes back."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        screen.query_one("#show", Select).value = stage_choice(1)
        await settle(pilot)
        screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, RecordDetailScreen)
        shown = "\n".join(str(static.content) for static in detail.query(Static))
        assert "Drawing, long bike rides, singing in the car." in shown
        assert "Bike ride" in shown
        assert "Mood before:" in shown
        await pilot.press("escape")
        assert app.screen is screen


async def test_a_sealed_letter_stays_sealed_in_the_detail() -> None:
    """A letter to future me is not shown before its day, only when it opens."""
    store = Store.open()
    moment = datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    answers = {"lessons": "Slow down.", "letter": "Dear me, hello.", "open_on": "2027-03-01"}
    store.add(
        Session(
            stage=5,
            started_at=moment,
            saved_at=moment,
            mood_before=4,
            mood_after=6,
            answers=answers,
        )
    )
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(str(static.content) for static in app.screen.query(Static))
        assert "Slow down." in shown
        assert "Dear me" not in shown
        assert "sealed until Monday 01 March 2027" in shown


async def test_an_empty_history_says_how_to_start() -> None:
    """With nothing saved yet, the screen says so kindly and names the keys to begin."""
    app = ReviewHost(Store.open())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert screen.has_class("-empty")
        assert "Press m to log how you feel" in str(screen.query_one("#empty", Static).content)


async def test_a_mood_saved_on_top_appears_when_the_review_is_back() -> None:
    """A mood logged while another screen covers the review is added when it returns."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        store.add(MoodLog(at=END + timedelta(minutes=30), mood=9, note="Just now."))
        await pilot.press("escape")
        await settle(pilot)
        screen = review(pilot)
        assert screen.query_one(DataTable).row_count == FIXTURE_ENTRIES + 1
        assert column(screen, 3)[0] == "Just now."


async def test_escape_leaves_the_review() -> None:
    """Escape closes the review and returns to what was underneath."""
    app = ReviewHost(Store.open())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, ReviewScreen)


async def test_h_on_home_opens_the_review_and_escape_returns() -> None:
    """In the coach itself, h on home opens history and review; escape goes back home."""
    from tui.app import NoContactApp
    from tui.screens.home import HomeScreen

    store = Store.open()
    fill_weeks(store)
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await settle(pilot)
        assert review(pilot).query_one(DataTable).row_count == FIXTURE_ENTRIES
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_what_a_person_wrote_is_never_read_as_markup() -> None:
    """Square brackets in a note show as typed, in the table and in the detail."""
    store = Store.open()
    note = "[bold]not bold[/bold] and [link=x]no link[/link]"
    store.add(MoodLog(at=END, mood=5, note=note))
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        first_row = screen.query_one(DataTable).render_line(1).text  # line 0 is the header
        assert "[bold]not bold[/bold]" in first_row
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(str(static.content) for static in app.screen.query(Static))
        assert note in shown


async def test_urges_and_slips_open_with_what_happened() -> None:
    """An urge says whether it passed; a slip says who reached out and how it felt."""
    from tui.store.records import Slip, Urge

    store = Store.open()
    store.add(Urge(at=END, strength=7, note="After the party."))
    store.add_slip(Slip(at=END - timedelta(days=1), they_reached_out=True, feeling="Shaky."))
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert column(review(pilot), 1) == ["Urge, rode it out", "Slip, they reached out"]
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(str(static.content) for static in app.screen.query(Static))
        assert "Strength 7 of 10. You rode it out." in shown
        assert "After the party." in shown
        await pilot.press("escape", "down", "enter")
        await pilot.pause()
        shown = "\n".join(str(static.content) for static in app.screen.query(Static))
        assert "They reached out." in shown
        assert "Shaky." in shown


async def test_the_tag_field_suggests_tags_already_used() -> None:
    """Once history is read, typing the start of a tag offers the whole of it."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        suggester = review(pilot).query_one("#tag", Input).suggester
        assert suggester is not None
        assert await suggester.get_suggestion("hop") == "hopeful"
        assert await suggester.get_suggestion("zz") is None


async def test_a_first_mood_logged_with_m_replaces_the_empty_message() -> None:
    """From an empty review, m logs a mood in the coach, and the review then shows it."""
    from tui.app import NoContactApp
    from tui.screens.mood_log import MoodLogScreen

    app = NoContactApp(store=Store.open())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert review(pilot).has_class("-empty")
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen)
        await pilot.press("7", "tab", *"first one", "enter")
        await settle(pilot)
        screen = review(pilot)
        assert not screen.has_class("-empty")
        assert column(screen, 3) == ["first one"]
