"""Putting entries right in the app: the detail page's edit and delete, the edit dialog, the
trash, and `u`; each checked by what lands on disk and what the screens show after."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from review_fixtures import column, settle
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from tui.app import NoContactApp, create_app
from tui.content.moods import load_moods
from tui.content.stages import load_stages
from tui.screens.edit_entry import EditEntryDialog
from tui.screens.entry_actions import ConfirmDelete
from tui.screens.home import read_tracker
from tui.screens.record_detail import RecordDetailScreen, RecordView
from tui.screens.review import ReviewScreen
from tui.screens.trash import TrashScreen
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Store
from tui.store.trash import Entry
from tui.widgets.entry_table import EntryTable
from tui.widgets.mood_slider import MoodSlider
from tui.widgets.tracker_panel import TrackerPanel

SIZE = (100, 32)
NOW = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
AT = datetime(2026, 11, 20, 21, 0, tzinfo=UTC)

MOOD = MoodLog(at=AT, mood=5, note="a grey evening", tags=("tired",), id="3f9c2a7e51d04b18")
SLIP = Slip(
    at=AT - timedelta(days=1), they_reached_out=True, note="they called", id="b07d1e52c9a84f36"
)


def fill(data_dir: Path, *records: Entry) -> Store:
    store = Store.open(data_dir)
    for record in records:
        if isinstance(record, Slip):
            store.add_slip(record)
        elif isinstance(record, LogisticsContact):
            store.add_logistics(record)
        else:
            store.add(record)
    return store


def shown(screen: RecordDetailScreen) -> str:
    """Everything the detail page's entry says, as text."""
    return "\n".join(str(widget.render()) for widget in screen.query_one(RecordView).query(Static))


def toasts(app: App[None]) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def open_detail(app: NoContactApp, pilot: Pilot[None], row: int = 0) -> RecordDetailScreen:
    """From home: history, the `row`th entry, enter."""
    await pilot.press("h")
    await settle(pilot)
    table = app.screen.query_one(EntryTable)
    table.cursor_row = row
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, RecordDetailScreen)
    return app.screen


async def open_edit(app: NoContactApp, pilot: Pilot[None]) -> EditEntryDialog:
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, EditEntryDialog)
    return app.screen


class TestEdit:
    async def test_a_mood_edited_from_its_page_is_saved_and_shown(self, data_dir: Path) -> None:
        fill(data_dir, MOOD)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            detail = await open_detail(app, pilot)
            dialog = await open_edit(app, pilot)
            assert "Nothing changed yet." in str(dialog.query_one("#edit-changes", Static).render())
            dialog.query_one("#edit-mood", MoodSlider).value = 7
            dialog.query_one("#edit-note", TextArea).text = "a calmer evening"
            await pilot.pause()
            said = str(dialog.query_one("#edit-changes", Static).render())
            assert said == "Saving changes: mood and note."
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is detail
            assert "7 of 10" in shown(detail) and "a calmer evening" in shown(detail)
            assert "Saved. u undoes it." in toasts(app)
            [mood] = Store.open(data_dir).moods()
            assert (mood.mood, mood.note, mood.tags, mood.at) == (
                7,
                "a calmer evening",
                ("tired",),
                AT,
            )
            await pilot.press("escape")
            await settle(pilot)
            assert column(app.screen, "mood") == ["7"]  # the review shows it at once

    async def test_escape_keeps_what_was_typed_for_that_entry_only(self, data_dir: Path) -> None:
        other = MoodLog(at=AT - timedelta(hours=1), mood=3, id="c0ffee0000000001")
        fill(data_dir, MOOD, other)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            detail = await open_detail(app, pilot)
            dialog = await open_edit(app, pilot)
            dialog.query_one("#edit-note", TextArea).text = "half a thought"
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is detail
            dialog = await open_edit(app, pilot)
            assert dialog.query_one("#edit-note", TextArea).text == "half a thought"
            await pilot.press("escape", "escape")
            await settle(pilot)
            await open_detail(app, pilot, row=1)
            dialog = await open_edit(app, pilot)  # the other entry: its own words, no draft
            assert dialog.query_one("#edit-note", TextArea).text == ""
        assert [mood.note for mood in Store.open(data_dir).moods()] == ["a grey evening", ""]

    async def test_a_mood_not_given_stays_not_given(self, data_dir: Path) -> None:
        """Contact saved without a mood: an edit of its note leaves the mood null."""
        fill(data_dir, SLIP)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await open_detail(app, pilot)
            dialog = await open_edit(app, pilot)
            assert dialog.query_one("#edit-mood", MoodSlider).value is None
            dialog.query_one("#edit-feeling", Input).value = "shaky"
            await pilot.press("ctrl+s")
            await pilot.pause()
        [slip] = Store.open(data_dir).slips()
        assert (slip.mood, slip.feeling, slip.note) == (None, "shaky", "they called")

    @pytest.mark.parametrize(
        ("record", "field", "value", "check"),
        [
            (
                Urge(at=AT, strength=7, note="late"),
                "#edit-strength",
                3,
                lambda s: s.urges()[0].strength == 3,
            ),
            (
                LogisticsContact(at=AT, note="keys"),
                "#edit-note",
                "keys and post",
                lambda s: s.logistics()[0].note == "keys and post",
            ),
            (
                Session(
                    3,
                    AT - timedelta(minutes=10),
                    AT,
                    4,
                    None,
                    {"would_say": "I miss you.", "urge_timer": {"minutes": 5}},
                ),
                "#edit-answer-would_say",
                "Nothing, today.",
                lambda s: (
                    s.sessions()[0].answers
                    == {"would_say": "Nothing, today.", "urge_timer": {"minutes": 5}}
                    and s.sessions()[0].mood_after is None
                ),
            ),
        ],
    )
    async def test_every_kind(
        self, data_dir: Path, record: Entry, field: str, value, check
    ) -> None:
        fill(data_dir, record)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await open_detail(app, pilot)
            dialog = await open_edit(app, pilot)
            widget = dialog.query_one(field)
            if isinstance(widget, TextArea):
                widget.text = value
            else:
                widget.value = value  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, RecordDetailScreen)
        assert check(Store.open(data_dir))

    async def test_a_time_that_cannot_be_read_is_refused_without_quoting_it(
        self, data_dir: Path
    ) -> None:
        fill(data_dir, MOOD)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await open_detail(app, pilot)
            dialog = await open_edit(app, pilot)
            dialog.query_one("#edit-when", Input).value = "whenever-secret"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
            error = str(dialog.query_one("#form-error", Static).render())
            assert "not a date or time" in error and "whenever-secret" not in error
        assert Store.open(data_dir).moods() == [fill(data_dir).moods()[0]]


