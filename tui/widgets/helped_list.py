"""What has helped before, in the person's own words: shown where an urge is met."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from tui.what_helped import Helper


class HelpedList(Static):
    """A title and a few sentences of what has helped; hidden until there is something to
    say (or, given `empty`, saying that instead)."""

    DEFAULT_CSS = """
    HelpedList { height: auto; }
    HelpedList.-nothing { display: none; }
    """

    def __init__(
        self, title: str, empty: str = "", *, id: str | None = None, classes: str = ""
    ) -> None:
        super().__init__(id=id, classes=f"-nothing {classes}")
        self.title = title
        self.empty = empty
        """What is said while nothing has helped yet; nothing at all when empty."""

    def show(self, helpers: Sequence[Helper]) -> None:
        """Say these, best first."""
        lines = [Content.styled(self.title, "bold")]
        if helpers:
            lines += [Content.assemble("· ", helper.sentence) for helper in helpers]
        elif self.empty:
            lines.append(Content.styled(self.empty, "dim"))
        self.update(Content("\n").join(lines))
        self.set_class(not helpers and not self.empty, "-nothing")
