"""How the app reaches support, the safety plan, the blank screen and the tracker's forms."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand

from tui.content.support import load_support
from tui.content.tracker import load_tracker_text
from tui.screens.blank import BlankScreen
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.support import SupportScreen
from tui.screens.tracker_actions import (
    LogisticsForm,
    ReasonsForm,
    SlipForm,
    StartDayForm,
    UrgeForm,
)
from tui.screens.tracker_form import TrackerForm
from tui.store.store import Store


def open_support(app: App[Any], store: Store) -> None:
    """Open the support panel, unless it is open already or the screen is blanked."""
    if isinstance(app.screen, SupportScreen | BlankScreen):
        return
    app.push_screen(SupportScreen(store, load_support()))


def open_safety_plan(app: App[Any], store: Store) -> None:
    """Open the safety-plan editor."""
    if isinstance(app.screen, SafetyPlanScreen | BlankScreen):
        return
    app.push_screen(SafetyPlanScreen(store, load_support()))


def toggle_blank(app: App[Any]) -> None:
    """Blank the screen at once, or bring back what was there."""
    if isinstance(app.screen, BlankScreen):
        app.pop_screen()
    else:
        app.push_screen(BlankScreen())


def open_form(app: App[Any], store: Store, form: type[TrackerForm[Any]]) -> None:
    """Open one of the tracker's forms over whatever is showing."""
    if isinstance(app.screen, form | BlankScreen):
        return
    app.push_screen(form(store, load_tracker_text()))


def care_commands(app: App[Any], store: Store) -> Iterable[SystemCommand]:
    """Palette entries for support, the safety plan, the tracker's forms and the blank screen."""
    entries: list[tuple[str, str, Callable[[], object]]] = [
        (
            "Support",
            "Crisis lines, your safety plan, and where to turn (F2)",
            partial(open_support, app, store),
        ),
        (
            "My safety plan",
            "Write or change your safety plan",
            partial(open_safety_plan, app, store),
        ),
        (
            "Log an urge",
            "An urge to reach out, and whether it passed",
            partial(open_form, app, store, UrgeForm),
        ),
        (
            "Log contact that happened",
            "A slip: the count starts again, nothing is lost",
            partial(open_form, app, store, SlipForm),
        ),
        (
            "Log logistics contact",
            "Children, money, a lease: it breaks nothing",
            partial(open_form, app, store, LogisticsForm),
        ),
        (
            "Why I started",
            "Write or change your reasons",
            partial(open_form, app, store, ReasonsForm),
        ),
        (
            "Set the day I started",
            "The day the no-contact period began",
            partial(open_form, app, store, StartDayForm),
        ),
        (
            "Blank the screen",
            "Hide everything at once; F12 brings it back",
            partial(toggle_blank, app),
        ),
    ]
    for title, help_text, callback in entries:
        yield SystemCommand(title, help_text, callback)
