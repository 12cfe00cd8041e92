"""What the insights say, read from data/insights.json and checked once per process."""

from __future__ import annotations

import string
from functools import cache

from tui.content.loader import ContentError, document

FILE = "insights.json"
WEEKDAY_COUNT = 7

PLACEHOLDERS: dict[str, dict[str, frozenset[str]]] = {
    "words": {
        "title": frozenset(),
        "higher": frozenset({"word", "mean_with", "days_with", "mean_without", "days_without"}),
        "lower": frozenset({"word", "mean_with", "days_with", "mean_without", "days_without"}),
        "same": frozenset({"word", "mean_with", "days_with", "mean_without", "days_without"}),
        "more": frozenset({"count"}),
        "too_few": frozenset({"count", "min_days"}),
        "none": frozenset({"min_days"}),
    },
    "urges": {
        "title": frozenset(),
        "when": frozenset({"start", "end", "count", "total", "weekday", "weekday_count"}),
        "ridden": frozenset({"resisted", "total", "percent"}),
        "too_few": frozenset({"total", "min_urges"}),
    },
    "contact": {
        "title": frozenset(),
        "one": frozenset({"date", "dip", "baseline"}),
        "many": frozenset({"dip", "baseline", "count"}),
        "back_same_day": frozenset(),
        "back_next_day": frozenset(),
        "back_after": frozenset({"days"}),
        "back_usually": frozenset({"days", "count"}),
        "back_usually_next_day": frozenset({"count"}),
        "held_usually": frozenset({"count", "total"}),
        "not_back": frozenset({"count", "limit"}),
        "not_back_one": frozenset({"limit"}),
        "too_few": frozenset({"min_days"}),
    },
    "stages": {
        "title": frozenset(),
        "name": frozenset({"number", "title"}),
        "change": frozenset({"stage", "before", "after", "sessions"}),
        "too_few": frozenset({"stage", "sessions", "min_sessions"}),
        "left_out": frozenset({"count"}),
    },
    "helped": {
        "title": frozenset(),
        "intro": frozenset(),
        "urge": frozenset({"text", "before", "after", "times"}),
        "mood": frozenset({"text", "before", "after", "times"}),
        "word": frozenset({"word", "mean_with", "mean_without", "days_with"}),
        "stage": frozenset({"stage", "before", "after", "sessions"}),
        "once": frozenset(),
        "times": frozenset({"count"}),
        "times_of": frozenset({"count", "tried"}),
        "none": frozenset(),
        "offer_title": frozenset(),
        "offer_intro": frozenset(),
        "offer_reading": frozenset(),
        "offer_none": frozenset(),
        "offer_all_in": frozenset(),
        "at_urge_none": frozenset(),
        "unreadable": frozenset(),
    },
    "so_far": {
        "title": frozenset(),
        "counts": frozenset({"days", "urges", "sessions"}),
        "span": frozenset({"span", "dates"}),
        "span_empty": frozenset({"span"}),
        "words_need": frozenset({"needed", "min_days", "missing"}),
        "all": frozenset(),
        "year": frozenset(),
        "quarter": frozenset(),
    },
    "tab": {
        "reading": frozenset({"done", "total"}),
        "urges_none": frozenset(),
        "contact_none": frozenset(),
        "stages_none": frozenset({"min_sessions"}),
        "every_word_title": frozenset(),
        "every_word": frozenset({"word", "mean_with", "days_with", "mean_without", "days_without"}),
        "every_word_none": frozenset(),
    },
}
"""Every sentence the insights need, by section, and the placeholders each may use."""


def number_text(value: float) -> str:
    """An average as a person reads it: 7 rather than 7.0, 6.8 rather than 6.7500."""
    rounded = round(value, 1)
    return f"{rounded:.0f}" if rounded == int(rounded) else f"{rounded:.1f}"


class InsightText:
    """The insights' sentences; `say` fills one in."""

    def __init__(
        self,
        heading: str,
        intro: str,
        nothing_yet: str,
        weekdays: tuple[str, ...],
        templates: dict[str, dict[str, str]],
    ) -> None:
        self.heading = heading
        self.intro = intro
        self.nothing_yet = nothing_yet
        self.weekdays = weekdays
        self.templates = templates

    def say(self, section: str, key: str, **values: object) -> str:
        """The sentence `section.key` with `values` filled in."""
        return self.templates[section][key].format(**values)

    def title(self, section: str) -> str:
        return self.templates[section]["title"]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@cache
def load_insight_text() -> InsightText:
    """The insights' words, read and checked once per process."""
    fields = document(FILE)
    templates: dict[str, dict[str, str]] = {}
    for section, keys in PLACEHOLDERS.items():
        part = fields.object(section)
        templates[section] = {}
        for key, allowed in keys.items():
            text = part.text(key)
            try:
                unknown = _fields(text) - allowed
            except ValueError as error:
                raise ContentError(f"{FILE}: field '{section}.{key}' is malformed") from error
            if unknown:
                raise ContentError(
                    f"{FILE}: field '{section}.{key}' uses an unknown placeholder "
                    f"{{{sorted(unknown)[0]}}}"
                )
            templates[section][key] = text
    weekdays = tuple(fields.texts("weekdays"))
    if len(weekdays) != WEEKDAY_COUNT:
        raise ContentError(f"{FILE}: field 'weekdays' needs {WEEKDAY_COUNT} names, Monday first")
    return InsightText(
        heading=fields.text("heading"),
        intro=fields.text("intro"),
        nothing_yet=fields.text("nothing_yet"),
        weekdays=weekdays,
        templates=templates,
    )