class TestTwoWindows:
    async def test_an_edit_of_an_entry_deleted_in_the_other_window(self, data_dir: Path) -> None:
        """A edits the mood while B moves it to the trash: A's save says so kindly and keeps
        every word typed; saving again brings it back with A's changes."""
        fill(data_dir, MOOD)
        first, second = create_app(data_dir), create_app(data_dir)
        async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
            await open_detail(first, one)
            dialog = await open_edit(first, one)
            dialog.query_one("#edit-note", TextArea).text = "written while it went"
            await open_detail(second, two)
            await two.press("d")
            await two.pause()
            assert isinstance(second.screen, ConfirmDelete)
            await two.press("enter")
            await two.pause()
            assert Store.open(data_dir).moods() == []
            await one.press("ctrl+s")
            await one.pause()
            assert first.screen is dialog
            error = str(dialog.query_one("#form-error", Static).render())
            assert error.startswith("This entry was moved to the trash in another window.")
            assert dialog.query_one("#edit-note", TextArea).text == "written while it went"
            await one.press("ctrl+s")
            await one.pause()
            assert isinstance(first.screen, RecordDetailScreen)
        [mood] = Store.open(data_dir).moods()
        assert mood.note == "written while it went" and Store.open(data_dir).trash() == []


class TestDeleteAndUndo:
    async def test_delete_asks_moves_to_the_trash_and_u_brings_it_back(
        self, data_dir: Path
    ) -> None:
        fill(data_dir, MOOD, SLIP)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await open_detail(app, pilot)
            await pilot.press("d")
            await pilot.pause()
            await pilot.press("escape")  # "Keep it"
            await pilot.pause()
            assert isinstance(app.screen, RecordDetailScreen)
            assert len(Store.open(data_dir).moods()) == 1
            await pilot.press("d", "enter")
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert "In the trash for 30 days. u brings it back." in toasts(app)
            assert column(app.screen, "kind") == ["Contact, they reached out"]
            await pilot.press("u")
            await settle(pilot)
            assert column(app.screen, "kind") == ["Mood log", "Contact, they reached out"]
            assert "is back in your history" in toasts(app)
        assert Store.open(data_dir).moods() == [MOOD.stamped(NOW)]

    async def test_the_mouse_does_it_all_too(self, data_dir: Path) -> None:
        """Edit and Move to trash are buttons on the page, and the dialog's answers take a
        click; in the trash a click on an entry brings it back."""
        fill(data_dir, MOOD, SLIP)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            detail = await open_detail(app, pilot)
            await pilot.click("#detail-edit")
            await pilot.pause()
            assert isinstance(app.screen, EditEntryDialog)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is detail
            await pilot.click("#detail-delete")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDelete)
            await pilot.click("#delete-yes")
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert column(app.screen, "kind") == ["Contact, they reached out"]
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, TrashScreen)
            await pilot.click("#trash-list", offset=(4, 1))
            await pilot.pause()
            assert app.screen.has_class("-empty")
        assert [mood.id for mood in Store.open(data_dir).moods()] == [MOOD.id]

    async def test_undo_on_home_brings_the_count_back(self, data_dir: Path) -> None:
        """A contact logged by mistake: one key, and home counts the run unbroken again."""
        store = fill(data_dir)
        store.set_no_contact_start(NOW.date() - timedelta(days=20))
        store.add_slip(Slip(at=NOW - timedelta(hours=1), note="by mistake"))
        store.set_setting("milestones_seen", read_tracker(store, NOW.date()).marked_with_new([]))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            panel = app.screen.query_one(TrackerPanel)
            assert "Day 0" in str(panel.query_one("#tracker-current", Static).render())
            await pilot.press("u")
            await pilot.pause()
            assert "Day 20" in str(panel.query_one("#tracker-current", Static).render())
            assert "Undone: the contact from today at 19:15 is in the trash now." in toasts(app)
        assert Store.open(data_dir).slips() == []

    async def test_the_trash_brings_an_entry_back(self, data_dir: Path) -> None:
        store = fill(data_dir, MOOD, SLIP)
        store.delete("moods", MOOD.id)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("h")
            await settle(pilot)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, TrashScreen)
            assert app.screen.query_one(OptionList).option_count == 1
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.has_class("-empty")
            assert "Back in your history: the mood of 5" in toasts(app)
            assert len(Store.open(data_dir).moods()) == 1
            await pilot.press("u")  # undoes the bringing back
            await pilot.pause()
            assert app.screen.query_one(OptionList).option_count == 1
        assert Store.open(data_dir).moods() == []

    async def test_u_does_nothing_in_a_stage_or_a_form(self, data_dir: Path) -> None:
        fill(data_dir, MOOD)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m")  # the mood log, a form
            await pilot.pause()
            await pilot.press("u")
            await pilot.pause()
        assert len(Store.open(data_dir).moods()) == 1


