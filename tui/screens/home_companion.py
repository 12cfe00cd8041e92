"""Home's two daily cards: stage 1's plan around its day, and the week just ended, once.

Their words come from data/plan.json and data/week.json; what they show is worked out by
tui/plan_followup.py and tui/week_summary.py, which know nothing of Textual.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.content import Content

from tui.content.plan_text import PlanText
from tui.content.stages import load_stages
from tui.content.week_text import WeekText
from tui.date_words import WEEKDAYS
from tui.plan_followup import plans_to_show, read_plans
from tui.store import preferences, setting_keys
from tui.store.store import Store
from tui.week_summary import last_ended_week, read_weeks, week_heading, week_lines


def plan_day_words(day: date, today: date, text: PlanText) -> str:
    """ "Today", "Tomorrow", or the weekday: a plan shows at most a few days ahead."""
    if day == today:
        return text.today
    if (day - today).days == 1:
        return text.tomorrow
    return WEEKDAYS[day.weekday()]


def plan_card(store: Store, now: datetime, text: PlanText) -> Content | None:
    """Each plan due within a few days, as "Saturday: swimming, early", or None."""
    shown = plans_to_show(read_plans(store, now), now.date())
    if not shown:
        return None
    parts: list[Any] = []
    for plan in shown:
        line = text.card_line.format(day=plan_day_words(plan.day, now.date(), text), what=plan.what)
        parts += [(line, "bold"), "\n"]
    parts.append((text.card_note, "$text-muted"))
    return Content.assemble(*parts)


def week_card(store: Store, now: datetime, text: WeekText) -> Content | None:
    """The week just ended, if it has not been looked back on at home yet; else None."""
    if store.setting(setting_keys.WEEK_SEEN) == last_ended_week(now.date()).isoformat():
        return None
    quiet = preferences.current(setting_keys.QUIET, store.setting(setting_keys.QUIET))
    weeks = read_weeks(store, 1, now, quiet, text.quote_fields)
    if not weeks:
        return None
    [summary] = weeks
    titles = {number: stage.short_title for number, stage in load_stages().items()}
    lines = week_lines(summary, text, titles, now.date())
    heading = week_heading(summary, text, now.date())
    return Content.assemble((heading, "$text-muted"), "\n", "\n".join(lines))


def remember_week_seen(store: Store, now: datetime) -> None:
    """Mark the week just ended as looked back on, so home shows it only this once."""
    store.set_setting(setting_keys.WEEK_SEEN, last_ended_week(now.date()).isoformat())
