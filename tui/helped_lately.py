"""What has helped before, read for a hard moment: the person's own words, lately.

`nocontact urge`, stage 3, the urge form and the support panel show the first few of
what_helped's own-words ranking, from the last year's stage 3 sessions only, so the cost
of showing them stays flat however long the history grows.
"""

from __future__ import annotations

from datetime import timedelta

from tui import clock
from tui.content.insights import InsightText
from tui.store.store import Store
from tui.what_helped import URGE_STAGE, Helper, own_words_helped

AT_AN_URGE = 3
"""How many things are shown: a few, for a hard moment."""
LOOKS_BACK_DAYS = 365


def helped_lately(
    store: Store, *, limit: int = AT_AN_URGE, text: InsightText | None = None
) -> list[Helper]:
    """Up to `limit` of their own "instead" words that helped, best first; or none."""
    since = clock.now() - timedelta(days=LOOKS_BACK_DAYS)
    sessions = store.sessions(stage=URGE_STAGE, since=since)
    return own_words_helped(sessions, limit=limit, text=text)
