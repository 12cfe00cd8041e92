"""The review table's columns: how they give way as the terminal narrows, and how cells fit."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.content.review import load_review_text
from tui.content.stages import load_stages
from tui.review_layout import (
    GAP,
    MOOD_WIDTH,
    TAGS_NARROW,
    TAGS_WIDE,
    WHEN_WIDTH,
    fit,
    fit_names,
    fit_tags,
    layout,
)

TEXT = load_review_text()


def every_kind_name() -> list[tuple[str, ...]]:
    """The names of every kind of row, each longest first, stages included."""
    names = [TEXT.kind_names(kind) for kind in TEXT.kinds if kind != "session"]
    names += [
        TEXT.kind_names("session", number=number, short_title=stage.short_title)
        for number, stage in load_stages().items()
    ]
    return names


NAMES = every_kind_name()
LONGEST = max(cell_len(forms[0]) for forms in NAMES)
SHORTEST = max(cell_len(forms[-1]) for forms in NAMES)
TABLE_AT = {100: 98, 80: 78}
"""The cells a table has at a terminal width: less the scrollbar and the left margin."""


def test_at_100_columns_every_column_shows_whole() -> None:
    """At 100 columns: long names, wide tags, and plenty of room for what was written."""
    shape = layout(TABLE_AT[100], LONGEST, SHORTEST)
    assert shape.shown == ["when", "kind", "mood", "wrote", "tags"]
    assert not shape.short_names
    assert shape.widths["tags"] == TAGS_WIDE
    assert shape.widths["wrote"] >= 30
    assert sum(shape.widths.values()) + GAP * 4 == TABLE_AT[100]


def test_at_80_columns_tags_narrow_then_names_shorten_and_nothing_drops() -> None:
    """At 80 columns: Tags narrow first, then Entry takes its short names; all five stay."""
    shape = layout(TABLE_AT[80], LONGEST, SHORTEST)
    assert shape.shown == ["when", "kind", "mood", "wrote", "tags"]
    assert shape.short_names
    assert shape.widths["tags"] == TAGS_NARROW
    assert shape.widths["when"] == WHEN_WIDTH and shape.widths["mood"] == MOOD_WIDTH
    assert shape.widths["wrote"] >= 20


def test_tags_drop_before_what_was_written_disappears() -> None:
    """Narrower still, Tags go; "What you wrote" is the last to give way."""
    shape = layout(64, LONGEST, SHORTEST)
    assert shape.widths["tags"] == 0
    assert shape.widths["wrote"] > 0
    assert layout(40, LONGEST, SHORTEST).widths["wrote"] == 0


@pytest.mark.parametrize("terminal", [100, 80])
def test_no_kind_name_is_ever_cut(terminal: int) -> None:
    """ "Slip, they reached ou" never happens: a name that does not fit uses its short form."""
    shape = layout(TABLE_AT[terminal], LONGEST, SHORTEST)
    for forms in NAMES:
        shown = fit_names(forms, shape.widths["kind"]).rstrip()
        assert shown in forms, (shown, forms)


def test_text_is_cut_at_a_word_boundary() -> None:
    """A long note ends at the last whole word that fits, with an ellipsis."""
    assert fit("Walked by the river after work", 16) == "Walked by the…  "
    assert fit("short", 8) == "short   "
    assert fit("Supercalifragilistic", 8) == "Superca…"  # one word: no boundary to use
    assert cell_len(fit("未来の自分へ、元気ですか", 9)) == 9  # wide characters fit by cells


def test_tags_show_whole_with_a_count_of_the_rest() -> None:
    """Tags are never cut: those that do not fit become "+N"."""
    assert fit_tags(["hopeful", "calm"], 14) == "hopeful, calm "
    assert fit_tags(["hopeful", "calm", "tired"], 12) == "hopeful, +2 "
    assert fit_tags(["overwhelmed", "calm"], 6) == "+2    "
