"""What the app does as it opens: the welcome on a first run, else one question about a plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import App

from tui.clock import now
from tui.content.plan_text import load_plan_text
from tui.content.support import load_support
from tui.content.welcome_text import load_welcome_text
from tui.date_words import WEEKDAYS, long_day
from tui.first_run import guess_this_computer, should_welcome
from tui.plan_followup import plan_to_ask, read_plans
from tui.store import preferences, setting_keys
from tui.store.store import Store


def welcome_screen(store: Store) -> Any:
    """The welcome, offering the country already set or else the one guessed."""
    from tui.screens.welcome import WelcomeScreen

    text = load_welcome_text()
    saved = store.setting(setting_keys.COUNTRY)
    guess = None if saved else guess_this_computer(text.country_guess)
    quiet = preferences.current(setting_keys.QUIET, store.setting(setting_keys.QUIET))
    country = saved if isinstance(saved, str) else guess
    return WelcomeScreen(store, text, load_support(), country, guess is not None, quiet)


def greet(app: App[Any], store: Store) -> None:
    """Open the welcome on an empty journal; otherwise ask about one plan whose day has passed."""
    if should_welcome(store):
        app.push_screen(welcome_screen(store))
        return
    moment = now()
    plan = plan_to_ask(read_plans(store, moment), moment.date())
    if plan is not None:
        from tui.screens.plan_question import PlanQuestion

        app.push_screen(PlanQuestion(store, plan, load_plan_text(), past_day_words(plan.day)))


def past_day_words(day: date) -> str:
    """A past day in the question: "Saturday", or "Saturday 14 November" a week or more ago."""
    today = now().date()
    if (today - day).days < 7:
        return WEEKDAYS[day.weekday()]
    return long_day(day, today)
