"""Each stage walked from home to a saved session, read back from disk by a fresh Store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stage_pilot import open_stage, write
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui.app import NoContactApp
from tui.screens.draft_prompt import DraftPrompt
from tui.screens.home import HomeScreen
from tui.screens.stage import StageScreen
from tui.screens.stage3_urges import UrgeCheckIn
from tui.store.records import Draft, Session
from tui.store.store import Store, StoreError
from tui.widgets.urge_timer import UrgeTimer

SIZE = (100, 32)


class CoachApp(NoContactApp):
    """The real app, remembering every notification it showed."""

    def __init__(self, store: Store, initial_stage: int | None = None) -> None:
        super().__init__(store=store, initial_stage=initial_stage)
        self.shown: list[str] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        self.shown.append(message)
        super().notify(message, **options)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type letters and spaces as a person would."""
    await pilot.press(*("space" if character == " " else character for character in text))


async def until(pilot: Pilot[Any], ready: Callable[[], bool], what: str) -> None:
    """Wait up to 5 s for what a worker does (the timer's check-in opens and is read back in
    one): a lone pause judges idleness by CPU time, so on a busy machine it can return first."""
    for _ in range(100):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"{what} did not happen within 5 s")


async def next_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()


async def save_and_return(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HomeScreen)
    assert isinstance(pilot.app, CoachApp) and "Saved" in pilot.app.shown


def only_session(data_dir: Path, stage: int) -> Session:
    sessions = Store.open(data_dir).sessions(stage=stage)
    assert len(sessions) == 1
    return sessions[0]


async def test_stage1_walked_from_home_is_saved_with_both_moods(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 1)
        assert app.focused is screen.fields["mood_before"]
        await pilot.press("3", "tab")
        assert app.focused is screen.fields["loved_before"]
        await type_text(pilot, "swim")
        await next_step(pilot)
        assert screen.query_one("#stage-progress", Static).content.startswith("Step 2 of 4")
        await pilot.press("enter", "tab")
        await type_text(pilot, "guitar")
        await pilot.press("tab")
        await type_text(pilot, "saturday")
        assert "Saturday 28 November 2026" in str(screen.query_one("#date-shown", Static).content)
        await next_step(pilot)
        await type_text(pilot, "quiet")
        await next_step(pilot)
        written = str(screen.fields["plan"].content)
        assert "guitar, on Saturday 28 November." in written
        assert "swim" in written and "quiet" in written
        assert app.focused is screen.fields["mood_after"]
        await pilot.press("7")
        await save_and_return(pilot)
    session = only_session(data_dir, 1)
    assert (session.mood_before, session.mood_after) == (3, 7)
    assert session.answers == {
        "loved_before": "swim",
        "pick_kind": "Something to start again",
        "pick_what": "guitar",
        "pick_day": "2026-11-28",
        "own_voice": "quiet",
    }


