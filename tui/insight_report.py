"""Every insight about some stretch of history, in the order the person reads them.

One function puts the insights together for `nocontact insights` and for the review's
Insights tab, so both say the same thing; each shows it in its own way. No Textual.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.analysis import daily_means
from tui.content.insights import InsightText, load_insight_text
from tui.insight_facts import InsightFacts
from tui.insights import (
    MIN_DAYS,
    WordInsight,
    contact_insight,
    stage_insight,
    stage_names,
    urge_insight,
    word_insight_of,
)
from tui.what_helped import Helper, what_helped

SECTIONS = ("words", "urges", "contact", "stages")
"""The insights' sections before what has helped, in order; each is a title in insights.json."""
HELPED_SHOWN = 5


@dataclass(frozen=True)
class InsightSection:
    """One part of the insights: its title, and what it says (nothing, when it has no data)."""

    key: str
    title: str
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class InsightReport:
    """What the insights say about some stretch of history."""

    sections: tuple[InsightSection, ...]
    words: WordInsight
    helped: tuple[Helper, ...]
    days: int
    """Days with a mood logged."""
    urges: int
    sessions: int
    """Sessions with a mood before and after."""
    empty: bool
    """True when there is no mood, session or urge at all."""


def insight_report(
    facts: InsightFacts,
    *,
    text: InsightText | None = None,
    names: Mapping[int, str] | None = None,
) -> InsightReport:
    """The insights of `facts`, and the short list of what has helped."""
    text = text or load_insight_text()
    names = names if names is not None else stage_names(text)
    totals = facts.totals
    words = word_insight_of(daily_means(totals), facts.words, text=text)
    said = {
        "words": words.sentences,
        "urges": urge_insight(facts.urges, text=text).sentences,
        "contact": contact_insight(facts.slips, totals, text=text).sentences,
        "stages": stage_insight(totals, names=names, text=text).sentences,
    }
    helped = what_helped(
        facts.own_words, limit=HELPED_SHOWN, names=names, words=words, stages=totals, text=text
    )
    return InsightReport(
        sections=tuple(InsightSection(key, text.title(key), said[key]) for key in SECTIONS),
        words=words,
        helped=tuple(helped),
        days=facts.days_with_a_mood,
        urges=facts.urges.total,
        sessions=facts.sessions_with_both_moods,
        empty=facts.is_empty,
    )


def so_far(report: InsightReport, text: InsightText | None = None) -> tuple[str, ...]:
    """How much there is to learn from, and, while it is too little for words, how much more."""
    text = text or load_insight_text()
    said = [
        text.say("so_far", "counts", days=report.days, urges=report.urges, sessions=report.sessions)
    ]
    needed = 2 * MIN_DAYS
    if report.days < needed:
        said.append(
            text.say(
                "so_far",
                "words_need",
                needed=needed,
                min_days=MIN_DAYS,
                missing=needed - report.days,
            )
        )
    return tuple(said)
