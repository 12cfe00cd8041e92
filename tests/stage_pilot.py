"""Driving a stage as a person would: open it from home, and put text in a field."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.screens.stage import StageScreen


async def write(pilot: Pilot[Any], text: str) -> None:
    """Put text into the focused field at once, as a paste would (quicker than keys)."""
    focused = pilot.app.focused
    if isinstance(focused, TextArea):
        focused.insert(text)
    else:
        assert isinstance(focused, Input), f"{focused} is not a text field"
        focused.insert_text_at_cursor(text)
    await pilot.pause()


async def open_stage(pilot: Pilot[Any], number: int) -> StageScreen:
    """Press the stage's number on home; the stage that opens."""
    await pilot.press(str(number))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StageScreen) and screen.stage.number == number
    return screen
