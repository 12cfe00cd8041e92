"""The words of history and review, its charts and the entry detail, from data/review.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document

FILE = "review.json"
KINDS = ("mood", "session", "urge_passed", "urge_acted", "slip_they", "slip_you", "logistics")
"""The kinds of row, each named in a long form and a shorter one for narrow tables."""
SENTENCES = (
    "title",
    "column_when",
    "column_kind",
    "column_mood",
    "column_wrote",
    "column_tags",
    "empty",
    "no_match",
    "reading",
    "count_one",
    "count_many",
    "open_hint",
    "searching",
    "matched",
    "stopped",
    "detail_title",
    "mood_value",
    "not_given",
    "saved_at",
    "logged_at",
    "source_cli",
    "source_app",
    "source_session",
    "source_import",
    "mood_label",
    "tags_label",
    "note_label",
    "feeling_label",
    "strength_label",
    "urge_strength",
    "urge_passed",
    "urge_acted",
    "slip_they",
    "slip_you",
    "slip_mood",
    "logistics",
    "also_saved",
    "sealed",
    "nothing_written",
    "scale_value",
    "emotion_strength",
    "checklist_none",
    "breathing_skipped",
    "breathing_none",
    "breathing_done",
    "breathing_part",
    "round_one",
    "round_many",
    "timer_skipped",
    "timer_full",
    "timer_part",
    "timer_checked",
    "timer_unchecked",
    "checked_once",
    "checked_twice",
    "checked_many",
    "then",
    "seconds_one",
    "seconds_many",
    "minutes_one",
    "minutes_many",
    "charts_loading",
    "chart_title",
    "chart_none",
    "chart_none_in",
    "chart_each",
    "chart_average",
    "window_day",
    "window_week",
    "window_month",
    "weekday_title",
    "weekday_none",
    "hour_title",
    "hour_none",
    "calendar_title",
    "calendar_numbers",
    "calendar_legend",
    "calendar_no_log",
    "effect_title",
    "effect_none",
    "effect_none_both",
    "effect_no_lift",
    "effect_best",
    "effect_line",
    "effect_line_none",
    "effect_from",
    "effect_missing",
    "effect_missing_start",
    "session_one",
    "session_many",
)
"""Every sentence the review needs; a file without one of them is refused at load."""


@dataclass(frozen=True)
class ReviewText:
    """Everything the review says, by key, and the names of its kinds of row."""

    sentences: dict[str, str]
    kinds: dict[str, tuple[str, ...]]

    def say(self, key: str, **values: object) -> str:
        """The sentence `key` with `values` put in its {placeholders}."""
        return self.sentences[key].format(**values)

    def count(self, one: str, many: str, count: int) -> str:
        """ "1 session" or "3 sessions": the sentence that fits `count`."""
        return self.say(one) if count == 1 else self.say(many, count=f"{count:,}")

    def kind_names(self, kind: str, **values: object) -> tuple[str, ...]:
        """The names of a kind of row, longest first."""
        return tuple(name.format(**values) for name in self.kinds[kind])


@cache
def load_review_text() -> ReviewText:
    """The review's words, read and checked once per process."""
    top = document(FILE)
    sentences_part = top.object("sentences")
    kinds_part = top.object("kinds")
    sentences = {key: sentences_part.text(key) for key in SENTENCES}
    kinds = {key: tuple(kinds_part.texts(key)) for key in KINDS}
    for key, names in kinds.items():
        if not names or not all(name.strip() for name in names):
            raise ContentError(f"{FILE}.kinds: field '{key}' needs at least one name")
    return ReviewText(sentences=sentences, kinds=kinds)
