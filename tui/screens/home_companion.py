"""Home's daily cards: stage 1's plan around its day.

Their words come from data/plan.json; what they show is worked out by
tui/plan_followup.py, which knows nothing of Textual.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from textual.content import Content

from tui.content.plan_text import PlanText
from tui.date_words import WEEKDAYS
from tui.plan_followup import plans_to_show, read_plans
from tui.store.store import Store


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
