"""The Insights tab of the review: what went with better days, in plain sentences.

It says what the insights say (tui/insight_report.py), for all of history or a recent
stretch of it, and says plainly how much there is to go on and how much more a claim
needs. Its numbers come from the review's monthly facts, read in a thread: until they
are read, it says how far the reading has got.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.analysis import days_logged, span_words
from tui.content.insights import InsightText, load_insight_text, number_text
from tui.insight_facts import InsightFacts
from tui.insight_report import InsightReport, insight_report, so_far
from tui.insights import MIN_SESSIONS, stage_names
from tui.store.store import month_key

SPANS = ("all", "year", "quarter")
"""How far back the insights look, in the order `t` steps through them."""
SPAN_MONTHS = {"all": 0, "year": 12, "quarter": 3}
"""The months each span reads, this month included (0: every month)."""
PROGRESS_SECONDS = 0.25
NONE_KEYS = {"urges": "urges_none", "contact": "contact_none", "stages": "stages_none"}
"""What a section says when its insight has nothing to go on, in insights.json's "tab"."""


class InsightSource(Protocol):
    """Where the tab's numbers come from: the review's monthly facts."""

    reading: bool
    months_read: int

    @property
    def months_total(self) -> int: ...

    def facts(self, since: str = "") -> InsightFacts: ...


def first_month(today: date, months: int) -> str:
    """The key of the first of the `months` months ending with today's ("" for every month)."""
    if not months:
        return ""
    index = today.year * 12 + today.month - 1 - (months - 1)
    year, month = divmod(index, 12)
    return month_key(date(year, month + 1, 1))


def bullet(mark: str, sentence: str) -> Horizontal:
    """One sentence with its mark beside it, wrapped lines kept clear of the mark."""
    return Horizontal(
        Static(mark, classes="insight-mark"),
        Static(sentence, classes="insight-sentence", markup=False),
        classes="insight-line",
    )


class ReviewInsights(VerticalScroll, can_focus=True):
    """Every insight about the stretch chosen, what there is to go on, and what has helped."""

    DEFAULT_CSS = """
    ReviewInsights { height: 1fr; padding: 0 1; }
    ReviewInsights:focus { background-tint: $foreground 3%; }
    ReviewInsights #insights-body { height: auto; }
    ReviewInsights .insight-heading { text-style: bold; color: $primary; }
    ReviewInsights .insight-intro { color: $text-muted; }
    ReviewInsights .insight-span { text-style: bold; margin-top: 1; }
    ReviewInsights .insight-title { text-style: bold; margin-top: 1; }
    ReviewInsights .insight-line { height: auto; }
    ReviewInsights .insight-mark {
        width: 4; padding-right: 1; color: $text-muted; text-align: right;
    }
    ReviewInsights .insight-sentence { width: 1fr; }
    ReviewInsights #insights-reading { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "next_span", "All/year/3 months"),
        Binding("a", "every_word", "Every word"),
    ]

    span: reactive[str] = reactive("all", init=False)
    """How far back the insights look: all of history, the last 12 months or 3."""
    every_word: reactive[bool] = reactive(False, init=False)
    """Whether every word compared is listed with its numbers, not only those that differ."""

    def __init__(self, source: InsightSource, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = source
        self.today = today
        self.text: InsightText = load_insight_text()
        self.names = stage_names(self.text)

    def compose(self) -> ComposeResult:
        yield Static(self._reading_line(), id="insights-reading")
        yield Vertical(id="insights-body")

    def on_mount(self) -> None:
        self.set_interval(PROGRESS_SECONDS, self._show_progress)

    def _reading_line(self) -> str:
        source = self.source
        return self.text.say("tab", "reading", done=source.months_read, total=source.months_total)

    def _show_progress(self) -> None:
        reading = self.query_one("#insights-reading", Static)
        reading.display = self.source.reading
        if self.source.reading:
            reading.update(self._reading_line())

    # -- what it shows ---------------------------------------------------------------

    def show(self) -> None:
        """Say the insights of the span chosen, from the facts read so far."""
        if self.source.reading:
            return
        self._show_progress()
        facts = self.source.facts(first_month(self.today, SPAN_MONTHS[self.span]))
        report = insight_report(facts, text=self.text, names=self.names)
        body = self.query_one("#insights-body", Vertical)
        with self.app.batch_update():
            body.remove_children()
            body.mount_all(self._widgets(facts, report))

    def _widgets(self, facts: InsightFacts, report: InsightReport) -> list[Widget]:
        text = self.text
        shown: list[Widget] = [
            Static(text.heading, classes="insight-heading", markup=False),
            Static(text.intro, classes="insight-intro", markup=False),
            Static(self._span_line(facts), classes="insight-span", markup=False),
            *(bullet("·", sentence) for sentence in so_far(report, text)),
        ]
        for section in report.sections:
            shown.append(Static(section.title, classes="insight-title", markup=False))
            sentences = section.sentences or self._nothing(section.key)
            shown.extend(bullet("·", sentence) for sentence in sentences)
            if section.key == "words" and self.every_word:
                shown.extend(self._every_word(report))
        shown.append(Static(text.title("helped"), classes="insight-title", markup=False))
        if report.helped:
            shown.extend(
                bullet(f"{index}.", helper.sentence)
                for index, helper in enumerate(report.helped, 1)
            )
        else:
            shown.append(bullet("·", text.say("helped", "none")))
        return shown

    def _span_line(self, facts: InsightFacts) -> str:
        name = self.text.say("so_far", self.span)
        logged = days_logged(facts.totals)
        if logged is not None:
            first, last = logged
            return self.text.say("so_far", "span", span=name, dates=span_words(first, last))
        if facts.is_empty:
            return self.text.say("so_far", "span_empty", span=name)
        return name

    def _nothing(self, key: str) -> tuple[str, ...]:
        """What a section says when its insight has nothing at all to go on (words always
        say something of their own)."""
        return (self.text.say("tab", NONE_KEYS[key], min_sessions=MIN_SESSIONS),)

    def _every_word(self, report: InsightReport) -> list[Widget]:
        text = self.text
        shown: list[Widget] = [
            Static(text.say("tab", "every_word_title"), classes="insight-title", markup=False)
        ]
        effects = sorted(report.words.effects, key=lambda effect: effect.word)
        shown.extend(
            bullet(
                "·",
                text.say(
                    "tab",
                    "every_word",
                    word=effect.word,
                    mean_with=number_text(effect.mean_with),
                    days_with=effect.days_with,
                    mean_without=number_text(effect.mean_without),
                    days_without=effect.days_without,
                ),
            )
            for effect in effects
        )
        if not effects:
            shown.append(bullet("·", text.say("tab", "every_word_none")))
        return shown

    # -- keys ------------------------------------------------------------------------

    def watch_span(self) -> None:
        self.show()

    def watch_every_word(self) -> None:
        self.show()

    def action_next_span(self) -> None:
        """All of history, then the last 12 months, then the last 3."""
        self.span = SPANS[(SPANS.index(self.span) + 1) % len(SPANS)]

    def action_every_word(self) -> None:
        """List every word compared with its numbers, or go back to the sentences."""
        self.every_word = not self.every_word
