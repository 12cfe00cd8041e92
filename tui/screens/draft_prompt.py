"""Asks what to do with a stage left half way: carry on, start fresh, or let it go.

It opens before any field of the stage has focus, so nothing typed in the meantime can
land in an empty page. Letters do nothing here (someone may still be typing); enter
takes the focused button, and escape goes back without touching the draft.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from tui.clock import today
from tui.date_words import long_moment
from tui.screens.dialog import Dialog
from tui.store.records import Draft


class DraftChoice(Enum):
    """What the person chose to do with a draft."""

    CARRY_ON = "carry-on"
    """Back to the step they left, with every field as it was."""
    FRESH = "fresh"
    """An empty page; the draft stays, offered again another time."""
    LET_GO = "let-go"
    """The draft is deleted."""
    BACK = "back"
    """Not now: the stage closes and the draft is left as it is."""


class DraftPrompt(Dialog[DraftChoice]):
    """The offer of a draft when its stage opens again."""

    dialog_title = "You were part way through"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('back')", "Back (the draft stays)"),
        Binding("left,up", "app.focus_previous", "Previous choice", show=False),
        Binding("right,down", "app.focus_next", "Next choice", show=False),
    ]

    DEFAULT_CSS = """
    DraftPrompt {
        & > #dialog { width: 64; padding: 1 2 0 2; }
        #draft-text { margin-bottom: 1; }
    }
    """

    def __init__(self, draft: Draft, stage_title: str) -> None:
        super().__init__()
        self.draft = draft
        self.stage_title = stage_title

    def compose_body(self) -> ComposeResult:
        when = self.draft.updated_at
        yield Static(
            f"You began “{self.stage_title}” and left it on {long_moment(when, today())}. "
            "What you wrote is kept.\n\n"
            "Carry on where you were, start again on an empty page (this draft stays for "
            "another time), or let it go.",
            id="draft-text",
        )

    def buttons(self) -> list[Button]:
        return [
            Button("Carry on", id=DraftChoice.CARRY_ON.value),
            Button("Start fresh", id=DraftChoice.FRESH.value),
            Button("Let it go", id=DraftChoice.LET_GO.value),
        ]

    def on_mount(self) -> None:
        self.query_one(f"#{DraftChoice.CARRY_ON.value}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(DraftChoice(event.button.id))

    def action_choose(self, choice: str) -> None:
        """Close with the person's choice."""
        self.dismiss(DraftChoice(choice))
