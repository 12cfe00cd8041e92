"""The words of the week looked back on, read from data/week.json."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from tui.content.loader import ContentError, document

WEEK_FILE = "week.json"
PLACEHOLDERS = {
    "heading": ("{first}", "{last}"),
    "days_free": ("{free}", "{days}"),
    "days_free_from_start": ("{free}", "{days}", "{start}"),
    "contact_on": ("{days}",),
    "urges": ("{ridden}", "{acted}"),
    "mood": ("{average}", "{range}"),
    "mood_compared": ("{average}", "{range}", "{before_average}", "{before_range}"),
    "mood_first_week": ("{average}", "{range}"),
    "one_mood": ("{mood}",),
    "mood_range": ("{low}", "{high}"),
    "sessions": ("{list}",),
    "session_item": ("{title}", "{count}"),
    "next_milestone": ("{days}", "{day}"),
    "quote": ("{day}", "{text}"),
}
"""Each templated line and the placeholders it must carry."""


@dataclass(frozen=True)
class WeekText:
    """Everything the week's card and `nocontact week` say."""

    title: str
    heading: str
    nothing_yet: str
    quiet_week: str
    days_free: str
    days_free_from_start: str
    contact_on: str
    urges: str
    mood: str
    mood_compared: str
    mood_first_week: str
    one_mood: str
    mood_range: str
    sessions: str
    session_item: str
    next_milestone: str
    quote: str
    quote_fields: tuple[str, ...]
    """Session answers worth giving back, in order of preference (never what would be said)."""
    dismiss: str


@cache
def load_week_text() -> WeekText:
    """The week's words, read and checked once per process."""
    source = document(WEEK_FILE)
    texts = {
        field.name: source.text(field.name)
        for field in fields(WeekText)
        if field.name != "quote_fields"
    }
    for key, needed in PLACEHOLDERS.items():
        for placeholder in needed:
            if placeholder not in texts[key]:
                raise ContentError(f"{WEEK_FILE}: field '{key}' needs a {placeholder} placeholder")
    return WeekText(**texts, quote_fields=tuple(source.texts("quote_fields")))
