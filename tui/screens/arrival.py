"""What the app does as it opens: the welcome on a first run."""

from __future__ import annotations

from typing import Any

from textual.app import App

from tui.content.support import load_support
from tui.content.welcome_text import load_welcome_text
from tui.first_run import guess_this_computer, should_welcome
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
    """Open the welcome on an empty journal."""
    if should_welcome(store):
        app.push_screen(welcome_screen(store))
