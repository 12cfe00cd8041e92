"""A row of activities, each shown with its key, marked or not: the mood log's quick tags.

The widget draws the chips and keeps which are marked; the screen that holds it binds the
letters (outside a text field, a letter marks its activity) and calls `toggle_key`. A
click on a chip marks it too. A chip is as wide marked as unmarked, so nothing moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

from tui.activities import activity_keys, in_order

GAP = 2
"""Spaces between two chips."""
MARK = "✓"


class ActivityKeys(Widget):
    """The person's activities as chips, "w walk", the marked ones standing out."""

    DEFAULT_CSS = """
    ActivityKeys { height: auto; padding: 0 1; }
    """

    class Changed(Message):
        """An activity was marked or unmarked."""

    def __init__(self, activities: Sequence[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.activities = tuple(activities)
        self.keyed = activity_keys(self.activities)
        self.marked: set[str] = set()
        self._places: list[tuple[int, int, int, str]] = []
        """Where each chip was drawn: (line, first column, end column, activity)."""

    # -- what it holds: read and put back like any field of a dialog's draft --------

    @property
    def answer(self) -> list[str]:
        """The marked activities, in the order they show."""
        return in_order(self.marked, self.activities)

    def restore(self, value: object) -> None:
        """Mark these activities; one no longer in the set shows again as a chip of its own,
        so nothing kept in a draft is lost."""
        if not isinstance(value, list):
            return
        words = [word for word in value if isinstance(word, str) and word]
        self.marked = set(words)
        self.use(self.activities)

    def use(self, activities: Sequence[str]) -> None:
        """Show this set of activities; marked ones outside it stay, after it."""
        self.activities = tuple(activities)
        extra = [word for word in self.answer if word not in self.activities]
        self.keyed = activity_keys([*self.activities, *extra])
        self.refresh(layout=True)

    def key_of(self, word: str) -> str | None:
        return next((key for key, shown in self.keyed if shown == word), None)

    def toggle(self, word: str) -> None:
        """Mark the activity, or unmark it."""
        self.marked ^= {word}
        self.refresh()
        self.post_message(self.Changed())

    def toggle_key(self, key: str) -> bool:
        """Mark or unmark the activity whose key is `key`; False if no activity has it."""
        word = next((shown for own, shown in self.keyed if own == key), None)
        if word is None:
            return False
        self.toggle(word)
        return True

    @property
    def keys(self) -> Iterable[str]:
        return (key for key, _ in self.keyed if key is not None)

    # -- drawing ---------------------------------------------------------------------

    def _chip(self, key: str | None, word: str) -> Content:
        marked = word in self.marked
        shown = Content.assemble(
            (key or " ", "bold" if marked else "bold $accent"), f" {word} ", MARK if marked else " "
        )
        return shown.stylize("bold $text on $primary-muted") if marked else shown

    def _lines(self, width: int) -> list[list[tuple[int, Content, str]]]:
        """The chips, line by line as they fit in `width`, each with its column."""
        lines: list[list[tuple[int, Content, str]]] = [[]]
        column = 0
        for key, word in self.keyed:
            chip = self._chip(key, word)
            if lines[-1] and column + GAP + chip.cell_length > width:
                lines.append([])
                column = 0
            elif lines[-1]:
                column += GAP
            lines[-1].append((column, chip, word))
            column += chip.cell_length
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width)) if self.keyed else 0

    def render(self) -> Content:
        self._places = []
        rows = []
        for line, chips in enumerate(self._lines(self.content_size.width)):
            row = Content("")
            for column, chip, word in chips:
                row = row.append(" " * (column - row.cell_length)).append(chip)
                self._places.append((line, column, column + chip.cell_length, word))
            rows.append(row)
        return Content("\n").join(rows)

    def on_click(self, event: Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for line, first, end, word in self._places:
            if line == offset.y and first <= offset.x < end:
                event.stop()
                self.toggle(word)
                return
