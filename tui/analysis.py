"""The numbers behind the review charts: pure functions over lists of records, no Textual."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Literal

from tui.store.records import MoodLog, Session

Bucket = Literal["day", "week", "month"]
BUCKETS: tuple[Bucket, ...] = ("day", "week", "month")
ROLLING_WINDOW: dict[Bucket, int] = {"day": 7, "week": 4, "month": 3}
"""How many buckets the rolling average spans: a week of days, a month of weeks, a season."""
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class Point:
    """The average mood of one bucket, starting on `start`, from `count` logs."""

    start: date
    mean: float
    count: int


@dataclass(frozen=True)
class StageEffect:
    """How a stage's sessions changed mood, on average, from before to after."""

    stage: int
    sessions: int
    mean_before: float
    mean_after: float

    @property
    def change(self) -> float:
        """Mood after minus mood before, averaged over the sessions."""
        return self.mean_after - self.mean_before


def bucket_start(day: date, bucket: Bucket) -> date:
    """The first day of the day, week (Monday) or month that `day` falls in."""
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def mood_series(moods: Iterable[MoodLog], bucket: Bucket, since: date | None = None) -> list[Point]:
    """Average mood per bucket, oldest first, leaving out buckets that start before `since`."""
    grouped: dict[date, list[int]] = defaultdict(list)
    for log in moods:
        grouped[bucket_start(log.at.date(), bucket)].append(log.mood)
    first = bucket_start(since, bucket) if since else date.min
    return [
        Point(start=start, mean=fmean(values), count=len(values))
        for start, values in sorted(grouped.items())
        if start >= first
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


def daily_means(moods: Iterable[MoodLog]) -> dict[date, float]:
    """The average mood of each day that has a log."""
    return {point.start: point.mean for point in mood_series(moods, "day")}


def _means(groups: dict[int, list[int]], size: int) -> list[float | None]:
    return [fmean(groups[key]) if groups.get(key) else None for key in range(size)]


def mean_by_weekday(moods: Iterable[MoodLog]) -> list[float | None]:
    """Average mood for Monday to Sunday; None where there is no log."""
    groups: dict[int, list[int]] = defaultdict(list)
    for log in moods:
        groups[log.at.weekday()].append(log.mood)
    return _means(groups, 7)


def mean_by_hour(moods: Iterable[MoodLog]) -> list[float | None]:
    """Average mood for each hour of the day, 0 to 23; None where there is no log."""
    groups: dict[int, list[int]] = defaultdict(list)
    for log in moods:
        groups[log.at.hour].append(log.mood)
    return _means(groups, 24)


def stage_effects(sessions: Iterable[Session]) -> list[StageEffect]:
    """For each stage with sessions that recorded both moods, the average before and after."""
    pairs: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for session in sessions:
        if session.mood_before is not None and session.mood_after is not None:
            pairs[session.stage].append((session.mood_before, session.mood_after))
    return [
        StageEffect(
            stage=stage,
            sessions=len(found),
            mean_before=fmean(before for before, _ in found),
            mean_after=fmean(after for _, after in found),
        )
        for stage, found in sorted(pairs.items())
    ]


def most_helpful(effects: Sequence[StageEffect]) -> StageEffect | None:
    """The stage whose sessions lifted mood the most, if any lifted it at all."""
    best = max(effects, key=lambda effect: (effect.change, effect.sessions), default=None)
    return best if best is not None and best.change > 0 else None
