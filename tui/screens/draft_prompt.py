"""Asks whether to carry on with a stage left half way or to start it fresh."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.store.records import Draft


class DraftPrompt(ModalScreen[bool]):
    """Continue a draft (True) or start fresh (False); the draft is kept either way."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "choose(True)", "Continue where I left off"),
        Binding("f", "choose(False)", "Start fresh"),
        Binding("escape", "choose(True)", "Continue where I left off", show=False),
    ]

    DEFAULT_CSS = """
    DraftPrompt {
        align: center middle;
        & > Vertical {
            width: 60;
            height: auto;
            padding: 1 2;
            border: round $primary;
            background: $surface;
        }
        #draft-title { text-style: bold; }
        #draft-text { margin: 1 0; }
        Horizontal { height: auto; align-horizontal: right; }
        Button { margin-left: 1; }
    }
    """

    def __init__(self, draft: Draft, stage_title: str) -> None:
        super().__init__()
        self.draft = draft
        self.stage_title = stage_title

    def compose(self) -> ComposeResult:
        when = self.draft.updated_at
        with Vertical():
            yield Static("You were part way through", id="draft-title")
            yield Static(
                f"You started “{self.stage_title}” and left it on "
                f"{when:%A %-d %B at %H:%M}. Everything you wrote then is kept. "
                "Carry on from there, or begin again with an empty page?",
                id="draft-text",
            )
            with Horizontal():
                yield Button("Start fresh", id="draft-fresh")
                yield Button("Continue", id="draft-continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#draft-continue", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "draft-continue")

    def action_choose(self, keep: bool) -> None:
        """Close with the person's choice."""
        self.dismiss(keep)
