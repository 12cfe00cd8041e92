"""The words of the help screen, read from data/help.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import document

FILE = "help.json"


@dataclass(frozen=True)
class HelpText:
    """Everything the help screen says besides the keys themselves."""

    title: str
    how_it_works_title: str
    how_it_works: tuple[str, ...]
    keys_title: str
    keys_intro: str
    section_screen: str
    section_widget: str
    section_app: str
    care_title: str
    not_therapy: str
    safety_title: str
    safety: str
    close_hint: str


@cache
def load_help() -> HelpText:
    """The help text, read and checked once per process."""
    top = document(FILE)
    sections = top.object("sections")
    return HelpText(
        title=top.text("title"),
        how_it_works_title=top.text("how_it_works_title"),
        how_it_works=tuple(top.texts("how_it_works")),
        keys_title=top.text("keys_title"),
        keys_intro=top.text("keys_intro"),
        section_screen=sections.text("screen"),
        section_widget=sections.text("widget"),
        section_app=sections.text("app"),
        care_title=top.text("care_title"),
        not_therapy=top.text("not_therapy"),
        safety_title=top.text("safety_title"),
        safety=top.text("safety"),
        close_hint=top.text("close_hint"),
    )
