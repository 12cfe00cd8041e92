"""Keeping what a person typed: a draft a second after each change, on leaving, and on quitting.

Stages and dialogs that hold typed words carry a DraftKeeper and mix in KeepsDraft. Each
open screen has its own owner token, so its writes and clean-ups touch only its own draft
(see the Store's draft methods); a second window never deletes what the first is keeping.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.timer import Timer

from tui.store.store import StoreError
from tui.store.validation import ValidationError

S = TypeVar("S")

DRAFT_EVERY = 1.0
"""Seconds between looks for unsaved changes: a crash or a closed terminal loses at most this."""

DRAFT_ERRORS = (StoreError, ValidationError, OSError)
"""What can stop a draft being kept; each comes with a sentence for the person."""


class DraftKeeper(Generic[S]):
    """Keeps one screen's unsaved work on disk as that screen's own draft.

    `state` reads everything the screen holds; `is_blank` says whether that is nothing worth
    keeping (then no draft is kept, and one kept earlier is removed); `write` and `erase`
    go through the Store under the screen's owner token.
    """

    def __init__(
        self,
        title: str,
        state: Callable[[], S],
        is_blank: Callable[[S], bool],
        write: Callable[[S], None],
        erase: Callable[[], None],
    ) -> None:
        self.title = title
        """What the way out calls this work when it was kept ("your page of stage 1")."""
        self.state = state
        self.is_blank = is_blank
        self.write = write
        self.erase = erase
        self.on_disk: S | None = None
        """The state as last written as a draft, None when no draft of this screen is kept."""
        self.quit_refused = False
        """Whether a quit was held back once because this draft could not be kept."""
        self._timer: Timer | None = None
        self._error = ""

    @property
    def kept(self) -> bool:
        """Whether a draft of this screen is on disk now."""
        return self.on_disk is not None

    def start(self, screen: Screen[Any], on_disk: S | None = None) -> None:
        """Look for changes every DRAFT_EVERY seconds from now on; `on_disk` is what is kept."""
        self.on_disk = on_disk
        self._timer = screen.set_interval(DRAFT_EVERY, lambda: self.keep_quietly(screen))

    def keep(self) -> None:
        """Write the screen's state as its draft if it changed; raises one of DRAFT_ERRORS."""
        state = self.state()
        if self.is_blank(state):
            if self.on_disk is not None:
                self.erase()
                self.on_disk = None
        elif state != self.on_disk:
            self.write(state)
            self.on_disk = state

    def keep_quietly(self, screen: Screen[Any]) -> None:
        """keep(), telling the person once (not every second) when it fails."""
        try:
            self.keep()
        except DRAFT_ERRORS as error:
            if str(error) != self._error:
                screen.notify(str(error), title="Draft not kept", severity="error", timeout=12)
            self._error = str(error)
        else:
            self._error = ""

    def forget(self) -> None:
        """The work was saved: stop keeping, and remove this screen's draft (raises on failure)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.on_disk is not None:
            self.erase()
            self.on_disk = None


class KeepsDraft:
    """Mixed into a screen whose typed work is kept by `draft_keeper`."""

    draft_keeper: DraftKeeper[Any] | None
    """None until the screen knows what it holds (a stage waits for the draft offer)."""

    def action_leave(self) -> None:
        """Close, keeping a draft of whatever was typed."""
        raise NotImplementedError


def keep_drafts_before_quit(app: App[Any]) -> tuple[bool, Text | None]:
    """Keep the draft of every open screen holding typed work, before the app quits.

    Returns whether to quit now and the line to print once the app has closed. When a
    draft cannot be kept the person is told and the app stays; a second quit goes anyway.
    """
    kept: list[str] = []
    refused = False
    for screen in app.screen_stack:
        keeper = screen.draft_keeper if isinstance(screen, KeepsDraft) else None
        if keeper is None:
            continue
        try:
            keeper.keep()
        except DRAFT_ERRORS as error:
            if not keeper.quit_refused:
                keeper.quit_refused = refused = True
                app.notify(
                    f"{error} Quit again to close anyway; what is not kept will be lost.",
                    title="Draft not kept",
                    severity="error",
                    timeout=20,
                )
            continue
        if keeper.kept:
            kept.append(keeper.title)
    if refused:
        return False, None
    if not kept:
        return True, None
    return True, Text(f"Kept for next time: {'; '.join(kept)}.")
