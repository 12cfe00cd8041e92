"""A grid of emotion words, each given a strength from 1 to 5 (0: not present)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.content.moods import Emotion

STRONGEST = 5
MOST_COLUMNS = 3
CELL = 26
"""Cells per column: marker, word, the five strength dots and a gap."""
WORD = 13


class EmotionPicker(Widget, can_focus=True):
    """Pick the feelings present, each with a strength; arrows move, digits set."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(0, -1)", "Feeling above", show=False),
        Binding("down", "move(0, 1)", "Feeling below", show=False),
        Binding("left", "move(-1, 0)", "Feeling to the left", show=False),
        Binding("right", "move(1, 0)", "Feeling to the right", show=False),
        Binding("space,enter", "pick_or_clear", "Pick or clear this feeling", show=False),
        *(
            Binding(str(level), f"set_strength({level})", "Strength of this feeling", show=False)
            for level in range(STRONGEST + 1)
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "emotion-picker--cursor",
        "emotion-picker--picked",
        "emotion-picker--dots",
        "emotion-picker--line",
    }

    DEFAULT_CSS = """
    EmotionPicker {
        height: auto;
        width: 1fr;
        max-width: 82;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: clip;
        border: tall $border-blurred;
        background: $surface;
        & > .emotion-picker--cursor { background: $foreground 10%; }
        & > .emotion-picker--picked { color: $foreground; text-style: bold; }
        & > .emotion-picker--dots { color: $primary; }
        & > .emotion-picker--line { color: $text-muted; text-style: italic; }
        &:focus {
            border: tall $border;
            & > .emotion-picker--cursor { background: $primary 30%; }
        }
    }
    """

    cursor: reactive[int] = reactive(0)

    @dataclass
    class Changed(Message):
        """Posted when a feeling's strength changes."""

        picker: EmotionPicker

    def __init__(self, emotions: Sequence[Emotion], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.emotions = tuple(emotions)
        self.strengths: dict[str, int] = {}

    @property
    def answer(self) -> dict[str, int] | None:
        """The feelings picked and their strengths, in the list's order."""
        picked = {e.word: self.strengths[e.word] for e in self.emotions if e.word in self.strengths}
        return picked or None

    def restore(self, value: Any) -> None:
        """Show saved strengths again; unknown words and bad values are left out."""
        words = {emotion.word for emotion in self.emotions}
        if isinstance(value, dict):
            self.strengths = {
                word: level
                for word, level in value.items()
                if word in words and isinstance(level, int) and 0 < level <= STRONGEST
            }
            self.refresh()

    def _columns(self, width: int | None = None) -> int:
        """As many columns as fit, up to three, so a narrow terminal still shows every word."""
        room = self.content_size.width if width is None else width
        return max(1, min(MOST_COLUMNS, room // CELL))

    def _rows(self, width: int | None = None) -> int:
        return -(-len(self.emotions) // self._columns(width))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return CELL * MOST_COLUMNS

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._rows(width) + 2

    def render(self) -> Text:
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        for row in range(self._rows()):
            for column in range(self._columns()):
                index = row + column * self._rows()
                if index >= len(self.emotions):
                    continue
                word = self.emotions[index].word
                level = self.strengths.get(word, 0)
                cell = Text(("▸ " if index == self.cursor else "  ") + word.ljust(WORD))
                if level:
                    cell.stylize(style("emotion-picker--picked"))
                cell.append("●" * level + "·" * (STRONGEST - level), style("emotion-picker--dots"))
                if index == self.cursor:
                    cell.stylize(style("emotion-picker--cursor"))
                text.append_text(cell)
                text.append(" " * (CELL - len(cell)))
            text.append("\n")
        current = self.emotions[self.cursor] if self.emotions else None
        if current:
            text.append(f"\n{current.word}: {current.line}", style("emotion-picker--line"))
        return text

    def action_move(self, columns: int, rows: int) -> None:
        """Move the cursor by whole cells; columns run top to bottom."""
        target = self.cursor + rows + columns * self._rows()
        if 0 <= target < len(self.emotions):
            self.cursor = target

    def action_set_strength(self, level: int) -> None:
        """Give the feeling under the cursor a strength; 0 clears it."""
        word = self.emotions[self.cursor].word
        if level:
            self.strengths[word] = level
        else:
            self.strengths.pop(word, None)
        self.refresh()
        self.post_message(self.Changed(self))

    def action_pick_or_clear(self) -> None:
        """Pick the feeling at a middle strength, or clear it."""
        word = self.emotions[self.cursor].word
        self.action_set_strength(0 if word in self.strengths else 3)

    def on_click(self, event: events.Click) -> None:
        """A click picks a cell and raises its strength, wrapping back to none."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y >= self._rows():
            return
        index = offset.y + (offset.x // CELL) * self._rows()
        if offset.x < CELL * self._columns() and index < len(self.emotions):
            self.cursor = index
            word = self.emotions[index].word
            self.action_set_strength((self.strengths.get(word, 0) + 1) % (STRONGEST + 1))
