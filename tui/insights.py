"""What went with a person's better days: pure functions over their records, no Textual.

Each function returns its numbers and the sentences to show (worded in data/insights.json).
The sentences say "went with", never "because", and claim nothing without enough data:
a word needs MIN_DAYS days with it and MIN_DAYS without; urge timing needs MIN_URGES
urges; a contact needs moods on MIN_BASELINE_DAYS of the week before it; a stage needs
MIN_SESSIONS sessions with both moods. A missing mood (null) is never counted as any number.
The review's chart numbers live in tui/analysis.py; these build on them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean, median

from tui.analysis import StageEffect, Sum, Totals, as_totals, daily_means, stage_effects
from tui.content.insights import InsightText, load_insight_text, number_text
from tui.date_words import short_day
from tui.store.records import MoodLog, Session, Slip, Urge

MIN_DAYS = 5
"""Days with a word, and days without it, before anything is said about the word."""
NOTABLE = 0.5
"""A gap in average mood smaller than this is "about the same"; at least this is "higher"."""
MIN_URGES = 5
PEAK_HOURS = 3
"""The width of the "most urges came between" window, in hours."""
BASELINE_DAYS = 7
"""The days before a contact that show where mood had been."""
MIN_BASELINE_DAYS = 3
RECOVERY_LIMIT = 30
"""Days after a contact within which mood is looked for to have come back."""
PROFILE_DAYS_AFTER = 14
MIN_SESSIONS = 3
EMOTION_ANSWER = "emotions"
"""Stage 2's answer holding the emotion words picked (a word -> strength object)."""


# -- words (tags and emotions) against mood -------------------------------------


@dataclass(frozen=True)
class WordEffect:
    """The average mood of days with a word against days without it."""

    word: str
    days_with: int
    days_without: int
    mean_with: float
    mean_without: float

    @property
    def difference(self) -> float:
        """How much higher (or, below zero, lower) days with the word went."""
        return self.mean_with - self.mean_without


@dataclass(frozen=True)
class WordInsight:
    """Words with enough days on both sides, the largest gap first, and what to say."""

    effects: tuple[WordEffect, ...]
    too_few: int
    """Words seen, but without MIN_DAYS days on one side."""
    sentences: tuple[str, ...]


def _session_words(session: Session) -> list[str]:
    picked = session.answers.get(EMOTION_ANSWER)
    if isinstance(picked, dict | list):
        return [word for word in picked if isinstance(word, str)]
    return []


def record_words(record: MoodLog | Session) -> set[str]:
    """The words a record gives its day: a mood log's tags, or stage 2's emotions."""
    found = record.tags if isinstance(record, MoodLog) else _session_words(record)
    return {word.strip().lower() for word in found if word.strip()}


def day_words(moods: Iterable[MoodLog], sessions: Iterable[Session] = ()) -> dict[date, set[str]]:
    """The tags and emotion words of each day: mood logs' tags and stage 2's emotions."""
    words: dict[date, set[str]] = defaultdict(set)
    for log in moods:
        words[log.at.date()].update(record_words(log))
    for session in sessions:
        found = record_words(session)
        if found:
            words[session.saved_at.date()].update(found)
    return words


def word_insight(
    moods: Iterable[MoodLog],
    sessions: Iterable[Session] = (),
    *,
    text: InsightText | None = None,
) -> WordInsight:
    """Each word's days against the other days with a mood, only with MIN_DAYS on each side."""
    moods = list(moods)
    return word_insight_of(daily_means(moods), day_words(moods, sessions), text=text)


def word_insight_of(
    means: Mapping[date, float],
    words: Mapping[date, Iterable[str]],
    *,
    text: InsightText | None = None,
) -> WordInsight:
    """word_insight from each day's average mood and each day's words, however gathered
    (the review folds them a month at a time)."""
    text = text or load_insight_text()
    total_days, total_sum = len(means), sum(means.values())
    sums: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for day, mean in means.items():
        for word in words.get(day, ()):
            sums[word] += mean
            counts[word] += 1
    effects, too_few = [], 0
    for word, days_with in counts.items():
        days_without = total_days - days_with
        if days_with < MIN_DAYS or days_without < MIN_DAYS:
            too_few += 1
            continue
        effects.append(
            WordEffect(
                word=word,
                days_with=days_with,
                days_without=days_without,
                mean_with=sums[word] / days_with,
                mean_without=(total_sum - sums[word]) / days_without,
            )
        )
    effects.sort(key=lambda effect: (-abs(effect.difference), effect.word))
    return WordInsight(tuple(effects), too_few, _word_sentences(effects, too_few, text))


