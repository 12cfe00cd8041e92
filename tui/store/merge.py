"""Three-way merge of a setting, so two windows editing one profile never drop each other's words.

A window read a setting (`before`), the person changed it (`mine`), and meanwhile another
window may have saved it (`theirs`, on disk now). The merge keeps both sides' changes:
- a field only one side changed takes that side's value;
- text both sides changed differently keeps both, this window's first, with a plain line
  between (nothing is dropped without a word);
- lists keep what either side added and lose only what this window removed;
- anything else both sides changed (a country code, a time stamp) takes this window's
  value, the person's latest choice.
"""

from __future__ import annotations

from typing import Any

BOTH_KEPT = "\n\n--- also written in another window ---\n\n"
"""Between two texts that two windows changed at once: both are kept, this window's first."""
CHOICES = frozenset({"country", "saved_at", "written_at", "open_on", "session_id"})
"""Settings and fields whose text is a choice or a stamp, not writing: never joined."""


def _merge_lists(before: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    removed = [item for item in before if item not in mine]
    kept = [item for item in theirs if item not in removed]
    return kept + [item for item in mine if item not in before and item not in kept]


def merge(before: Any, mine: Any, theirs: Any, key: str = "") -> Any:
    """`mine` with every change `theirs` made since `before` kept as well.

    `key` names the setting (or, inside one, the field): a choice is never joined.
    """
    if theirs in (before, mine):
        return mine
    if mine == before:
        return theirs
    if isinstance(mine, dict) and isinstance(theirs, dict):
        base = before if isinstance(before, dict) else {}
        merged = dict(theirs)
        for key in mine.keys() | base.keys():
            if key not in mine:
                if key in theirs and theirs[key] == base.get(key):
                    del merged[key]  # this window removed it, the other left it alone
            else:
                merged[key] = merge(base.get(key), mine[key], theirs.get(key), key)
        return {key: merged[key] for key in [*theirs, *mine] if key in merged}
    if isinstance(mine, list) and isinstance(theirs, list):
        return _merge_lists(before if isinstance(before, list) else [], mine, theirs)
    if isinstance(mine, str) and isinstance(theirs, str) and key not in CHOICES:
        if not theirs.strip():
            return mine
        if not mine.strip():
            return theirs
        return f"{mine.rstrip()}{BOTH_KEPT}{theirs.strip()}"
    return mine