async def test_stage2_names_feelings_skips_breathing_and_saves(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 2)
        assert app.focused is screen.fields["mood_before"]
        await pilot.press("4", "tab", "3", "down", "5")
        await next_step(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert "Skipped" in str(screen.query_one("#pacer-count", Static).content)
        await next_step(pilot)
        assert app.focused is screen.fields["what_is"]
        await write(pilot, "we are apart")
        await pilot.press("tab")
        await write(pilot, "that they call")
        await next_step(pilot)
        await write(pilot, "it is over")
        await pilot.press("tab", "6")
        await save_and_return(pilot)
    session = only_session(data_dir, 2)
    assert (session.mood_before, session.mood_after) == (4, 6)
    assert session.answers["emotions"] == {"sad": 3, "heartbroken": 5}
    assert session.answers["breathing"] == {"rounds": 0, "finished": True, "skipped": True}
    assert session.answers["what_is"] == "we are apart"
    assert session.answers["wishing"] == "that they call"
    assert session.answers["accept_today"] == "it is over"


async def test_stage3_rides_an_urge_out_and_records_it(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set_setting("reasons", "I want my evenings back")
    app = CoachApp(store=store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 3)
        assert app.focused is screen.fields["mood_before"]
        await pilot.press("2", "tab", "8")
        await next_step(pilot)
        assert "I want my evenings back" in str(screen.fields["reasons"].content)
        await write(pilot, "i miss you")
        await next_step(pilot)
        await write(pilot, "company")
        await pilot.press("tab", "enter")
        await next_step(pilot)
        timer = screen.query_one(UrgeTimer)
        timer.live = False  # time moves only when the test says
        await pilot.press("enter")
        assert timer.running
        timer.advance(180)
        await until(pilot, lambda: isinstance(app.screen, UrgeCheckIn), "the check-in")
        await pilot.press("6", "enter")
        await until(pilot, lambda: timer.last_strength == 6, "the check-in's 6")
        assert timer.running and app.screen is screen
        timer.advance(600)
        await until(pilot, lambda: isinstance(app.screen, UrgeCheckIn), "the last check-in")
        await pilot.press("3", "enter")
        await until(pilot, lambda: timer.last_strength == 3, "the last check-in's 3")
        assert "Time is up" in str(screen.query_one("#timer-clock", Static).content)
        await next_step(pilot)
        await write(pilot, "call sam")
        await pilot.press("tab", "5")
        await save_and_return(pilot)
    session = only_session(data_dir, 3)
    assert (session.mood_before, session.mood_after) == (2, 5)
    assert session.answers["urge_strength"] == 8
    assert session.answers["would_say"] == "i miss you"
    assert session.answers["need_or_want"] == "A need"
    assert [c["strength"] for c in session.answers["urge_timer"]["checkins"]] == [6, 3]
    assert session.answers["urge_timer"]["finished"] is True
    urges = Store.open(data_dir).urges()
    assert [(u.strength, u.note, u.acted, u.source) for u in urges] == [
        (3, "company", False, "session")
    ]


async def test_stage4_writes_the_boundaries_card(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 4)
        assert app.focused is screen.fields["mood_before"]
        await pilot.press("4", "tab")
        await write(pilot, "time to heal")
        await next_step(pilot)
        await write(pilot, "late messages")
        await pilot.press("tab")
        await write(pilot, "no replies")
        await next_step(pilot)
        await pilot.press("space", "down", "down", "space")
        await next_step(pilot)
        card = str(screen.fields["card"].content)
        assert "I need: time to heal" in card and "archived" not in card
        assert "done so far: muted their messages and calls; unfollowed" in card.lower()
        await pilot.press("7")
        await save_and_return(pilot)
    session = only_session(data_dir, 4)
    assert (session.mood_before, session.mood_after) == (4, 7)
    card_saved = Store.open(data_dir).setting("boundaries_card")
    assert card_saved == {
        "need": "time to heal",
        "wont_accept": "late messages",
        "line": "no replies",
        "checklist": [
            "Muted their messages and calls",
            "Unfollowed or muted them on social media",
        ],
        "saved_at": "2026-11-23T20:15:00+00:00",
    }


async def test_an_empty_save_keeps_the_old_card_and_counts_no_urge(data_dir: Path) -> None:
    store = Store.open(data_dir)
    card = {"need": "quiet", "wont_accept": "", "line": "", "checklist": [], "saved_at": "x"}
    store.set_setting("boundaries_card", card)
    app = CoachApp(store=store)
    async with app.run_test(size=SIZE) as pilot:
        for number in (4, 3):
            await open_stage(pilot, number)
            await save_and_return(pilot)
    fresh = Store.open(data_dir)
    assert len(fresh.sessions()) == 2
    assert fresh.setting("boundaries_card") == card
    assert fresh.urges() == []


async def test_stage5_files_a_letter_for_its_day(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 5)
        assert app.focused is screen.fields["mood_before"]
        await pilot.press("5", "tab")
        await write(pilot, "i can be alone")
        await next_step(pilot)
        await write(pilot, "i asked for help")
        await next_step(pilot)
        await write(pilot, "dear me")
        await next_step(pilot)
        await pilot.press("8")
        await pilot.click("#stage-save")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not isinstance(screen, HomeScreen)
    session = only_session(data_dir, 5)
    assert (session.mood_before, session.mood_after) == (5, 8)
    assert session.answers["open_on"] == "2026-12-23"
    letters = Store.open(data_dir).setting("letters")
    assert letters == [
        {
            "session_id": session.id,
            "written_at": "2026-11-23T20:15:00+00:00",
            "open_on": "2026-12-23",
            "text": "dear me",
        }
    ]


async def test_stage5_refuses_a_letter_dated_in_the_past(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir), initial_stage=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        screen.fields["letter"].text = "dear me"  # type: ignore[attr-defined]
        screen.fields["open_on"].query_one(Input).value = "2026-11-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.step_index == 2
        assert app.focused is screen.fields["open_on"].query_one(Input)
        assert "A day in the future is needed" in str(
            screen.query_one("#date-shown", Static).content
        )
    assert Store.open(data_dir).sessions() == []


async def test_ctrl_s_half_way_saves_what_is_there(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir), initial_stage=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab")
        await write(pilot, "drawing")
        await save_and_return(pilot)
    session = only_session(data_dir, 1)
    assert (session.mood_before, session.mood_after) == (2, None)
    assert session.answers == {"loved_before": "drawing"}


async def test_escape_keeps_a_draft_that_reopening_offers(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 1)
        await pilot.press("2", "tab")
        await write(pilot, "drawing")
        await next_step(pilot)
        await pilot.press("tab")
        await write(pilot, "pottery")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        draft = Store.open(data_dir).draft(1)
        assert draft is not None and draft.mood_before == 2
        assert draft.answers == {"loved_before": "drawing", "pick_what": "pottery"}
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DraftPrompt)
        await pilot.press("enter")  # "Carry on" has the focus
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert screen.fields["loved_before"].text == "drawing"  # type: ignore[attr-defined]
        assert screen.fields["pick_what"].value == "pottery"  # type: ignore[attr-defined]
        assert screen.mood("mood_before") == 2
        await save_and_return(pilot)
    assert Store.open(data_dir).draft(1) is None
    assert only_session(data_dir, 1).answers["pick_what"] == "pottery"


async def test_a_draft_brings_back_feelings_choices_and_the_timer(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 2)
        await pilot.press("tab", "4", "down", "2", "escape")
        await pilot.pause()
        screen = await open_stage(pilot, 3)
        await pilot.press("tab", "9")
        await next_step(pilot)
        await next_step(pilot)
        await pilot.press("tab", "down", "enter")
        await next_step(pilot)
        timer = screen.query_one(UrgeTimer)
        timer.live = False
        await pilot.press("enter")
        timer.advance(100)
        await pilot.press("escape")
        await pilot.pause()
        for number in (2, 3):
            await pilot.press(str(number))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StageScreen)
            if number == 2:
                assert screen.answers() == {"emotions": {"sad": 4, "heartbroken": 2}}
            else:
                answers = screen.answers()
                assert answers["urge_strength"] == 9 and answers["need_or_want"] == "A want"
                assert answers["urge_timer"]["seconds_ridden"] == 100
                assert "8:20 left (paused)" in str(screen.query_one("#timer-clock", Static).content)
            await pilot.press("escape")
            await pilot.pause()


