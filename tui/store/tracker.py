"""The no-contact tracker as plain arithmetic: runs, totals and milestones from a few dates.

Pure logic, shared by the command line and the app: no Textual, no files. The caller
reads the start, slips and logistics from the Store and passes "today" from tui.clock.

How days are counted: a run is the number of whole days between its first day and
today (a start 40 days ago is day 40). A slip ends the run it falls in and begins the
next one on its own date, so nothing before it is lost: the longest run and the total
of days without contact stay. Logistics contact (children, money, a lease) is counted
but never breaks a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from tui.store.records import Frozen, LogisticsContact, Slip

MILESTONES = (1, 3, 7, 14, 30, 60, 90, 180, 365)
"""Days of an unbroken run worth marking, once each per run."""


class Run(Frozen):
    """An unbroken stretch without contact, from its first day up to `end` (a slip or today)."""

    FIELDS = ("start", "end")
    __slots__ = FIELDS
    start: date
    end: date

    def __init__(self, start: date, end: date) -> None:
        self._set(start, end)

    @property
    def days(self) -> int:
        return max(0, (self.end - self.start).days)


class Tracker(Frozen):
    """Everything the tracker shows, computed for one day."""

    FIELDS = ("started", "today", "runs", "slips", "logistics")
    __slots__ = FIELDS
    started: date | None
    """The day the no-contact period began, or None when it has not been set."""
    today: date
    runs: tuple[Run, ...]
    """Every run since the start, oldest first; the last one is the current run."""
    slips: int
    """Slips since the start."""
    logistics: int
    """Logistics contacts since the start; they break nothing."""

    def __init__(
        self, started: date | None, today: date, runs: tuple[Run, ...], slips: int, logistics: int
    ) -> None:
        self._set(started, today, runs, slips, logistics)

    @property
    def current(self) -> Run | None:
        return self.runs[-1] if self.runs else None

    @property
    def current_days(self) -> int:
        return self.current.days if self.current else 0

    @property
    def current_in_words(self) -> str:
        """The current run as "2 months, 3 days"."""
        if self.current is None:
            return in_words(0)
        return span_in_words(self.current.start, self.today)

    @property
    def longest_days(self) -> int:
        return max((run.days for run in self.runs), default=0)

    @property
    def total_days(self) -> int:
        """Days without contact since the start, across every run."""
        return sum(run.days for run in self.runs)

    @property
    def milestones_reached(self) -> tuple[int, ...]:
        """Milestones the current run has reached."""
        return milestones_within(self.current_days)

    def milestone_key(self, days: int) -> str:
        """A stable name for one milestone of the current run, for the marked set."""
        start = self.current.start if self.current else self.today
        return f"{start.isoformat()}+{days}"

    def new_milestones(self, marked: Iterable[str]) -> tuple[int, ...]:
        """Milestones of the current run reached but not yet in `marked` (keys)."""
        already = set(marked)
        return tuple(
            days for days in self.milestones_reached if self.milestone_key(days) not in already
        )

    def marked_with_new(self, marked: Iterable[str]) -> list[str]:
        """`marked` plus the keys of every milestone the current run has reached."""
        keys = list(marked)
        keys.extend(self.milestone_key(days) for days in self.new_milestones(keys))
        return keys


def milestones_within(days: int) -> tuple[int, ...]:
    """The milestones a run of `days` has reached."""
    return tuple(milestone for milestone in MILESTONES if milestone <= days)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def in_words(days: int) -> str:
    """A bare count of days in words: "1 day", "12 days"."""
    return _plural(days, "day")


def span_in_words(first: date, last: date) -> str:
    """The calendar span from `first` to `last` as "1 year, 2 months, 3 days"."""
    if last <= first:
        return in_words(0)
    from dateutil.relativedelta import relativedelta

    span = relativedelta(last, first)
    parts = [
        _plural(count, unit)
        for count, unit in ((span.years, "year"), (span.months, "month"), (span.days, "day"))
        if count
    ]
    return ", ".join(parts)


def build_tracker(
    started: date | None,
    slips: Sequence[Slip],
    logistics: Sequence[LogisticsContact],
    today: date,
) -> Tracker:
    """The tracker for `today`, from the start day, the slips and the logistics contacts."""
    if started is None:
        return Tracker(started=None, today=today, runs=(), slips=0, logistics=0)
    end = max(started, today)
    slip_days = sorted(slip.at.date() for slip in slips if started <= slip.at.date() <= end)
    runs: list[Run] = []
    run_start = started
    for slip_day in slip_days:
        runs.append(Run(run_start, slip_day))
        run_start = slip_day
    runs.append(Run(run_start, end))
    counted_logistics = sum(1 for contact in logistics if started <= contact.at.date() <= end)
    return Tracker(
        started=started,
        today=today,
        runs=tuple(runs),
        slips=len(slip_days),
        logistics=counted_logistics,
    )
