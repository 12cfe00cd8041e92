"""The first-run welcome's words, read from data/welcome.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, Fields, document

WELCOME_FILE = "welcome.json"


@dataclass(frozen=True)
class WelcomeText:
    """Everything the welcome says, step by step, and its guesses at a country."""

    title: str
    step_counter: str
    about: tuple[str, ...]
    about_title: str
    country: dict[str, str]
    start: dict[str, str]
    quiet: dict[str, str]
    buttons: dict[str, str]
    finished: str
    country_guess: dict[str, str]
    """ISO 3166 code -> the country's code in data/support.json."""


def _texts(fields: Fields, keys: tuple[str, ...]) -> dict[str, str]:
    return {key: fields.text(key) for key in keys}


@cache
def load_welcome_text() -> WelcomeText:
    """The welcome's words, read and checked once per process."""
    fields = document(WELCOME_FILE)
    about = fields.object("about")
    paragraphs = tuple(about.texts("paragraphs"))
    if not paragraphs:
        raise ContentError(f"{WELCOME_FILE}: field 'about.paragraphs' is empty")
    counter = fields.text("step_counter")
    if "{step}" not in counter or "{steps}" not in counter:
        raise ContentError(f"{WELCOME_FILE}: field 'step_counter' needs {{step}} and {{steps}}")
    guesses = fields.object("country_guess")
    return WelcomeText(
        title=fields.text("title"),
        step_counter=counter,
        about=paragraphs,
        about_title=about.text("title"),
        country=_texts(fields.object("country"), ("title", "body", "guessed", "not_guessed")),
        start=_texts(
            fields.object("start"),
            (
                "title",
                "body",
                "today",
                "past",
                "later",
                "day_label",
                "past_hint",
                "later_hint",
                "need_past",
                "need_later",
                "need_day",
            ),
        ),
        quiet=_texts(fields.object("quiet"), ("title", "body", "show", "hide")),
        buttons=_texts(fields.object("buttons"), ("next", "finish", "back", "skip", "skip_all")),
        finished=fields.text("finished"),
        country_guess={key: guesses.text(key) for key in guesses.data},
    )