class Host(App[None]):
    """One screen over a store, as the coach opens it."""

    def __init__(self, make: Callable[[Store], object], store: Store) -> None:
        super().__init__()
        self.make = make
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(self.make(self.store))  # type: ignore[arg-type]


def detail(record: Entry) -> Callable[[Store], RecordDetailScreen]:
    return lambda store: RecordDetailScreen(record, load_stages(), load_moods(), NOW.date(), store)


class TestLooks:
    def test_the_detail_page_with_its_actions(self, snap_compare, data_dir: Path) -> None:
        """A mood in full, with Edit, Move to trash and its id in a bar above the footer."""
        store = fill(data_dir, MOOD)
        assert snap_compare(Host(detail(MOOD), store), terminal_size=SIZE)

    def test_the_detail_page_at_80_by_24(self, snap_compare, data_dir: Path) -> None:
        store = fill(data_dir, SLIP)
        assert snap_compare(Host(detail(SLIP), store), terminal_size=(80, 24))

    def test_the_edit_dialog(self, snap_compare, data_dir: Path) -> None:
        """Contact being put right: its fields as saved, the mood not set, what a save changes."""
        store = fill(data_dir, SLIP)

        async def run_before(pilot: Pilot[None]) -> None:
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            dialog = pilot.app.screen
            dialog.query_one("#edit-when", Input).cursor_blink = False
            dialog.query_one("#edit-feeling", Input).value = "shaky, then calm"
            await pilot.pause()

        assert snap_compare(Host(detail(SLIP), store), terminal_size=SIZE, run_before=run_before)

    def test_the_edit_dialog_at_80_by_24(self, snap_compare, data_dir: Path) -> None:
        store = fill(data_dir, MOOD)

        async def run_before(pilot: Pilot[None]) -> None:
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            pilot.app.screen.query_one("#edit-when", Input).cursor_blink = False

        assert snap_compare(
            Host(detail(MOOD), store), terminal_size=(80, 24), run_before=run_before
        )

    def test_the_trash(self, snap_compare, data_dir: Path) -> None:
        """Two entries deleted, the latest first, each with a few words and its days left."""
        store = fill(data_dir, MOOD, SLIP)
        store.delete("slips", SLIP.id)
        store.delete("moods", MOOD.id)
        assert snap_compare(Host(TrashScreen, store), terminal_size=SIZE)

    def test_the_trash_at_80_by_24(self, snap_compare, data_dir: Path) -> None:
        store = fill(data_dir, MOOD, SLIP)
        store.delete("slips", SLIP.id)
        assert snap_compare(Host(TrashScreen, store), terminal_size=(80, 24))
