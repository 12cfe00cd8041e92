"""Every entry of the command palette, in our own words.

Textual's own entries mean nothing to someone here ("Keys", "Maximize") or would do harm
(its screenshot writes the whole screen, private words and all, to ~/Downloads): none is
offered; its theme and quit are said again plainly.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any, Protocol

from textual.app import App, SystemCommand

from tui.commands.care import care_commands
from tui.commands.vault import vault_commands
from tui.content.stages import load_stages
from tui.store.store import Store


class Coach(Protocol):
    """What the palette asks of the app, named here so that this layer never imports it."""

    def action_go_home(self) -> bool: ...
    def action_open_stage(self, number: int) -> None: ...
    def action_review(self) -> None: ...
    def action_mood_log(self) -> None: ...
    def action_help(self) -> None: ...
    def action_open_trash(self) -> None: ...
    def action_undo(self) -> None: ...
    def action_settings(self) -> None: ...
    def action_toggle_blank(self) -> None: ...


def palette_commands(app: App[Any], coach: Coach, store: Store) -> Iterable[SystemCommand]:
    """The palette's entries: home, the stages, review, the trash and undo, the care commands,
    colours, quit.

    `coach` is the app again, seen through the actions the palette needs.
    """
    yield SystemCommand("Home", "The five stages and how you are doing", coach.action_go_home)
    for number, stage in load_stages().items():
        yield SystemCommand(
            f"Stage {number}: {stage.title}",
            stage.summary,
            partial(coach.action_open_stage, number),
        )
    yield SystemCommand(
        "History and review", "Your moods and sessions over time", coach.action_review
    )
    yield SystemCommand(
        "Log mood", "A quick mood log, with a note if you like", coach.action_mood_log
    )
    yield SystemCommand("Trash", "What you deleted in the last 30 days", coach.action_open_trash)
    yield SystemCommand("Undo", "Undo the last change to an entry", coach.action_undo)
    yield SystemCommand("Help", "Every key, and how this works", coach.action_help)
    yield SystemCommand(
        "Settings",
        "Where you are, quiet mode, colours, check-in time, the prompt",
        coach.action_settings,
    )
    yield from care_commands(app, store, coach.action_toggle_blank)
    yield from vault_commands(app, store)
    yield SystemCommand("Colours", "Choose the colours the app uses", app.action_change_theme)
    yield SystemCommand("Quit", "Close the app; everything saved stays saved", app.action_quit)
