"""The top of "what helped" that `nocontact urge` shows after the person's own reasons."""

from __future__ import annotations

from datetime import timedelta

from tui import clock
from tui.content.insights import load_insight_text
from tui.store.store import Store
from tui.what_helped import own_words_helped

AT_AN_URGE = 3
"""How many things it shows: a few, for a hard moment."""
LOOKS_BACK_DAYS = 365
"""It reads a year of sessions, so the cost of `nocontact urge` stays flat as history grows."""


def helped_at_an_urge(store: Store) -> list[str]:
    """A heading and up to AT_AN_URGE of their own "instead" words that helped; or nothing."""
    text = load_insight_text()
    since = clock.now() - timedelta(days=LOOKS_BACK_DAYS)
    helped = own_words_helped(store.sessions(stage=3, since=since), limit=AT_AN_URGE, text=text)
    if not helped:
        return []
    return [text.say("helped", "intro"), *(f"  {helper.sentence}" for helper in helped)]
