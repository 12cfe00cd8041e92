"""How the app reaches support, the safety plan and the tracker's forms, by key or palette."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand

from tui.content.support import load_support
from tui.content.tracker import TrackerText, load_tracker_text
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


def open_form(app: App[Any], store: Store, form: type[TrackerForm[Any]]) -> None:
    """Open one of the tracker's forms over whatever is showing."""
    if isinstance(app.screen, form | BlankScreen):
        return
    app.push_screen(form(store, load_tracker_text()))


def tracker_entries(text: TrackerText) -> list[tuple[str, str, type[TrackerForm[Any]]]]:
    """The tracker's forms as the palette lists them, named as the links on home name them."""
    names = text.actions
    return [
        (names["urge"], "An urge to reach out, and whether it passed", UrgeForm),
        (names["slip"], "The count starts again; your longest run and total stay", SlipForm),
        (names["logistics"], "Children, money, a lease: it breaks nothing", LogisticsForm),
        (names["reasons"], "Write or change your reasons", ReasonsForm),
        (names["start"], "The day your no-contact period began", StartDayForm),
    ]


def care_commands(
    app: App[Any], store: Store, toggle_blank: Callable[[], object]
) -> Iterable[SystemCommand]:
    """Palette entries for support, the safety plan, the tracker's forms and the blank screen."""
    entries: list[tuple[str, str, Callable[[], object]]] = [
        (
            "Support",
            "Crisis lines, your safety plan, and where to turn (f2)",
            partial(open_support, app, store),
        ),
        (
            "My safety plan",
            "Write or change your safety plan",
            partial(open_safety_plan, app, store),
        ),
        *(
            (title, help_text, partial(open_form, app, store, form))
            for title, help_text, form in tracker_entries(load_tracker_text())
        ),
        (
            "Blank screen",
            "Hide everything at once; f12 brings it back",
            toggle_blank,
        ),
    ]
    for title, help_text, callback in entries:
        yield SystemCommand(title, help_text, callback)
