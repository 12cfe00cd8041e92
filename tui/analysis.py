"""The numbers behind the review charts: pure functions, no Textual.

The charts never hold history itself: each month is folded into Totals (sums and counts
of moods by day, weekday and hour, and of session moods by stage) as it is read, so ten
years cost the charts about what one does. Only moods a person gave count: a session
without both moods is counted apart, never averaged in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from tui.date_words import short_month
from tui.store.records import MoodLog, Session

Bucket = Literal["day", "week", "month"]
BUCKETS: tuple[Bucket, ...] = ("day", "week", "month")
ROLLING_WINDOW: dict[Bucket, int] = {"day": 7, "week": 4, "month": 3}
"""How many buckets the rolling average spans: a week of days, a month of weeks, a season."""
BUCKET_DAYS: dict[Bucket, float] = {"day": 1, "week": 7, "month": 30.4}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

Sum = tuple[int, int]
"""A total of moods and how many went into it."""


@dataclass
class StageTally:
    """One stage's sessions: the moods of those with both, and how many lacked one."""

    both: int = 0
    before_total: int = 0
    after_total: int = 0
    no_after: int = 0
    """Sessions saved without a closing mood (with or without an opening one)."""
    no_before: int = 0
    """Sessions with a closing mood but no opening one."""

    def add(self, before: int | None, after: int | None) -> None:
        if before is not None and after is not None:
            self.both += 1
            self.before_total += before
            self.after_total += after
        elif after is None:
            self.no_after += 1
        else:
            self.no_before += 1

    def merge(self, other: StageTally) -> None:
        self.both += other.both
        self.before_total += other.before_total
        self.after_total += other.after_total
        self.no_after += other.no_after
        self.no_before += other.no_before


@dataclass
class Totals:
    """What the charts need from some stretch of history: sums and counts, not records."""

    days: dict[date, Sum] = field(default_factory=dict)
    """Mood logs: the total and count of each day's moods."""
    weekdays: list[Sum] = field(default_factory=lambda: [(0, 0)] * 7)
    hours: list[Sum] = field(default_factory=lambda: [(0, 0)] * 24)
    stages: dict[int, StageTally] = field(default_factory=dict)

    def add(self, record: object) -> None:
        """Fold one record in; kinds the charts do not use are passed over."""
        if isinstance(record, MoodLog):
            mood, moment = record.mood, record.at
            day = moment.date()
            total, count = self.days.get(day, (0, 0))
            self.days[day] = (total + mood, count + 1)
            total, count = self.weekdays[moment.weekday()]
            self.weekdays[moment.weekday()] = (total + mood, count + 1)
            total, count = self.hours[moment.hour]
            self.hours[moment.hour] = (total + mood, count + 1)
        elif isinstance(record, Session):
            self.stages.setdefault(record.stage, StageTally()).add(
                record.mood_before, record.mood_after
            )

    def merge(self, other: Totals) -> None:
        """Add another stretch's totals to these."""
        for day, (total, count) in other.days.items():
            mine = self.days.get(day, (0, 0))
            self.days[day] = (mine[0] + total, mine[1] + count)
        self.weekdays = [_plus(a, b) for a, b in zip(self.weekdays, other.weekdays, strict=True)]
        self.hours = [_plus(a, b) for a, b in zip(self.hours, other.hours, strict=True)]
        for stage, tally in other.stages.items():
            self.stages.setdefault(stage, StageTally()).merge(tally)


def _plus(a: Sum, b: Sum) -> Sum:
    return (a[0] + b[0], a[1] + b[1])


def totals_of(records: Iterable[object]) -> Totals:
    """The totals of these records (any order, any kinds)."""
    totals = Totals()
    for record in records:
        totals.add(record)
    return totals


def as_totals(source: Totals | Iterable[object]) -> Totals:
    """`source` itself if it is Totals already, else the totals of its records."""
    return source if isinstance(source, Totals) else totals_of(source)


def combined(parts: Iterable[Totals]) -> Totals:
    """One Totals holding all of `parts`."""
    whole = Totals()
    for part in parts:
        whole.merge(part)
    return whole


# -- mood over time --------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    """The average mood of one bucket, starting on `start`, from `count` logs."""

    start: date
    mean: float
    count: int


