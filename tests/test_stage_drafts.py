"""A stage's draft as a person meets it: kept as they type, offered first, never mixed up."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from stage_pilot import open_stage, write
from textual.pilot import Pilot
from textual.widgets import Input, RadioSet, TextArea

from tui.app import NoContactApp
from tui.screens import drafting
from tui.screens.draft_prompt import DraftPrompt
from tui.screens.home import HomeScreen
from tui.screens.mood_log import MoodLogScreen
from tui.screens.stage import StageScreen
from tui.store.records import Draft
from tui.store.store import Store
from tui.widgets.date_field import DateField
from tui.widgets.mood_slider import MoodSlider

SIZE = (100, 32)
KEPT_WITHIN = 10.0
"""Seconds to wait at most for the draft kept "a second after they stop" (DRAFT_EVERY): a
loaded machine can be slow, so this polls rather than sleeps a fixed time."""


async def kept_drafts(pilot: Pilot[Any], data_dir: Path, count: int = 1) -> list[Draft]:
    """The drafts on disk, once there are `count` of them (or the wait has run out)."""
    deadline = time.monotonic() + KEPT_WITHIN
    while True:
        drafts = Store.open(data_dir).drafts()
        if len(drafts) >= count or time.monotonic() > deadline:
            return drafts
        await pilot.pause(0.1)


async def carry_on(pilot: Pilot[Any], number: int) -> StageScreen:
    """Open stage `number`, which offers a draft, and carry on with it."""
    await pilot.press(str(number))
    await pilot.pause()
    assert isinstance(pilot.app.screen, DraftPrompt), "the draft is offered before anything else"
    await pilot.press("enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StageScreen)
    return screen


def field_text(screen: StageScreen, key: str) -> str:
    widget = screen.fields[key]
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, DateField):
        return widget.text
    assert isinstance(widget, Input)
    return widget.value


async def test_ctrl_q_in_a_stage_keeps_every_field_and_both_sliders(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stage 1 filled in on every step, back on step 3, then ctrl+q: reopened, all is there.

    The draft comes back on the step that was left, with both moods and the text, the
    choice, the thing and the day as typed. The draft kept while typing is held off here
    (an hour between looks), so it is ctrl+q itself that keeps the page.
    """
    monkeypatch.setattr(drafting, "DRAFT_EVERY", 3600)
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 1)
        await pilot.press("3", "tab")
        await write(pilot, "Swimming early")
        await pilot.press("ctrl+n", "enter", "tab")
        await write(pilot, "the guitar")
        await pilot.press("tab")
        await write(pilot, "saturday")
        await pilot.press("ctrl+n")
        await write(pilot, "quieter than I thought")
        await pilot.press("ctrl+n", "8", "ctrl+b")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running
    again = NoContactApp(Store.open(data_dir))
    async with again.run_test(size=SIZE) as pilot:
        screen = await carry_on(pilot, 1)
        assert screen.step_index == 2, "back on the step that was left"
        assert (screen.mood("mood_before"), screen.mood("mood_after")) == (3, 8)
        assert field_text(screen, "loved_before") == "Swimming early"
        radio = screen.fields["pick_kind"]
        assert isinstance(radio, RadioSet) and radio.pressed_index == 0
        assert field_text(screen, "pick_what") == "the guitar"
        assert field_text(screen, "pick_day") == "saturday"
        assert field_text(screen, "own_voice") == "quieter than I thought"
        assert again.focused is screen.fields["own_voice"]


async def test_a_draft_is_kept_a_second_after_typing_stops(data_dir: Path) -> None:
    """No key to leave is needed: a moment after the last key the words are on disk."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 5)
        await pilot.press("tab")
        await write(pilot, "I can ask for help")
        [kept] = await kept_drafts(pilot, data_dir)
        assert kept.stage == 5 and kept.answers.get("lessons") == "I can ask for help"
        assert (kept.mood_before, kept.mood_after, kept.owner) == (None, None, screen.owner)


async def test_keys_pressed_as_a_stage_opens_never_land_in_an_empty_page(
    data_dir: Path,
) -> None:
    """Letters typed straight after the stage's key go nowhere until the draft is answered.

    The offer comes first; carrying on brings the draft back exactly, with no stray letters.
    """
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 1)
        await pilot.press("4", "tab")
        await write(pilot, "Drawing")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1", *"hello", "7")
        await pilot.pause()
        assert isinstance(app.screen, DraftPrompt)
        assert Store.open(data_dir).draft(1).answers == {"loved_before": "Drawing"}  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert field_text(screen, "loved_before") == "Drawing"
        assert screen.mood("mood_before") == 4


async def test_escape_on_the_offer_goes_back_and_leaves_the_draft(data_dir: Path) -> None:
    """Escape at the offer closes the stage; the draft is untouched and offered next time."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 4)
        await pilot.press("tab")
        await write(pilot, "evenings to myself")
        await pilot.press("escape")
        before = Store.open(data_dir).draft(4)
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert Store.open(data_dir).draft(4) == before


