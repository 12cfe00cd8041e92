"""The review charts' numbers, read a month at a time the first time the Charts tab shows.

Each month is folded into Totals and its records let go, so the charts of ten years take
a few hundred small sums, not twenty thousand records. A month that changes (an entry
saved in another window) is read again on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.dom import DOMNode
from textual.worker import get_current_worker

from tui.analysis import Totals, combined, totals_of
from tui.review_rows import MonthPages
from tui.store.month_index import read_month


class ChartsReader:
    """Totals for every month of history, read in a thread when first wanted."""

    def __init__(self, pages: MonthPages) -> None:
        self.pages = pages
        self.by_month: dict[str, Totals] = {}
        self.started = False
        """True once the charts have been asked for."""
        self.reading = False
        """True while the reader thread is going through the months."""
        self._changed_meanwhile: set[str] = set()

    def month_totals(self, key: str) -> Totals:
        pages = self.pages
        return totals_of(read_month(pages.store, pages.index, key))

    def start(self, node: DOMNode, done: Callable[[], None]) -> None:
        """Read every month in a thread (once), then call `done` on the app's thread."""
        if self.started:
            done()
            return
        self.started = self.reading = True
        node.run_worker(lambda: self._read(node, done), thread=True, group="charts")

    def _read(self, node: DOMNode, done: Callable[[], None]) -> None:
        worker = get_current_worker()
        found: dict[str, Totals] = {}
        for month in self.pages.index.months:
            if worker.is_cancelled:
                return
            found[month.key] = self.month_totals(month.key)
        node.app.call_from_thread(self._finish, found, done)

    def _finish(self, found: dict[str, Totals], done: Callable[[], None]) -> None:
        self.by_month = found
        self.reading = False
        self.refresh_months(self._changed_meanwhile, done)

    def refresh_months(self, changed: Iterable[str], done: Callable[[], None]) -> None:
        """Read again the months that changed, and call `done` if the charts are shown."""
        if not self.started:
            return
        if self.reading:
            self._changed_meanwhile.update(changed)
            return
        known = {month.key for month in self.pages.index.months}
        for key in changed:
            if key in known:
                self.by_month[key] = self.month_totals(key)
            else:
                self.by_month.pop(key, None)
        self._changed_meanwhile.clear()
        done()

    def totals(self) -> Totals:
        """All of history's totals together."""
        return combined(self.by_month.values())
