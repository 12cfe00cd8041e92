"""How the review table's columns share the width, and how text is fitted into a cell.

When the terminal narrows, the columns give way in this order (README, "Review and
charts"): "What you wrote" shrinks to WROTE_COMFORT columns, then Tags narrow to
TAGS_NARROW, then the Entry column switches to its short names, then Tags drop, and
last "What you wrote" shrinks to nothing. When and Mood never shrink. A cell is never
cut mid-word where a shorter form or a word boundary exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size

WHEN_WIDTH = 17
"""Room for "23 Nov 2026 19:00"."""
MOOD_WIDTH = 7
"""Room for "10 → 10" and "urge 10"."""
TAGS_WIDE = 14
TAGS_NARROW = 12
WROTE_COMFORT = 24
WROTE_LEAST = 16
GAP = 1
ELLIPSIS = "…"
COLUMN_KEYS = ("when", "kind", "mood", "wrote", "tags")


@dataclass(frozen=True)
class Layout:
    """The width of each column (0 when dropped) and whether kinds use their short names."""

    widths: dict[str, int]
    short_names: bool

    @property
    def shown(self) -> list[str]:
        """The keys of the columns on screen, left to right."""
        return [key for key in COLUMN_KEYS if self.widths[key] > 0]


def layout(width: int, long_names: int, short_names: int) -> Layout:
    """Column widths for a table `width` cells wide; `*_names` are the widest Entry names."""
    widths = {
        "when": WHEN_WIDTH,
        "kind": long_names,
        "mood": MOOD_WIDTH,
        "wrote": 0,
        "tags": TAGS_WIDE,
    }
    short = False

    def room() -> int:
        used = [size for key, size in widths.items() if key != "wrote" and size]
        return width - sum(used) - GAP * len(used)

    if room() < WROTE_COMFORT:
        widths["tags"] = TAGS_NARROW
    if room() < WROTE_COMFORT:
        widths["kind"], short = short_names, True
    if room() < WROTE_LEAST:
        widths["tags"] = 0
    widths["wrote"] = max(0, room())
    return Layout(widths, short)


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut at a word boundary with an ellipsis."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    cut = set_cell_size(text, width - 1).rstrip()
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space].rstrip(" ,;:")
    return set_cell_size(cut + ELLIPSIS, width)


def fit_names(names: Sequence[str], width: int) -> str:
    """The longest of `names` (longest first) that fits `width`, else the last one fitted."""
    for name in names:
        if cell_len(name) <= width:
            return set_cell_size(name, width)
    return fit(names[-1], width)


def fit_tags(tags: Sequence[str], width: int) -> str:
    """As many whole tags as fit, and "+N" for the rest."""
    shown: list[str] = []
    for index, tag in enumerate(tags):
        rest = len(tags) - index - 1
        candidate = ", ".join([*shown, tag]) + (f", +{rest}" if rest else "")
        if cell_len(candidate) > width:
            more = len(tags) - len(shown)
            return fit(", ".join([*shown, f"+{more}"]), width)
        shown.append(tag)
    return fit(", ".join(shown), width)
