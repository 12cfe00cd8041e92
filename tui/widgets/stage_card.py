"""One stage on the home screen: its number, title, summary and progress; click to open."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Static

NUMBER_WIDTH = 3
"""Columns for the stage number; the title, summary and progress hang beside it."""


class StageCard(Static, can_focus=True):
    """A stage to open by click, or by enter when it has focus."""

    # One widget drawing its own lines, not a number and three texts in a container:
    # home has five of these and paints noticeably sooner this way.

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "choose", "Open this stage", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "stage-card--number",
        "stage-card--title",
        "stage-card--summary",
        "stage-card--progress",
    }

    DEFAULT_CSS = """
    StageCard {
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        pointer: pointer;

        & > .stage-card--number { color: $accent; text-style: bold; }
        & > .stage-card--title { text-style: bold; }
        & > .stage-card--summary { color: $text-muted; }
        & > .stage-card--progress { color: $text-muted; text-style: italic; }

        &:hover { background: $boost; }
        &:focus {
            background: $primary 20%;
            & > .stage-card--title { color: $text-primary; }
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
        self.progress = ""

    def card_lines(self, width: int) -> list[Content]:
        """The card's lines at `width`: the number, then title, summary and progress beside it."""
        style = self.get_visual_style
        body_width = max(1, width - NUMBER_WIDTH)
        body = [
            *Content.styled(self.stage_title, style("stage-card--title")).wrap(body_width),
            *Content.styled(self.summary, style("stage-card--summary")).wrap(body_width),
            *Content.styled(self.progress, style("stage-card--progress")).wrap(body_width),
        ]
        number = Content.styled(str(self.number), style("stage-card--number")).pad_right(
            NUMBER_WIDTH - len(str(self.number))
        )
        gap = Content(" " * NUMBER_WIDTH)
        return [(number if index == 0 else gap) + line for index, line in enumerate(body)]

    def render(self) -> Content:
        return Content("\n").join(self.card_lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.card_lines(width))

    def show_progress(self, text: str) -> None:
        """Say how much has been done in this stage."""
        self.progress = text
        self.refresh(layout=True)

    def action_choose(self) -> None:
        """Open this stage."""
        self.post_message(self.Chosen(self, self.number))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_choose()
