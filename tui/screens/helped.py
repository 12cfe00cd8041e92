"""What has helped before, read off the screen's thread and shown where an urge is met.

Stage 3, the urge form and the support panel each hold a HelpedList; this reads the last
year's stage 3 sessions (tui/helped_lately.py) in a thread once the screen is up, so the
screen never waits for it, and fills the list in.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.screen import Screen

from tui.content.insights import load_insight_text
from tui.helped_lately import helped_lately
from tui.store.store import Store, StoreError
from tui.what_helped import Helper
from tui.widgets.helped_list import HelpedList


def show_helped_lately(screen: Screen[Any], store: Store) -> None:
    """Read what has helped in a thread, then show it in `screen`'s HelpedList."""
    screen.run_worker(partial(_read, screen, store), thread=True, group="helped", exclusive=True)


def _read(screen: Screen[Any], store: Store) -> None:
    text = load_insight_text()
    try:
        helped = helped_lately(store, text=text)
    except (StoreError, OSError):
        # Only a nicety is missing: say so quietly, and show nothing in its place.
        screen.app.call_from_thread(screen.notify, text.say("helped", "unreadable"))
        return
    screen.app.call_from_thread(_show, screen, helped)


def _show(screen: Screen[Any], helped: list[Helper]) -> None:
    for shown in screen.query(HelpedList):
        shown.show(helped)
