"""A few actions as one-line links in one widget: click a line, or move to it and press enter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

MARK = "› "
"""Drawn before each link, so a line reads as something to follow."""


@dataclass(frozen=True)
class Link:
    """One action: the name posted when it is chosen, and the words shown."""

    action: str
    label: str


class ActionLinks(Widget, can_focus=True):
    """Links drawn one per line: a label never wraps or gets cut to fit a button.

    One widget drawing its own lines rather than a button each: home paints sooner, and
    a long label such as "Contact happened" keeps its whole line.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Link above", show=False),
        Binding("down", "move(1)", "Link below", show=False),
        Binding("enter,space", "choose", "Follow this link", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"action-links--link", "action-links--cursor"}

    DEFAULT_CSS = """
    ActionLinks {
        height: auto;
        width: 1fr;
        pointer: pointer;

        & > .action-links--link { color: $text-accent; }
        & > .action-links--cursor { color: $text-accent; text-style: underline; }
        &:focus > .action-links--cursor {
            background: $primary 20%;
            color: $text-primary;
            text-style: bold;
        }
    }
    """

    cursor: reactive[int] = reactive(0)
    """The link that enter follows (and that the mouse is over)."""

    @dataclass
    class Chosen(Message):
        """The person followed a link."""

        links: ActionLinks
        action: str

        @property
        def control(self) -> ActionLinks:
            """The links chosen from, so `@on(ActionLinks.Chosen, "#id")` can match them."""
            return self.links

    def __init__(self, links: list[Link], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.links = links
        self.hovered = False

    def show_links(self, links: list[Link]) -> None:
        """Offer `links` instead, the cursor back on the first."""
        if links != self.links:
            self.links = links
            self.cursor = 0
            self.refresh(layout=True)

    def render(self) -> Content:
        lines = []
        for index, link in enumerate(self.links):
            on_cursor = index == self.cursor and (self.has_focus or self.hovered)
            style = self.get_visual_style(
                "action-links--cursor" if on_cursor else "action-links--link"
            )
            lines.append(Content.styled(MARK + link.label, style))
        return Content("\n").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.links)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((len(MARK + link.label) for link in self.links), default=0)

    def action_move(self, step: int) -> None:
        """Put the cursor on the link above or below."""
        self.cursor = max(0, min(len(self.links) - 1, self.cursor + step))

    def action_choose(self) -> None:
        """Follow the link under the cursor."""
        if self.links:
            self.post_message(self.Chosen(self, self.links[self.cursor].action))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if 0 <= event.y < len(self.links):
            self.hovered = True
            self.cursor = event.y
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        self.hovered = False
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        if 0 <= event.y < len(self.links):
            self.cursor = event.y
            self.action_choose()
