"""One word for each kind of entry where a column has room for one, read from data/names.json.

The shell's history lists each entry's kind in a narrow column. A slip is "contact" there, as
it is on every screen (data/review.json names entries in the review and the detail view);
`slip` stays only where it is a name in a file format or a command (`nocontact slip`,
`"kind": "slip"`), which must not change.
"""

from __future__ import annotations

from functools import cache

from tui.content.loader import document

NAMES_FILE = "names.json"
KINDS = ("mood", "session", "urge", "slip", "logistics")
"""The kinds of entry, as `history --json` and the exports name them."""


@cache
def kind_words() -> dict[str, str]:
    """The one word for each of KINDS, read and checked once per process."""
    kinds = document(NAMES_FILE).object("kinds")
    return {kind: kinds.text(kind) for kind in KINDS}