async def test_starting_fresh_leaves_the_page_empty(data_dir: Path) -> None:
    store = Store.open(data_dir)
    app = CoachApp(store=store, initial_stage=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "3", "escape")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.click("#fresh")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert screen.answers() == {}
        assert app.focused is screen.fields["mood_before"]


async def test_escape_with_nothing_written_keeps_no_draft(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir), initial_stage=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert "not written down why you started" in str(screen.fields["reasons"].content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Store.open(data_dir).draft(3) is None


async def test_a_day_that_does_not_exist_is_not_saved(data_dir: Path) -> None:
    app = CoachApp(store=Store.open(data_dir), initial_stage=1)
    async with app.run_test(size=SIZE) as pilot:
        await next_step(pilot)
        await pilot.press("tab", "tab")
        await write(pilot, "2026-02-30")
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert "not a day on the calendar" in str(screen.query_one("#date-shown", Static).content)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    assert Store.open(data_dir).sessions() == []


class FullDiskStore(Store):
    """A store whose disk is full: every session save fails as the real one would report."""

    def add(self, record: Any) -> Any:
        raise StoreError("Not saved: the disk is full.")


async def test_a_failed_save_says_so_and_keeps_everything(data_dir: Path) -> None:
    app = CoachApp(store=FullDiskStore.open(data_dir), initial_stage=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        await write(pilot, "still here")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert "Not saved: the disk is full." in app.shown and "Saved" not in app.shown
        assert screen.fields["lessons"].text == "still here"  # type: ignore[attr-defined]
    assert Store.open(data_dir).sessions() == []


async def still_cursor(pilot: Pilot[Any]) -> None:
    """Stop the focused field's cursor blinking, so the picture is the same every run."""
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()  # the footer redraws its keys a moment after focus moves


def stage_app(data_dir: Path, number: int) -> NoContactApp:
    return NoContactApp(store=Store.open(data_dir), initial_stage=number)


class TestStageLooks:
    """Each stage as it opens and at a later step, at 100x32."""

    def test_stage1_opening(self, snap_compare: Any, data_dir: Path) -> None:
        """Stage 1 opens on step 1 of 4: the mood slider in focus, then things loved."""
        assert snap_compare(stage_app(data_dir, 1), terminal_size=SIZE, run_before=still_cursor)

    def test_stage1_a_day_chosen(self, snap_compare: Any, data_dir: Path) -> None:
        """Step 2: restarting the guitar on saturday, shown back as Saturday 28 November."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await next_step(pilot)
            await pilot.press("enter", "tab")
            await write(pilot, "The guitar in the cupboard")
            await pilot.press("tab")
            await write(pilot, "saturday")
            await still_cursor(pilot)

        assert snap_compare(stage_app(data_dir, 1), terminal_size=SIZE, run_before=run_before)

    def test_stage2_opening(self, snap_compare: Any, data_dir: Path) -> None:
        """Stage 2 opens with the mood slider and the feelings grid, nothing picked yet."""
        assert snap_compare(stage_app(data_dir, 2), terminal_size=SIZE, run_before=still_cursor)

    def test_stage2_what_is_beside_what_i_wish(self, snap_compare: Any, data_dir: Path) -> None:
        """Step 3: two text areas side by side, both written in."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await next_step(pilot)
            await next_step(pilot)
            await write(pilot, "We are not together. They moved out in October.")
            await pilot.press("tab")
            await write(pilot, "That they would write and say it was all a mistake.")
            await still_cursor(pilot)

        assert snap_compare(stage_app(data_dir, 2), terminal_size=SIZE, run_before=run_before)

    def test_stage3_opening(self, snap_compare: Any, data_dir: Path) -> None:
        """Stage 3 opens with the mood and the urge's strength, each with its own words."""
        assert snap_compare(stage_app(data_dir, 3), terminal_size=SIZE, run_before=still_cursor)

    def test_stage3_timer_after_a_check_in(self, snap_compare: Any, data_dir: Path) -> None:
        """Step 4: the urge timer paused at 6:40 left, after one check-in at strength 6."""

        async def run_before(pilot: Pilot[Any]) -> None:
            for _ in range(3):
                await next_step(pilot)
            timer = pilot.app.screen.query_one(UrgeTimer)
            timer.live = False  # time moves only when the test says
            await pilot.press("enter")
            timer.advance(180)
            await pilot.pause()
            await pilot.press("6", "enter")
            await pilot.pause()
            timer.advance(20)
            await pilot.press("p")
            while any(w.group == "helped" and w.is_running for w in pilot.app.workers):
                await pilot.pause(0.01)  # what has helped, read beside the timer
            await pilot.pause()

        assert snap_compare(stage_app(data_dir, 3), terminal_size=SIZE, run_before=run_before)

    def test_stage4_opening(self, snap_compare: Any, data_dir: Path) -> None:
        """Stage 4 opens with the mood and what I need."""
        assert snap_compare(stage_app(data_dir, 4), terminal_size=SIZE, run_before=still_cursor)

    def test_stage4_the_card(self, snap_compare: Any, data_dir: Path) -> None:
        """The last step shows the boundaries card as home will, with the mood after."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await pilot.press("tab")
            await write(pilot, "Time and quiet to heal, without hearing from them.")
            await next_step(pilot)
            await write(pilot, "Messages late at night.")
            await pilot.press("tab")
            await write(pilot, "I answer about the flat by email, and nothing else.")
            await next_step(pilot)
            await pilot.press("space", "down", "space")
            await next_step(pilot)

        assert snap_compare(stage_app(data_dir, 4), terminal_size=SIZE, run_before=run_before)

    def test_stage5_opening(self, snap_compare: Any, data_dir: Path) -> None:
        """Stage 5 opens with the mood and the lessons taken."""
        assert snap_compare(stage_app(data_dir, 5), terminal_size=SIZE, run_before=still_cursor)

    def test_stage5_the_letter(self, snap_compare: Any, data_dir: Path) -> None:
        """Step 3: a letter to future me, opening 30 days on, on Wednesday 23 December."""

        async def run_before(pilot: Pilot[Any]) -> None:
            await next_step(pilot)
            await next_step(pilot)
            await write(pilot, "Dear me,\nI hope the evenings are easier now.\nYou did this.")
            await still_cursor(pilot)

        assert snap_compare(stage_app(data_dir, 5), terminal_size=SIZE, run_before=run_before)

    def test_the_draft_offer(self, snap_compare: Any, data_dir: Path) -> None:
        """Reopening a stage left half way offers to continue or to start fresh."""
        store = Store.open(data_dir)
        started = datetime(2026, 11, 22, 21, 40, tzinfo=UTC)
        store.save_draft(Draft(1, started, started, 3, {"loved_before": "Swimming early"}))
        assert snap_compare(stage_app(data_dir, 1), terminal_size=SIZE, run_before=still_cursor)


async def test_a_session_saved_at_a_low_mood_offers_support_without_blocking(
    data_dir: Path,
) -> None:
    """Mood 1 at the start of a stage, then ctrl+s: saved, home shown, support offered."""
    app = CoachApp(Store.open(data_dir))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_stage(pilot, 1)
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("press F2" in message for message in app.shown), app.shown
    saved = Store.open(data_dir).sessions()
    assert [session.mood_before for session in saved] == [1]
