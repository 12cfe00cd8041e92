"""What the insights read from history, folded record by record, a month at a time.

The review reads ten years a month at a time and keeps only sums (see tui/analysis.py);
the insights need a little more: each day's words, the urges by hour and weekday, the
stage 3 sessions with something written "instead", and the few contacts. InsightFacts
holds those beside the charts' Totals, so one reading of history serves both tabs, and
`nocontact insights` folds the same way without holding twenty thousand records.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import chain

from tui.analysis import Totals
from tui.insights import UrgeCounts, record_words
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import SHARDED_KINDS, Store
from tui.what_helped import INSTEAD, URGE_STAGE


class InsightFacts:
    """Some stretch of history, as much of it as the insights and charts need."""

    def __init__(self) -> None:
        self.totals = Totals()
        """Moods by day, weekday and hour, and sessions' moods by stage: the charts' sums."""
        self.words: dict[date, set[str]] = {}
        """The tags and emotion words of each day."""
        self.urges = UrgeCounts()
        self.own_words: list[Session] = []
        """Stage 3 sessions with something written under "something for you instead"."""
        self.slips: list[Slip] = []

    def add(self, record: object) -> None:
        """Fold one record in; kinds the insights do not use are passed over."""
        self.totals.add(record)
        if isinstance(record, MoodLog | Session):
            found = record_words(record)
            if found:
                self.words.setdefault(record.when.date(), set()).update(found)
            if isinstance(record, Session) and _wrote_instead(record):
                self.own_words.append(record)
        elif isinstance(record, Urge):
            self.urges.add(record)
        elif isinstance(record, Slip):
            self.slips.append(record)

    def merge(self, other: InsightFacts) -> None:
        """Add another stretch's facts to these."""
        self.totals.merge(other.totals)
        for day, found in other.words.items():
            self.words.setdefault(day, set()).update(found)
        self.urges.merge(other.urges)
        self.own_words.extend(other.own_words)
        self.slips.extend(other.slips)

    @property
    def days_with_a_mood(self) -> int:
        return sum(1 for _, count in self.totals.days.values() if count)

    @property
    def sessions_with_both_moods(self) -> int:
        return sum(tally.both for tally in self.totals.stages.values())

    @property
    def is_empty(self) -> bool:
        """True when there is no mood, session or urge to learn from."""
        return not (self.totals.days or self.totals.stages or self.urges.total)


def _wrote_instead(session: Session) -> bool:
    written = session.answers.get(INSTEAD)
    return session.stage == URGE_STAGE and isinstance(written, str) and bool(written.strip())


def facts_of(records: Iterable[object]) -> InsightFacts:
    """The facts of these records (any order, any kinds)."""
    facts = InsightFacts()
    for record in records:
        facts.add(record)
    return facts


def combined_facts(parts: Iterable[InsightFacts]) -> InsightFacts:
    """One InsightFacts holding all of `parts`."""
    whole = InsightFacts()
    for part in parts:
        whole.merge(part)
    return whole


def read_facts(store: Store) -> InsightFacts:
    """The facts of everything `store` holds, read a month at a time and folded as read."""
    kinds = (store.records(kind) for kind in SHARDED_KINDS)
    return facts_of(chain(*kinds, store.slips()))
