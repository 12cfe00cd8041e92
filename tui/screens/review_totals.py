"""The numbers behind the review's Charts and Insights tabs, read a month at a time.

The first time either tab shows, a thread reads every month and folds it into
InsightFacts (the charts' Totals and the little more the insights need), letting its
records go, so ten years cost a few hundred small sums, not twenty thousand records. The
two tabs share one reading. A month that changes (an entry saved in another window) is
read again on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.dom import DOMNode
from textual.worker import get_current_worker

from tui.analysis import Totals, combined
from tui.insight_facts import InsightFacts, combined_facts, facts_of
from tui.review_rows import MonthPages
from tui.store.month_index import read_month


class TotalsReader:
    """Facts for every month of history, read in a thread when first wanted."""

    def __init__(self, pages: MonthPages) -> None:
        self.pages = pages
        self.by_month: dict[str, InsightFacts] = {}
        self.started = False
        """True once the charts or the insights have been asked for."""
        self.reading = False
        """True while the reader thread is going through the months."""
        self.months_read = 0
        """How many months the reader thread has read so far, for a line that says so."""
        self._changed_meanwhile: set[str] = set()

    @property
    def months_total(self) -> int:
        """How many months of history there are to read."""
        return len(self.pages.index.months)

    def month_facts(self, key: str) -> InsightFacts:
        pages = self.pages
        return facts_of(read_month(pages.store, pages.index, key))

    def start(self, node: DOMNode, done: Callable[[], None]) -> None:
        """Read every month in a thread (once), then call `done` on the app's thread."""
        if self.started:
            if not self.reading:
                done()
            return
        self.started = self.reading = True
        node.run_worker(lambda: self._read(node, done), thread=True, group="totals")

    def _read(self, node: DOMNode, done: Callable[[], None]) -> None:
        worker = get_current_worker()
        found: dict[str, InsightFacts] = {}
        for month in self.pages.index.months:
            if worker.is_cancelled:
                return
            found[month.key] = self.month_facts(month.key)
            self.months_read = len(found)
        node.app.call_from_thread(self._finish, found, done)

    def _finish(self, found: dict[str, InsightFacts], done: Callable[[], None]) -> None:
        self.by_month = found
        self.reading = False
        self.refresh_months(self._changed_meanwhile, done)

    def refresh_months(self, changed: Iterable[str], done: Callable[[], None]) -> None:
        """Read again the months that changed, and call `done` if a tab shows them."""
        if not self.started:
            return
        if self.reading:
            self._changed_meanwhile.update(changed)
            return
        known = {month.key for month in self.pages.index.months}
        for key in changed:
            if key in known:
                self.by_month[key] = self.month_facts(key)
            else:
                self.by_month.pop(key, None)
        self._changed_meanwhile.clear()
        done()

    def totals(self) -> Totals:
        """All of history's totals together, for the charts."""
        return combined(facts.totals for facts in self.by_month.values())

    def facts(self, since: str = "") -> InsightFacts:
        """The facts of the months from `since` ("2026-01") on; all of them by default."""
        return combined_facts(facts for key, facts in self.by_month.items() if key >= since)
