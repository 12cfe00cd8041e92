"""The week looked back on: a few lines about a week that has ended, from its records alone.

Shared by home's card and `nocontact week`; no Textual here. `summarize_week` is a pure
function of the records it is handed and the day it is asked on; `read_weeks` reads the
store for it. `week_lines` words a summary with data/week.json.

Weeks run from Monday to Sunday, as in ISO 8601, the review's calendar and most of the
world's calendars; a person who started on a Thursday gets a first week of four days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tui.content.week_text import WeekText
from tui.date_words import WEEKDAYS, short_day
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store, month_key
from tui.store.tracker import MILESTONES, build_tracker

WEEK = timedelta(days=7)
QUOTE_WIDTH = 80
"""Characters of a quoted line; longer ones are cut with an ellipsis."""


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def last_ended_week(today: date) -> date:
    """The Monday of the latest week that has ended by `today`."""
    return week_start(today) - WEEK


@dataclass(frozen=True)
class MoodSpan:
    """The moods of one week: their average, lowest and highest."""

    average: float
    low: int
    high: int
    count: int


@dataclass(frozen=True)
class WeekSummary:
    """What one week held, ready to be put into words."""

    first_day: date
    """Its Monday."""
    first_week: bool
    """Whether nothing was saved before it (so there is no week before to compare with)."""
    started: date | None
    """The no-contact start day, when it falls on or before the week's Sunday."""
    counted_days: int
    """Days of the week from the start day on (0 without a start day, or in quiet mode)."""
    contact_days: tuple[date, ...]
    """Days of the week with contact (a slip); logistics contact is not counted."""
    urges_ridden: int
    urges_acted: int
    mood: MoodSpan | None
    mood_before: MoodSpan | None
    sessions: dict[int, int]
    """Sessions saved in the week, by stage."""
    next_milestone: tuple[int, date] | None
    """For the week just ended: the current run's next milestone, and the day it falls on."""
    quote: tuple[date, str] | None
    """One line the person wrote that week, and the day they wrote it."""
    quiet: bool

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=6)

    @property
    def free_days(self) -> int:
        return self.counted_days - len(self.contact_days)

    @property
    def empty(self) -> bool:
        """Nothing at all was written down that week."""
        return not (self.mood or self.sessions or self.urges_ridden or self.urges_acted) and not (
            self.contact_days or self.counted_days
        )


def mood_span(moods: Iterable[int]) -> MoodSpan | None:
    values = list(moods)
    if not values:
        return None
    return MoodSpan(sum(values) / len(values), min(values), max(values), len(values))


def _first_line(text: str) -> str:
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= QUOTE_WIDTH else f"{line[: QUOTE_WIDTH - 1].rstrip()}…"


def pick_quote(
    moods: Sequence[MoodLog], sessions: Sequence[Session], fields: Sequence[str]
) -> tuple[date, str] | None:
    """One line to give back: from an exercise's kinder answers first, then the best day's note.

    Only answers written to be read again (strengths, one's own voice...) are chosen, in
    the order data/week.json lists them; never what the person would have said to the ex.
    """
    for field in fields:
        for session in sorted(sessions, key=lambda found: found.saved_at, reverse=True):
            answer = session.answers.get(field)
            if isinstance(answer, str) and _first_line(answer):
                return session.saved_at.date(), _first_line(answer)
    noted = [log for log in moods if _first_line(log.note)]
    if not noted:
        return None
    best = max(noted, key=lambda log: (log.mood, log.at))
    return best.at.date(), _first_line(best.note)


def summarize_week(
    first_day: date,
    *,
    moods: Iterable[MoodLog],
    sessions: Iterable[Session],
    urges: Iterable[Urge],
    slips: Iterable[Slip],
    started: date | None,
    today: date,
    quiet: bool,
    first_week: bool,
    quote_fields: Sequence[str] = (),
) -> WeekSummary:
    """The week from Monday `first_day`, from records that may reach beyond it (they are sorted).

    `moods` should include the week before, for the comparison; `today` is the day the
    summary is asked for, which only decides the next milestone (for the latest week only).
    """
    last_day = first_day + timedelta(days=6)

    def within(moment: datetime, first: date = first_day, last: date = last_day) -> bool:
        return first <= moment.date() <= last

    all_moods = list(moods)
    week_moods = [log for log in all_moods if within(log.at)]
    before = [
        log for log in all_moods if within(log.at, first_day - WEEK, first_day - timedelta(1))
    ]
    week_sessions = [session for session in sessions if within(session.saved_at)]
    week_urges = [urge for urge in urges if within(urge.at)]
    all_slips = list(slips)
    counted = started is not None and started <= last_day and not quiet
    from_day = max(first_day, started) if counted and started else last_day + timedelta(1)
    contact = sorted({slip.at.date() for slip in all_slips if within(slip.at, from_day, last_day)})
    tracker = build_tracker(started, all_slips, (), today)
    upcoming = [days for days in MILESTONES if days > tracker.current_days]
    next_milestone = None
    # Only the week that has just ended looks ahead: for an older one it would be past news.
    latest = first_day == last_ended_week(today)
    if latest and counted and tracker.current and started and started <= today and upcoming:
        next_milestone = (upcoming[0], tracker.current.start + timedelta(days=upcoming[0]))
    by_stage: dict[int, int] = {}
    for session in week_sessions:
        by_stage[session.stage] = by_stage.get(session.stage, 0) + 1
    return WeekSummary(
        first_day=first_day,
        first_week=first_week,
        started=started if started is not None and started <= last_day else None,
        counted_days=(last_day - from_day).days + 1 if counted else 0,
        contact_days=tuple(contact),
        urges_ridden=sum(1 for urge in week_urges if not urge.acted),
        urges_acted=sum(1 for urge in week_urges if urge.acted),
        mood=mood_span(log.mood for log in week_moods),
        mood_before=None if first_week else mood_span(log.mood for log in before),
        sessions=dict(sorted(by_stage.items())),
        next_milestone=next_milestone,
        quote=pick_quote(week_moods, week_sessions, quote_fields),
        quiet=quiet,
    )


