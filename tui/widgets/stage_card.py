"""One stage on the home screen: its number, title, summary and progress; click to open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static


class StageCard(Widget, can_focus=True):
    """A stage to open by click, or by enter when it has focus."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "choose", "Open this stage", show=False),
    ]

    DEFAULT_CSS = """
    StageCard {
        layout: horizontal;
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        pointer: pointer;

        & > .number { width: 3; color: $accent; text-style: bold; }
        & > Vertical { height: auto; width: 1fr; }
        & .title { text-style: bold; }
        & .summary { color: $text-muted; }
        & .progress { color: $text-muted; text-style: italic; }

        &:hover { background: $boost; }
        &:focus {
            background: $primary 20%;
            & .title { color: $text-primary; }
        }
    }
    """

    @dataclass
    class Chosen(Message):
        """The person asked to open this stage."""

        card: StageCard
        number: int

    def __init__(self, number: int, title: str, summary: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.number = number
        self.stage_title = title
        self.summary = summary

    def compose(self) -> ComposeResult:
        yield Static(str(self.number), classes="number")
        with Vertical():
            yield Static(self.stage_title, classes="title")
            yield Static(self.summary, classes="summary")
            yield Static("", classes="progress")

    def show_progress(self, text: str) -> None:
        """Say how much has been done in this stage."""
        self.query_one(".progress", Static).update(text)

    def action_choose(self) -> None:
        """Open this stage."""
        self.post_message(self.Chosen(self, self.number))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()