@dataclass(frozen=True)
class StageEffect:
    """How a stage's sessions with both moods changed mood, and how many had only one."""

    stage: int
    sessions: int
    """Sessions with a mood before and after: the only ones averaged."""
    mean_before: float
    mean_after: float
    no_after: int = 0
    no_before: int = 0

    @property
    def change(self) -> float:
        """Mood after minus mood before, averaged over the sessions with both."""
        return self.mean_after - self.mean_before


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the day, week (Monday) or month that `day` falls in."""
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def mood_series(totals: Totals, bucket: Bucket, since: date | None = None) -> list[Point]:
    """Average mood per bucket, oldest first, leaving out buckets that start before `since`."""
    grouped: dict[date, Sum] = {}
    for day, sums in totals.days.items():
        start = bucket_start(day, bucket)
        grouped[start] = _plus(grouped.get(start, (0, 0)), sums)
    first = bucket_start(since, bucket) if since else date.min
    return [
        Point(start=start, mean=total / count, count=count)
        for start, (total, count) in sorted(grouped.items())
        if start >= first and count
    ]


def rolling_average(values: Sequence[float], window: int) -> list[float]:
    """The trailing mean of up to `window` values ending at each position."""
    if window < 1:
        raise ValueError("window must be at least 1")
    averages: list[float] = []
    total = 0.0
    for index, value in enumerate(values):
        total += value
        if index >= window:
            total -= values[index - window]
        averages.append(total / min(index + 1, window))
    return averages


def series_since(bucket: Bucket, today: date) -> date | None:
    """How far back a chart of `bucket` looks: three months of days, a year of weeks, all months."""
    if bucket == "day":
        return today - timedelta(days=90)
    if bucket == "week":
        return today - timedelta(days=364)
    return None


def days_logged(totals: Totals, since: date | None = None) -> tuple[date, date] | None:
    """The first and last day with a mood log, from `since` on, if there is one."""
    days = [day for day in totals.days if since is None or day >= since]
    return (min(days), max(days)) if days else None


def daily_means(source: Totals | Iterable[MoodLog]) -> dict[date, float]:
    """The average mood of each day that has a log."""
    days = as_totals(source).days
    return {day: total / count for day, (total, count) in days.items() if count}


def mean_by_weekday(totals: Totals) -> list[float | None]:
    """Average mood for Monday to Sunday; None where there is no log."""
    return [total / count if count else None for total, count in totals.weekdays]


def mean_by_hour(totals: Totals) -> list[float | None]:
    """Average mood for each hour of the day, 0 to 23; None where there is no log."""
    return [total / count if count else None for total, count in totals.hours]


def stage_effects(
    source: Totals | Iterable[Session], with_unmatched: bool = False
) -> list[StageEffect]:
    """Each stage with sessions that have both moods: their average before and after, and how
    many of the stage's sessions lacked one. `with_unmatched` adds the stages none of whose
    sessions have both (their `sessions` is 0 and their means mean nothing)."""
    totals = as_totals(source)
    return [
        StageEffect(
            stage=stage,
            sessions=tally.both,
            mean_before=tally.before_total / tally.both if tally.both else 0.0,
            mean_after=tally.after_total / tally.both if tally.both else 0.0,
            no_after=tally.no_after,
            no_before=tally.no_before,
        )
        for stage, tally in sorted(totals.stages.items())
        if tally.both or with_unmatched
    ]


def most_helpful(effects: Sequence[StageEffect]) -> StageEffect | None:
    """The stage whose sessions with both moods lifted mood the most, if any lifted it."""
    compared = [effect for effect in effects if effect.sessions]
    best = max(compared, key=lambda effect: (effect.change, effect.sessions), default=None)
    return best if best is not None and best.change > 0 else None


# -- the time axis -------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """Where a time chart's x axis starts and ends, and its ticks with their labels.

    x is a day's ordinal (date.toordinal()), so days, weeks and months share one scale.
    """

    low: float
    high: float
    ticks: tuple[float, ...]
    labels: tuple[str, ...]


def _every_days(step: int, first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=step)


def _every_months(step: int, first: date, last: date) -> Iterator[date]:
    """The 1st of every `step`th month (counted from January of year 0) within the range."""
    index = first.year * 12 + first.month - 1
    if first.day > 1:
        index += 1
    index += -index % step
    while True:
        year, month = divmod(index, 12)
        day = date(year, month + 1, 1)
        if day > last:
            return
        yield day
        index += step


TICK_STEPS: tuple[tuple[str, int], ...] = (
    ("days", 1),
    ("days", 2),
    ("days", 7),
    ("days", 14),
    ("months", 1),
    ("months", 3),
    ("months", 6),
    ("months", 12),
    ("months", 24),
    ("months", 60),
    ("months", 120),
)
"""Tick spacings from finest to coarsest; the finest that fits is used."""


def _label(day: date, unit: str, step: int, with_year: bool) -> str:
    if unit == "days":
        return f"{day.day} {short_month(day)}" + (f" {day.year}" if with_year else "")
    if step >= 12:
        return f"{day.year}"
    return short_month(day) + (f" {day.year}" if with_year else "")


def time_axis(first: date, last: date, bucket: Bucket, max_ticks: int) -> Axis:
    """An x axis from the bucket of `first` to that of `last`, with at most `max_ticks`
    ticks (at least one), each with a label no other tick shares."""
    start, end = bucket_start(first, bucket), bucket_start(last, bucket)
    pad = BUCKET_DAYS[bucket] / 2
    spans_years = (end - start).days >= 300 or start.year != end.year
    max_ticks = max(1, max_ticks)
    # Where no spacing fits (a few days between two month starts, one tick allowed), the
    # first bucket alone is labelled.
    chosen, unit, step = [start], "days", 1
    for candidate_unit, candidate_step in TICK_STEPS:
        if candidate_unit == "days" and candidate_step < BUCKET_DAYS[bucket]:
            continue
        every = _every_days if candidate_unit == "days" else _every_months
        found = list(every(candidate_step, start, end))
        if 0 < len(found) <= max_ticks:
            chosen, unit, step = found, candidate_unit, candidate_step
            break
    # A lone tick names its year; so do ticks on an axis that crosses a new year.
    with_year = spans_years or len(chosen) == 1
    labels = tuple(_label(day, unit, step, with_year) for day in chosen)
    return Axis(
        low=start.toordinal() - pad,
        high=end.toordinal() + pad,
        ticks=tuple(float(day.toordinal()) for day in chosen),
        labels=labels,
    )


def span_words(first: date, last: date) -> str:
    """The days from `first` to `last` in a few words: "23 Nov 2026", "17 to 23 Nov 2026"."""
    end = f"{last.day} {short_month(last)} {last.year}"
    if first == last:
        return end
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day} to {end}"
    if first.year == last.year:
        return f"{first.day} {short_month(first)} to {end}"
    return f"{first.day} {short_month(first)} {first.year} to {end}"