async def test_letting_a_draft_go_deletes_it(data_dir: Path) -> None:
    """ "Let it go" removes the draft: the page is empty and nothing is offered next time."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 2)
        await pilot.press("5", "escape")
        await pilot.pause()
        assert Store.open(data_dir).draft(2) is not None
        await pilot.press("2")
        await pilot.pause()
        await pilot.click("#let-go")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen) and screen.mood("mood_before") is None
        assert Store.open(data_dir).draft(2) is None
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen), "no offer: nothing was left"


async def test_two_windows_never_delete_each_others_drafts(data_dir: Path) -> None:
    """Two apps on one data dir, both on stage 1: B's save removes only B's draft.

    A types, B opens the stage (offered A's draft), starts fresh, types and saves. A's
    words are still on disk; A's own save then removes A's draft and nothing else.
    """
    window_a = NoContactApp(Store.open(data_dir))
    window_b = NoContactApp(Store.open(data_dir))
    async with window_a.run_test(size=SIZE) as pilot_a, window_b.run_test(size=SIZE) as pilot_b:
        screen_a = await open_stage(pilot_a, 1)
        await pilot_a.press("tab")
        await write(pilot_a, "A's morning swims")
        await kept_drafts(pilot_a, data_dir)
        await pilot_b.press("1")
        await pilot_b.pause()
        assert isinstance(window_b.screen, DraftPrompt)
        await pilot_b.click("#fresh")
        await pilot_b.pause()
        screen_b = window_b.screen
        assert isinstance(screen_b, StageScreen)
        assert field_text(screen_b, "loved_before") == ""
        await pilot_b.press("2", "tab")
        await write(pilot_b, "B's long walks")
        await kept_drafts(pilot_b, data_dir, count=2)
        assert {d.owner for d in Store.open(data_dir).drafts()} == {
            screen_a.owner,
            screen_b.owner,
        }
        await pilot_b.press("ctrl+s")
        await pilot_b.pause()
        assert isinstance(window_b.screen, HomeScreen)
        [left] = Store.open(data_dir).drafts()
        assert (left.owner, left.answers) == (screen_a.owner, {"loved_before": "A's morning swims"})
        await pilot_a.press("ctrl+s")
        await pilot_a.pause()
    fresh = Store.open(data_dir)
    assert fresh.drafts() == []
    assert sorted(s.answers["loved_before"] for s in fresh.sessions()) == [
        "A's morning swims",
        "B's long walks",
    ]


async def test_a_mood_logged_from_a_stage_starts_at_the_stage_slider(data_dir: Path) -> None:
    """m on a stage's slider opens the mood log at the mood just given, ready to save."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 2)
        await pilot.press("3", "m")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, MoodLogScreen)
        assert log.query_one(MoodSlider).value == 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
    assert [mood.mood for mood in Store.open(data_dir).moods()] == [3]


async def test_enter_moves_on_from_a_slider_and_a_line(data_dir: Path) -> None:
    """In a stage, enter on a slider or a one-line field goes on as tab does, to Next at last.

    Enter on Next then shows the next step with its first field ready.
    """
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_stage(pilot, 3)
        await pilot.press("5", "enter")
        assert app.focused is screen.fields["urge_strength"]
        await pilot.press("enter")
        assert app.focused is screen.query_one("#stage-next")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.step_index == 1 and app.focused is screen.fields["would_say"]
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_stage(pilot, 1)
        await pilot.press("ctrl+n", "enter", "tab")
        assert app.focused is screen.fields["pick_what"]
        await pilot.press("enter")
        assert app.focused is screen.fields["pick_day"].query_one(Input)


async def test_a_mood_logged_from_the_palette_in_a_stage_starts_at_its_slider(
    data_dir: Path,
) -> None:
    """The palette's "Log mood" over a stage opens the log where m does: at the stage's mood."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await open_stage(pilot, 2)
        await pilot.press("7", "ctrl+p", *"Log mood", "enter")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, MoodLogScreen)
        assert log.query_one(MoodSlider).value == 7
