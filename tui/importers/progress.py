"""A progress line on stderr for a long import, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO

WIDTH = 30
WORTH_SHOWING = 2_000
"""Fewer entries than this are read in a blink: no bar for them."""


class Progress:
    """One line on a terminal: a bar while entries are read, then what happens next."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.label = label
        self.live = self.stream.isatty()
        self._percent = -1
        self._drawn = 0
        """Characters on the line now, so the next drawing covers them all."""

    def _draw(self, text: str) -> None:
        self.stream.write(f"\r{text:<{self._drawn}}")
        self.stream.flush()
        self._drawn = max(self._drawn, len(text))

    def update(self, done: int, total: int) -> None:
        """`done` of `total` entries are read; redraw when the whole percentage moves."""
        if not self.live or total < WORTH_SHOWING:
            return
        percent = min(100, done * 100 // total)
        if percent != self._percent:
            self._percent = percent
            filled = WIDTH * percent // 100
            self._draw(f"{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {percent:3d}%")

    def say(self, text: str) -> None:
        """Put `text` (what happens next) where the bar was, on a terminal only."""
        if self.live:
            self._draw(text)

    def close(self) -> None:
        """Clear the line, so what is printed next starts clean."""
        if self.live and self._drawn:
            self.stream.write("\r" + " " * self._drawn + "\r")
            self.stream.flush()
            self._drawn = 0