def _word_sentences(effects: list[WordEffect], too_few: int, text: InsightText) -> tuple[str, ...]:
    if not effects:
        return (text.say("words", "none", min_days=MIN_DAYS),)
    said = []
    same = 0
    for effect in effects:
        if abs(effect.difference) < NOTABLE:
            same += 1
            continue
        key = "higher" if effect.difference > 0 else "lower"
        said.append(
            text.say(
                "words",
                key,
                word=effect.word,
                mean_with=number_text(effect.mean_with),
                days_with=effect.days_with,
                mean_without=number_text(effect.mean_without),
                days_without=effect.days_without,
            )
        )
    if same == 1:
        effect = next(e for e in effects if abs(e.difference) < NOTABLE)
        said.append(
            text.say(
                "words",
                "same",
                word=effect.word,
                mean_with=number_text(effect.mean_with),
                days_with=effect.days_with,
                mean_without=number_text(effect.mean_without),
                days_without=effect.days_without,
            )
        )
    elif same:
        said.append(text.say("words", "more", count=same))
    if too_few:
        said.append(text.say("words", "too_few", count=too_few, min_days=MIN_DAYS))
    return tuple(said)


# -- when urges come -------------------------------------------------------------


@dataclass(frozen=True)
class UrgeInsight:
    """When urges came (by their own local hour and weekday) and how many were ridden out."""

    total: int
    resisted: int
    by_hour: tuple[int, ...]
    """Urges in each hour of the day, 0 to 23."""
    by_weekday: tuple[int, ...]
    """Urges on each weekday, Monday first."""
    peak_start: int | None
    """The first hour of the PEAK_HOURS-hour window that held the most urges."""
    peak_count: int
    peak_weekday: int | None
    sentences: tuple[str, ...]

    @property
    def acted(self) -> int:
        return self.total - self.resisted


class UrgeCounts:
    """Urges counted by their own local hour and weekday, and how many were ridden out."""

    def __init__(self) -> None:
        self.total = 0
        self.resisted = 0
        self.by_hour = [0] * 24
        self.by_weekday = [0] * 7

    def add(self, urge: Urge) -> None:
        """Count one more urge."""
        self.total += 1
        self.resisted += not urge.acted
        self.by_hour[urge.at.hour] += 1
        self.by_weekday[urge.at.weekday()] += 1

    def merge(self, other: UrgeCounts) -> None:
        """Add another stretch's counts to these."""
        self.total += other.total
        self.resisted += other.resisted
        self.by_hour = [a + b for a, b in zip(self.by_hour, other.by_hour, strict=True)]
        self.by_weekday = [a + b for a, b in zip(self.by_weekday, other.by_weekday, strict=True)]


def count_urges(urges: Iterable[Urge]) -> UrgeCounts:
    """The counts of these urges, in any order."""
    counts = UrgeCounts()
    for urge in urges:
        counts.add(urge)
    return counts