# -- words -------------------------------------------------------------------


def weekday(day: date) -> str:
    """The day's name, "Saturday": the week's days need no more than that."""
    return WEEKDAYS[day.weekday()]


def _average(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _range(span: MoodSpan, text: WeekText) -> str:
    if span.count == 1:
        return text.one_mood.format(mood=span.low)
    return text.mood_range.format(low=span.low, high=span.high)


def week_heading(summary: WeekSummary, text: WeekText, today: date) -> str:
    """ "Mon 16 Nov to Sun 22 Nov"."""
    return text.heading.format(
        first=short_day(summary.first_day, today), last=short_day(summary.last_day, today)
    )


def week_lines(
    summary: WeekSummary, text: WeekText, stage_titles: dict[int, str], today: date
) -> list[str]:
    """The week in a few plain lines; in quiet mode without any day count."""
    if summary.empty:
        return [text.quiet_week]
    lines = []
    if summary.counted_days and not summary.quiet:
        days = {"free": summary.free_days, "days": summary.counted_days}
        if summary.started and summary.started > summary.first_day:
            start = weekday(summary.started)
            lines.append(text.days_free_from_start.format(start=start, **days))
        else:
            lines.append(text.days_free.format(**days))
        if summary.contact_days:
            named = ", ".join(weekday(day) for day in summary.contact_days)
            lines.append(text.contact_on.format(days=named))
    if summary.urges_ridden or summary.urges_acted:
        lines.append(text.urges.format(ridden=summary.urges_ridden, acted=summary.urges_acted))
    mood = summary.mood
    if mood:
        shown = {"average": _average(mood.average), "range": _range(mood, text)}
        before = summary.mood_before
        if before:
            lines.append(
                text.mood_compared.format(
                    before_average=_average(before.average),
                    before_range=_range(before, text),
                    **shown,
                )
            )
        elif summary.first_week:
            lines.append(text.mood_first_week.format(**shown))
        else:
            lines.append(text.mood.format(**shown))
    if summary.sessions:
        items = ", ".join(
            text.session_item.format(title=stage_titles.get(stage, str(stage)), count=count)
            for stage, count in summary.sessions.items()
        )
        lines.append(text.sessions.format(list=items))
    if summary.next_milestone and not summary.quiet:
        milestone, on_day = summary.next_milestone
        lines.append(text.next_milestone.format(days=milestone, day=short_day(on_day, today)))
    if summary.quote:
        day, quoted = summary.quote
        lines.append(text.quote.format(day=weekday(day), text=quoted))
    return lines


# -- reading the store ---------------------------------------------------------


def _midnight(day: date, like: datetime) -> datetime:
    return datetime.combine(day, time.min, tzinfo=like.tzinfo)


def saved_before(store: Store, day: date, now: datetime) -> bool:
    """Whether anything at all was saved for a moment before `day` (the journal began)."""
    started = store.no_contact_start()
    if started is not None and started < day:
        return True
    contacts = [slip.at for slip in store.slips()] + [item.at for item in store.logistics()]
    if any(moment.date() < day for moment in contacts):
        return True
    for kind in ("moods", "sessions", "urges"):
        shards = store.shard_paths(kind)
        if not shards:
            continue
        oldest = shards[-1].stem
        if oldest < month_key(day):
            return True
        if oldest == month_key(day):
            since = _midnight(day.replace(day=1), now)
            if any(record.when.date() < day for record in store.records(kind, since)):
                return True
    return False


def read_weeks(
    store: Store, count: int, now: datetime, quiet: bool, quote_fields: Sequence[str] = ()
) -> list[WeekSummary]:
    """The `count` latest weeks that have ended, newest first, none from before the journal."""
    today = now.date()
    mondays = [last_ended_week(today) - WEEK * index for index in range(count)]
    mondays = [monday for monday in mondays if saved_before(store, monday + WEEK, now)]
    if not mondays:
        return []
    since = _midnight(mondays[-1] - WEEK, now)
    moods = store.moods(since)
    sessions = store.sessions(since=since)
    urges = store.urges(since)
    slips = store.slips()
    started = store.no_contact_start()
    return [
        summarize_week(
            monday,
            moods=moods,
            sessions=sessions,
            urges=urges,
            slips=slips,
            started=started,
            today=today,
            quiet=quiet,
            first_week=not saved_before(store, monday, now),
            quote_fields=quote_fields,
        )
        for monday in mondays
    ]
