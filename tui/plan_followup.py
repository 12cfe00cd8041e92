"""Stage 1's plan ("one thing, with a day") on home around its day, and asked about once after.

No Textual here. A plan is a stage 1 session whose answers hold what (`pick_what`) and a
day (`pick_day`). Home shows it from DAYS_AHEAD days before its day until the day itself;
the first time the app opens after that day it asks once whether it happened, and the
answer is kept on the session under FOLLOW_UP. The answer counts for nothing: no
insight, streak or summary reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from tui.store.records import Session
from tui.store.store import Store

FOLLOW_UP = "did_it_happen"
"""The session answer that holds one of tui.content.plan_text.ANSWERS once the person was asked."""
DAYS_AHEAD = 3
"""Home shows a plan from this many days before its day."""
ASK_WITHIN = 14
"""Days after a plan's day during which it may still be asked about; older ones never are."""
SESSIONS_BACK = 60
"""Days of stage 1 sessions read for plans: a plan is rarely made further ahead than this."""


@dataclass(frozen=True)
class Plan:
    """One thing the person chose to do, on a day, and the session it was saved in."""

    session: Session
    what: str
    day: date

    @property
    def asked(self) -> bool:
        return FOLLOW_UP in self.session.answers


def plan_of(session: Session) -> Plan | None:
    """The plan a stage 1 session holds, if it has both what and a day."""
    if session.stage != 1:
        return None
    what = session.answers.get("pick_what")
    day = session.answers.get("pick_day")
    if not isinstance(what, str) or not what.strip() or not isinstance(day, str):
        return None
    try:
        return Plan(session, " ".join(what.split()), date.fromisoformat(day))
    except ValueError:
        return None


def plans_to_show(plans: list[Plan], today: date) -> list[Plan]:
    """Plans whose day is today or within DAYS_AHEAD days, soonest first."""
    shown = [plan for plan in plans if 0 <= (plan.day - today).days <= DAYS_AHEAD]
    return sorted(shown, key=lambda plan: (plan.day, plan.session.saved_at))


def plan_to_ask(plans: list[Plan], today: date) -> Plan | None:
    """The plan to ask about now: its day has passed (recently) and it was never asked."""
    due = [plan for plan in plans if not plan.asked and 0 < (today - plan.day).days <= ASK_WITHIN]
    return max(due, key=lambda plan: (plan.day, plan.session.saved_at), default=None)


def answered(plan: Plan, answer: str) -> Session:
    """The plan's session with the answer kept on it."""
    return plan.session.replace(answers={**plan.session.answers, FOLLOW_UP: answer})


def read_plans(store: Store, now: datetime) -> list[Plan]:
    """Plans in stage 1 sessions saved over the last SESSIONS_BACK days."""
    since = datetime.combine(now.date() - timedelta(days=SESSIONS_BACK), time.min, now.tzinfo)
    found = (plan_of(session) for session in store.sessions(stage=1, since=since))
    return [plan for plan in found if plan is not None]
