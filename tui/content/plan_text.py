"""The words around stage 1's plan on home and its one follow-up, read from data/plan.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document

PLAN_FILE = "plan.json"
ANSWERS = ("yes", "not this time", "rather not say")
"""The answers to "did it happen?", as saved on the session (and read in its detail view)."""


@dataclass(frozen=True)
class PlanText:
    """Everything the plan's card and its question say."""

    card_title: str
    card_line: str
    card_note: str
    today: str
    tomorrow: str
    question_title: str
    question: str
    answers: dict[str, str]
    """The button for each of ANSWERS."""
    replies: dict[str, str]
    """What is said after each answer; not going is fine, and said so."""
    note: str


@cache
def load_plan_text() -> PlanText:
    """The plan's words, read and checked once per process."""
    fields = document(PLAN_FILE)
    for key, needed in (("card_line", ("{day}", "{what}")), ("question", ("{day}", "{what}"))):
        for placeholder in needed:
            if placeholder not in fields.text(key):
                raise ContentError(f"{PLAN_FILE}: field '{key}' needs a {placeholder} placeholder")
    answers, replies = fields.object("answers"), fields.object("replies")
    return PlanText(
        card_title=fields.text("card_title"),
        card_line=fields.text("card_line"),
        card_note=fields.text("card_note"),
        today=fields.text("today"),
        tomorrow=fields.text("tomorrow"),
        question_title=fields.text("question_title"),
        question=fields.text("question"),
        answers={key: answers.text(key) for key in ANSWERS},
        replies={key: replies.text(key) for key in ANSWERS},
        note=fields.text("note"),
    )
