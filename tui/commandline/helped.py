"""The top of "what helped" that `nocontact urge` shows after the person's own reasons."""

from __future__ import annotations

from tui.content.insights import load_insight_text
from tui.helped_lately import helped_lately
from tui.store.store import Store


def helped_at_an_urge(store: Store) -> list[str]:
    """A heading and a few of their own "instead" words that helped (tui/helped_lately.py)."""
    text = load_insight_text()
    helped = helped_lately(store, text=text)
    if not helped:
        return []
    return [text.say("helped", "intro"), *(f"  {helper.sentence}" for helper in helped)]