def urge_insight(
    urges: UrgeCounts | Iterable[Urge], *, text: InsightText | None = None
) -> UrgeInsight:
    """Urges by hour and weekday; where they cluster only from MIN_URGES urges on."""
    text = text or load_insight_text()
    counts = urges if isinstance(urges, UrgeCounts) else count_urges(urges)
    total, resisted = counts.total, counts.resisted
    by_hour, by_weekday = counts.by_hour, counts.by_weekday
    if total < MIN_URGES:
        sentences: tuple[str, ...] = ()
        if total:
            sentences = (text.say("urges", "too_few", total=total, min_urges=MIN_URGES),)
        return UrgeInsight(
            total, resisted, tuple(by_hour), tuple(by_weekday), None, 0, None, sentences
        )
    windows = [sum(by_hour[(start + i) % 24] for i in range(PEAK_HOURS)) for start in range(24)]
    # Of windows holding as many, the one centred on the busiest hour: urges all at 21:00
    # came "between 20:00 and 23:00", not "between 19:00 and 22:00".
    peak_start = max(
        range(24), key=lambda start: (windows[start], by_hour[(start + PEAK_HOURS // 2) % 24])
    )
    peak_count = windows[peak_start]
    peak_weekday = by_weekday.index(max(by_weekday))
    sentences = (
        text.say(
            "urges",
            "when",
            start=f"{peak_start:02d}:00",
            end=f"{(peak_start + PEAK_HOURS) % 24:02d}:00",
            count=peak_count,
            total=total,
            weekday=text.weekdays[peak_weekday],
            weekday_count=by_weekday[peak_weekday],
        ),
        text.say(
            "urges", "ridden", resisted=resisted, total=total, percent=round(100 * resisted / total)
        ),
    )
    return UrgeInsight(
        total,
        resisted,
        tuple(by_hour),
        tuple(by_weekday),
        peak_start,
        peak_count,
        peak_weekday,
        sentences,
    )


# -- mood around a contact -------------------------------------------------------


@dataclass(frozen=True)
class ContactRecovery:
    """Mood around one contact: where it had been, that day, and how long it took to return."""

    at: datetime
    baseline: float
    """The average of the daily moods in the BASELINE_DAYS before the contact's day."""
    baseline_days: int
    day_mean: float
    """The average mood on the contact's day, the contact's own mood included."""
    days_to_recover: int | None
    """Days until a day's mood was back within NOTABLE of the baseline (0: it never left);
    None when that did not happen within RECOVERY_LIMIT days, before the next contact,
    or before the entries end."""


@dataclass(frozen=True)
class ContactInsight:
    """Every contact with enough moods around it, and the average day by day around one."""

    recoveries: tuple[ContactRecovery, ...]
    profile: tuple[tuple[int, float | None], ...]
    """(days from the contact, average mood that day across contacts), -7 to +14."""
    sentences: tuple[str, ...]


def _day_moods(day_sums: Mapping[date, Sum], slips: Iterable[Slip]) -> dict[date, float]:
    """Each day's average mood: its mood logs' and any contact's own mood on it."""
    grouped = dict(day_sums)
    for slip in slips:
        if slip.mood is not None:
            total, count = grouped.get(slip.at.date(), (0, 0))
            grouped[slip.at.date()] = (total + slip.mood, count + 1)
    return {day: total / count for day, (total, count) in grouped.items() if count}


def _baseline(day: date, means: Mapping[date, float]) -> list[float]:
    """The daily moods of the BASELINE_DAYS before `day` (days without one are skipped)."""
    days = (day - timedelta(days=back) for back in range(1, BASELINE_DAYS + 1))
    return [means[earlier] for earlier in days if earlier in means]


def _days_to_recover(
    day: date, baseline: float, means: Mapping[date, float], stop: date
) -> int | None:
    """Days from `day` until a day's mood is back near `baseline`, looking before `stop`."""
    for after in range(RECOVERY_LIMIT + 1):
        current = day + timedelta(days=after)
        if current >= stop:
            return None
        if current in means and means[current] >= baseline - NOTABLE:
            return after
    return None


def contact_insight(
    slips: Iterable[Slip],
    moods: Totals | Iterable[MoodLog],
    *,
    text: InsightText | None = None,
) -> ContactInsight:
    """How mood went in the days around each contact, and how long it took to come back."""
    text = text or load_insight_text()
    slips = sorted(slips, key=lambda slip: slip.at)
    means = _day_moods(as_totals(moods).days, slips)
    if not slips:
        return ContactInsight((), (), ())
    after_last = max(means, default=slips[-1].at.date()) + timedelta(days=1)
    contact_days = sorted({slip.at.date() for slip in slips})
    recoveries = []
    for slip in slips:
        day = slip.at.date()
        before = _baseline(day, means)
        if len(before) < MIN_BASELINE_DAYS or day not in means:
            continue
        # Counting stops at the next contact: what follows it belongs to that one.
        stop = next((other for other in contact_days if other > day), after_last)
        baseline = fmean(before)
        recoveries.append(
            ContactRecovery(
                at=slip.at,
                baseline=baseline,
                baseline_days=len(before),
                day_mean=means[day],
                days_to_recover=_days_to_recover(day, baseline, means, min(stop, after_last)),
            )
        )
    profile = []
    for offset in range(-BASELINE_DAYS, PROFILE_DAYS_AFTER + 1):
        found = [
            means[r.at.date() + timedelta(days=offset)]
            for r in recoveries
            if r.at.date() + timedelta(days=offset) in means
        ]
        profile.append((offset, fmean(found) if found else None))
    return ContactInsight(tuple(recoveries), tuple(profile), _contact_sentences(recoveries, text))


def _contact_sentences(recoveries: list[ContactRecovery], text: InsightText) -> tuple[str, ...]:
    if not recoveries:
        return (text.say("contact", "too_few", min_days=MIN_BASELINE_DAYS),)
    if len(recoveries) == 1:
        only = recoveries[0]
        said = [
            text.say(
                "contact",
                "one",
                date=short_day(only.at.date()),
                dip=number_text(only.day_mean),
                baseline=number_text(only.baseline),
            )
        ]
        days = only.days_to_recover
        if days is None:
            said.append(text.say("contact", "not_back_one", limit=RECOVERY_LIMIT))
        elif days == 0:
            said.append(text.say("contact", "back_same_day"))
        elif days == 1:
            said.append(text.say("contact", "back_next_day"))
        else:
            said.append(text.say("contact", "back_after", days=days))
        return tuple(said)
    said = [
        text.say(
            "contact",
            "many",
            dip=number_text(fmean(r.day_mean for r in recoveries)),
            baseline=number_text(fmean(r.baseline for r in recoveries)),
            count=len(recoveries),
        )
    ]
    came_back = [r.days_to_recover for r in recoveries if r.days_to_recover is not None]
    # The middle of an even count can fall between two days: the later one is said.
    middle = math.ceil(median(came_back)) if came_back else None
    if middle == 0:
        held = sum(1 for days in came_back if days == 0)
        said.append(text.say("contact", "held_usually", count=held, total=len(recoveries)))
    elif middle == 1:
        said.append(text.say("contact", "back_usually_next_day", count=len(came_back)))
    elif middle is not None:
        said.append(text.say("contact", "back_usually", days=middle, count=len(came_back)))
    missing = len(recoveries) - len(came_back)
    if missing:
        said.append(text.say("contact", "not_back", count=missing, limit=RECOVERY_LIMIT))
    return tuple(said)


# -- before and after each stage -------------------------------------------------


@dataclass(frozen=True)
class StageInsight:
    """Each stage's change from before to after, from sessions with both moods only."""

    effects: tuple[StageEffect, ...]
    left_out: int
    """Sessions without both moods, which no average counts."""
    sentences: tuple[str, ...]


def stage_names(text: InsightText | None = None) -> dict[int, str]:
    """ "Stage 2, Emotional clarity" for each stage, from the stages' own short titles."""
    from tui.content.stages import load_stages

    text = text or load_insight_text()
    return {
        number: text.say("stages", "name", number=number, title=stage.short_title)
        for number, stage in load_stages().items()
    }


def stage_insight(
    sessions: Totals | Iterable[Session],
    *,
    names: Mapping[int, str] | None = None,
    text: InsightText | None = None,
) -> StageInsight:
    """The average change per stage; a stage with fewer than MIN_SESSIONS is only counted."""
    text = text or load_insight_text()
    names = names if names is not None else stage_names(text)
    totals = as_totals(sessions)
    effects = stage_effects(totals)
    left_out = sum(tally.no_after + tally.no_before for tally in totals.stages.values())
    said = []
    for effect in effects:
        name = names.get(effect.stage, str(effect.stage))
        if effect.sessions < MIN_SESSIONS:
            said.append(
                text.say(
                    "stages",
                    "too_few",
                    stage=name,
                    sessions=effect.sessions,
                    min_sessions=MIN_SESSIONS,
                )
            )
            continue
        said.append(
            text.say(
                "stages",
                "change",
                stage=name,
                before=number_text(effect.mean_before),
                after=number_text(effect.mean_after),
                sessions=effect.sessions,
            )
        )
    if left_out and said:
        said.append(text.say("stages", "left_out", count=left_out))
    return StageInsight(tuple(effects), left_out, tuple(said))
