"""Nothing unsaid is recorded: a slider nobody moved saves no number, in every stage and form."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Static

from tui.app import NoContactApp
from tui.content.tracker import load_tracker_text
from tui.screens.home import HomeScreen
from tui.screens.mood_log import MoodLogScreen
from tui.screens.stage import StageScreen
from tui.screens.stage3_urges import UrgeCheckIn
from tui.screens.tracker_actions import STRENGTH_NEEDED, UrgeForm
from tui.store.store import Store
from tui.widgets.mood_slider import NOT_SET, MoodSlider
from tui.widgets.urge_timer import UrgeTimer

SIZE = (100, 32)


def sessions_on_disk(data_dir: Path) -> list[dict]:
    """Every session as the JSON on disk holds it."""
    found: list[dict] = []
    for path in sorted((data_dir / "sessions").glob("*.json")):
        found.extend(json.loads(path.read_text())["_default"].values())
    return found


async def test_every_stage_saves_null_for_sliders_never_moved(data_dir: Path) -> None:
    """Each stage walked to its last step and saved untouched: both moods are null on disk.

    Stage 3's urge strength is not in the answers either, and no urge is counted.
    """
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        for number in range(1, 6):
            await pilot.press(str(number))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StageScreen)
            sliders = list(screen.query(MoodSlider))
            assert sliders and all(NOT_SET in slider.render().plain for slider in sliders)
            for _ in screen.stage.steps:
                await pilot.press("ctrl+n")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), number
    saved = sessions_on_disk(data_dir)
    assert sorted(session["stage"] for session in saved) == [1, 2, 3, 4, 5]
    for session in saved:
        assert session["mood_before"] is None and session["mood_after"] is None, session
        assert "urge_strength" not in session["answers"]
    assert Store.open(data_dir).urges() == []


async def test_a_slider_set_then_cleared_is_not_set_again(data_dir: Path) -> None:
    """Backspace puts a slider back to "not set", and then nothing is saved for it."""
    app = NoContactApp(Store.open(data_dir), initial_stage=4)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("6", "backspace", "ctrl+s")
        await pilot.pause()
    assert [session["mood_before"] for session in sessions_on_disk(data_dir)] == [None]


async def test_the_mood_log_waits_for_a_mood(data_dir: Path) -> None:
    """Without a mood, Save is unavailable and says why; enter does not save; a digit does it."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, MoodLogScreen)
        assert log.query_one("#save", Button).disabled
        assert "Save waits" in str(log.query_one("#mood-hint", Static).render())
        await pilot.press("tab", *"no number yet", "enter", "ctrl+s")
        await pilot.pause()
        assert app.screen is log and isinstance(app.focused, MoodSlider)
        assert not (data_dir / "moods").exists()
        await pilot.press("2")
        assert not log.query_one("#save", Button).disabled
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [saved] = Store.open(data_dir).moods()
    assert (saved.mood, saved.note) == (2, "no number yet")


async def test_an_urge_needs_its_strength_to_be_given(data_dir: Path) -> None:
    """The urge form saves no made-up strength: it asks for the slider and writes nothing."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UrgeForm(app.store, load_tracker_text()))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, UrgeForm)
        assert STRENGTH_NEEDED in str(app.screen.query_one("#form-error", Static).render())
    assert Store.open(data_dir).urges() == []


async def until(pilot: Pilot[Any], ready: Callable[[], bool], seconds: float = 5) -> None:
    """Wait for what a worker does; a lone pause can return first on a busy machine."""
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await pilot.pause(0.05)
    assert ready(), f"not within {seconds:g} s"


async def test_a_check_in_with_no_strength_given_waits_to_be_moved(data_dir: Path) -> None:
    """Stage 3 with no strength given: the check-in starts not set and enter does nothing."""
    app = NoContactApp(Store.open(data_dir), initial_stage=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(3):
            await pilot.press("ctrl+n")
        await pilot.pause()
        timer = app.screen.query_one(UrgeTimer)
        timer.live = False
        await pilot.press("enter")
        timer.advance(180)
        # The check-in is opened, and its answer read back, by the timer's worker: wait for it.
        await until(pilot, lambda: isinstance(app.screen, UrgeCheckIn))
        check_in = app.screen
        assert check_in.query_one(MoodSlider).value is None
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is check_in
        await pilot.press("4", "enter")
        await until(pilot, lambda: timer.last_strength == 4)
