"""The settings a person chooses: each one's default, how it is read from text, and its check.

`nocontact config`, the settings screen and the welcome all read and write these five
(country, quiet mode, theme, check-in time, what the prompt shows) through one table, and
the Store runs `check` before any of them, or the two bookkeeping settings, is saved.
What each setting means, in words for the person, lives in data/settings.json.

A value found on disk that fails its check (a hand-edited profile.json) reads as the
default: a setting is a preference, never a reason for a screen or the prompt to fail.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from tui.store import setting_keys
from tui.store.validation import ValidationError

THEMES = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)
"""Textual's built-in themes by name; kept here so `config` never imports Textual.

tests/test_preferences.py fails when Textual's own list changes.
"""
PROMPT_PARTS = ("day", "mood")
"""What the prompt's segment can show, in the order it shows them."""
OFF = "off"
ON_WORDS = frozenset({"on", "yes", "true", "1"})
OFF_WORDS = frozenset({"off", "no", "false", "0"})
_COUNTRY_CODE = re.compile(r"[A-Za-z][A-Za-z-]{1,19}")
_CLOCK = re.compile(r"(\d{1,2})(?::(\d{2}))?")


class Preference:
    """One setting a person chooses: its key, its default, and how its value is read and shown."""

    def __init__(self, key: str, default: Any) -> None:
        self.key = key
        self.default = default

    def check(self, value: Any) -> None:
        """Raise ValidationError unless `value` may be saved as this setting."""
        raise NotImplementedError

    def parse(self, text: str) -> Any:
        """The value a person means by `text` (from `config` or a field), checked."""
        raise NotImplementedError

    def show(self, value: Any) -> str:
        """The value as `config` prints it, and as `parse` reads it back."""
        return str(value)

    def current(self, stored: Any) -> Any:
        """What a stored value means: itself when it passes its check, else the default."""
        try:
            self.check(stored)
        except ValidationError:
            return self.default
        return stored


class Flag(Preference):
    """On or off."""

    def check(self, value: Any) -> None:
        if not isinstance(value, bool):
            raise ValidationError(f"The setting {self.key} must be on or off.")

    def parse(self, text: str) -> bool:
        word = text.strip().lower()
        if word in ON_WORDS:
            return True
        if word in OFF_WORDS:
            return False
        raise ValidationError(f"The setting {self.key} takes on or off.")

    def show(self, value: Any) -> str:
        return "on" if value else OFF


class Choice(Preference):
    """One of a fixed list of names."""

    def __init__(self, key: str, default: str, choices: tuple[str, ...]) -> None:
        super().__init__(key, default)
        self.choices = choices

    def check(self, value: Any) -> None:
        if value not in self.choices:
            raise ValidationError(
                f"The setting {self.key} takes one of: {', '.join(self.choices)}."
            )

    def parse(self, text: str) -> str:
        name = text.strip().lower()
        self.check(name)
        return name


class Country(Preference):
    """A country's code from data/support.json; the store checks its shape only.

    The store knows nothing of the content files, so whether a code names a country is
    checked where the list is at hand (`config`, the settings screen); an unknown code
    (older journals hold "GB" or "UK") shows the lines for "anywhere" (tui/content/support.py).
    """

    def check(self, value: Any) -> None:
        if not isinstance(value, str) or not _COUNTRY_CODE.fullmatch(value):
            raise ValidationError("A country is saved as its short code, such as uk or us.")

    def parse(self, text: str) -> str:
        code = text.strip().lower()
        self.check(code)
        return code


class CheckinTime(Preference):
    """A time of day as "HH:MM", or "off"."""

    def check(self, value: Any) -> None:
        if value == OFF:
            return
        if not isinstance(value, str) or checkin_minutes(value) is None or len(value) != 5:
            raise ValidationError(
                f"The setting {self.key} takes a time of day such as 20:00, or off."
            )

    def parse(self, text: str) -> str:
        word = text.strip().lower()
        if word in OFF_WORDS:
            return OFF
        found = _CLOCK.fullmatch(word)
        if found:
            hours, minutes = int(found.group(1)), int(found.group(2) or 0)
            if hours < 24 and minutes < 60:
                return f"{hours:02d}:{minutes:02d}"
        raise ValidationError(f"The setting {self.key} takes a time of day such as 20:00, or off.")


class PromptParts(Preference):
    """Which of PROMPT_PARTS the prompt shows, in their order; none at all is "off"."""

    def check(self, value: Any) -> None:
        if (
            not isinstance(value, list)
            or any(part not in PROMPT_PARTS for part in value)
            or value != sorted(set(value), key=PROMPT_PARTS.index)
        ):
            raise ValidationError(f"The setting {self.key} takes day, mood, day,mood or off.")

    def parse(self, text: str) -> list[str]:
        words = text.strip().lower().replace("+", ",").replace(" ", ",").split(",")
        chosen = {word for word in words if word}
        if chosen <= OFF_WORDS | {"none", "nothing"} and chosen:
            return []
        if not chosen or not chosen <= set(PROMPT_PARTS):
            raise ValidationError(f"The setting {self.key} takes day, mood, day,mood or off.")
        return [part for part in PROMPT_PARTS if part in chosen]

    def show(self, value: Any) -> str:
        return ",".join(value) if value else OFF


CHOSEN: dict[str, Preference] = {
    setting_keys.COUNTRY: Country(setting_keys.COUNTRY, "anywhere"),
    setting_keys.QUIET: Flag(setting_keys.QUIET, False),
    setting_keys.THEME: Choice(setting_keys.THEME, "textual-dark", THEMES),
    setting_keys.CHECKIN: CheckinTime(setting_keys.CHECKIN, "20:00"),
    setting_keys.PROMPT: PromptParts(setting_keys.PROMPT, list(PROMPT_PARTS)),
}
"""The settings a person chooses, in the order `config` lists them."""


def _check_week_seen(value: Any) -> None:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ValidationError("The week looked back on is saved as a date.") from error


def _check_welcomed(value: Any) -> None:
    if not isinstance(value, bool):
        raise ValidationError("Whether the welcome was seen is saved as yes or no.")


BOOKKEEPING = {
    setting_keys.WEEK_SEEN: _check_week_seen,
    setting_keys.WELCOMED: _check_welcomed,
}
"""Settings the app keeps for itself, checked like the chosen ones but not listed."""


def check_preference(key: str, value: Any) -> None:
    """The store's check for any setting named here; other settings pass untouched."""
    chosen = CHOSEN.get(key)
    if chosen is not None:
        chosen.check(value)
    elif key in BOOKKEEPING:
        BOOKKEEPING[key](value)


def current(key: str, stored: Any) -> Any:
    """What the stored value of a chosen setting means (its default when missing or bad)."""
    return CHOSEN[key].current(stored)


def checkin_minutes(value: Any) -> int | None:
    """A check-in time as minutes after midnight, or None when it is off or unreadable."""
    if not isinstance(value, str):
        return None
    found = _CLOCK.fullmatch(value)
    if not found or found.group(2) is None:
        return None
    hours, minutes = int(found.group(1)), int(found.group(2))
    return hours * 60 + minutes if hours < 24 and minutes < 60 else None
