"""The review screen: history fills in the background, filters narrow it, a row opens whole."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from review_fixtures import END, SIZE, ReviewHost, column, fill_weeks, review, settle
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tui.review_entries import SHOW_CONTACT, stage_choice
from tui.screens.record_detail import RecordDetailScreen
from tui.screens.review import ReviewScreen
from tui.store.records import MoodLog, Session
from tui.store.store import Store
from tui.widgets.entry_table import EntryTable

FIXTURE_ENTRIES = 74
"""What fill_weeks writes: 56 mood logs, 10 sessions, 7 urges and one slip."""


async def filter_by(pilot: Pilot[None], field: str, text: str) -> None:
    """Put text in a filter field and press enter, as a person would after typing it."""
    pilot.app.screen.query_one(f"#{field}", Input).value = text
    await pilot.click(f"#{field}")
    await pilot.press("enter")
    await settle(pilot)


async def test_the_table_shows_every_entry_newest_first() -> None:
    """All kinds of entry are there, the newest on top, and the status line counts them."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert screen.loaded
        rows = screen.query_one(EntryTable).rows
        assert len(rows) == FIXTURE_ENTRIES
        entries = [rows.entry(row) for row in range(len(rows))]
        when = [entry.when for entry in entries if entry]
        assert when == sorted(when, reverse=True)
        assert column(screen, "when")[0] == "23 Nov 2026 19:00"
        assert {entry.kind for entry in entries if entry} == {"mood", "session", "urge", "slip"}
        assert "74 entries, newest first" in str(screen.query_one("#status", Static).content)


async def test_filters_change_the_rows_shown() -> None:
    """Stage, kind, tag, dates and words each narrow the table; ctrl+l brings everything back."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)

        screen.query_one("#show", Select).value = stage_choice(3)
        await settle(pilot)
        assert column(screen, "kind") == ["3. Breaking the cycle", "3. Breaking the cycle"]

        screen.query_one("#show", Select).value = SHOW_CONTACT
        await settle(pilot)
        assert len(column(screen, "kind")) == 8
        assert "Contact, they reached out" in column(screen, "kind")

        await pilot.press("ctrl+l")
        await pilot.click("#tag")
        await pilot.press(*"lonely")
        await pilot.pause(0.4)  # the filter waits for a pause in typing
        await settle(pilot)
        assert len(column(screen, "tags")) == 8
        assert all("lonely" in tags for tags in column(screen, "tags"))

        await pilot.press("ctrl+l")
        await filter_by(pilot, "search", "river")
        assert {text[:19] for text in column(screen, "wrote")} == {"Walked by the river"}

        await pilot.press("ctrl+l")
        await filter_by(pilot, "since", "2026-11-22")
        await filter_by(pilot, "until", "yesterday")
        assert {day[:6] for day in column(screen, "when")} == {"22 Nov"}

        await pilot.press("ctrl+l")
        await settle(pilot)
        assert len(column(screen, "when")) == FIXTURE_ENTRIES


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
        assert len(column(screen, "when")) == FIXTURE_ENTRIES


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
        screen.query_one(EntryTable).focus()
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, RecordDetailScreen)
        shown = "\n".join(str(static.content) for static in detail.query(Static))
        assert "Things I loved\nDrawing, long bike rides, singing in the car." in shown
        assert "What it is\nBike ride" in shown
        assert "First, how are you right now?" in shown
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
        assert "sealed until Monday 1 March 2027" in shown


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
        assert len(column(screen, "when")) == FIXTURE_ENTRIES + 1
        assert column(screen, "wrote")[0] == "Just now."


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
        assert len(column(review(pilot), "when")) == FIXTURE_ENTRIES
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
        first_row = screen.query_one(EntryTable).render_line(1).text  # line 0 is the header
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
        assert column(review(pilot), "kind") == ["Urge, ridden out", "Contact, they reached out"]
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(str(static.content) for static in app.screen.query(Static))
        assert "You rode it out." in shown
        assert "How strong it was\n7 of 10" in shown
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
        assert column(screen, "wrote") == ["first one"]


def log_from_another_shell(*argv: str) -> None:
    """`nocontact log ...` in a process of its own, as from a second terminal."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "tui", "log", *argv], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


async def wait_for_rows(pilot: Pilot[None], count: int, seconds: float = 5) -> None:
    """Wait, as a person would, until the table holds `count` rows."""
    table = review(pilot).query_one(EntryTable)
    for _ in range(int(seconds / 0.05)):
        if len(table.rows) == count:
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{len(table.rows)} rows after {seconds:g} s, not {count}")


async def test_an_entry_logged_from_another_shell_appears_and_the_cursor_holds() -> None:
    """A `nocontact log` in another process shows within seconds, on top; the highlighted
    entry stays highlighted, and further down the rows on screen do not move."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = review(pilot).query_one(EntryTable)
        await pilot.press("down", "down", "down")
        held = table.rows.entry(table.cursor_row)
        log_from_another_shell("8", "from the other window")
        await wait_for_rows(pilot, FIXTURE_ENTRIES + 1)
        assert column(review(pilot), "wrote")[0] == "from the other window"
        assert table.rows.entry(table.cursor_row) == held
        assert table.cursor_row == 4  # one new row above it

        # Scrolled down, new entries arrive above the view: nothing on screen moves.
        await pilot.press("pagedown", "pagedown")
        held, line = table.rows.entry(table.cursor_row), table.cursor_row - table.top_row
        painted = [table.render_line(y).text for y in range(1, table.page_rows)]
        log_from_another_shell("6", "and another")
        await wait_for_rows(pilot, FIXTURE_ENTRIES + 2)
        assert table.rows.entry(table.cursor_row) == held
        assert table.cursor_row - table.top_row == line
        assert [table.render_line(y).text for y in range(1, table.page_rows)] == painted


async def test_a_filter_takes_in_matching_entries_saved_elsewhere() -> None:
    """With words searched for, a new entry that has them joins the matches; others do not."""
    store = Store.open()
    fill_weeks(store)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await filter_by(pilot, "search", "river")
        before = len(column(review(pilot), "wrote"))
        log_from_another_shell("5", "nothing to see")
        log_from_another_shell("7", "by the river again")
        await wait_for_rows(pilot, before + 1)
        assert column(review(pilot), "wrote")[0] == "by the river again"
