"""For each stage, the average change in mood from before a session to after it.

Only sessions with both moods are averaged; those without one are counted and named, so
no number on screen stands on a mood nobody gave.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tui.analysis import StageEffect, Totals, most_helpful, stage_effects
from tui.content.review import ReviewText, load_review_text
from tui.widgets.chart_colors import theme_rgb

FRAME_ROWS = 4
"""Rows of the plot that are not bars: the title, the frame's top and bottom, the scale."""


def _sessions(text: ReviewText, count: int) -> str:
    return text.count("session_one", "session_many", count)


def _missing(effect: StageEffect, text: ReviewText) -> str:
    """ "; 2 had no closing mood", or nothing when every session had both moods."""
    words = ""
    if effect.no_after:
        words += text.say("effect_missing", missing=effect.no_after)
    if effect.no_before:
        words += text.say("effect_missing_start", missing=effect.no_before)
    return words


def counted_from(effect: StageEffect, text: ReviewText) -> str:
    """ "from 4 sessions with both moods; 2 had no closing mood" """
    return text.say("effect_from", both=_sessions(text, effect.sessions)) + _missing(effect, text)


def effect_summary(effects: Sequence[StageEffect], stage_name: Callable[[int], str]) -> str:
    """One or two plain sentences about which exercises helped most."""
    text = load_review_text()
    if not effects:
        return text.say("effect_none")
    if not any(effect.sessions for effect in effects):
        total = sum(effect.no_after + effect.no_before for effect in effects)
        return text.say("effect_none_both", sessions=_sessions(text, total))
    best = most_helpful(effects)
    if best is None:
        return text.say("effect_no_lift")
    return text.say(
        "effect_best",
        stage=stage_name(best.stage),
        before=f"{best.mean_before:.1f}",
        after=f"{best.mean_after:.1f}",
        counted=counted_from(best, text),
    )


def effect_lines(effects: Sequence[StageEffect], stage_name: Callable[[int], str]) -> str:
    """One line per stage: mood before and after on average, the change, what it stands on."""
    text = load_review_text()
    return "\n".join(
        text.say(
            "effect_line",
            stage=stage_name(effect.stage),
            before=f"{effect.mean_before:.1f}",
            after=f"{effect.mean_after:.1f}",
            change=f"{effect.change:+.1f}",
            counted=counted_from(effect, text),
        )
        if effect.sessions
        else text.say(
            "effect_line_none", stage=stage_name(effect.stage), missing=_missing(effect, text)
        )
        for effect in effects
    )


class StageEffectChart(Vertical):
    """Bars of the average mood change per stage, and a sentence naming the one that helps most."""

    DEFAULT_CSS = """
    StageEffectChart { height: auto; }
    StageEffectChart PlotextPlot { height: 4; }
    StageEffectChart Static { padding: 0 1 1 1; }
    """

    def __init__(self, stage_name: Callable[[int], str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.stage_name = stage_name
        """The name the sentences use for a stage; the bars are labelled by number, which fits."""
        self.totals = Totals()

    def on_mount(self) -> None:
        # Bar colours come from the theme, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._draw())
        # is_mounted turns true only after this handler: draw once mounting is done.
        self.call_later(self._draw)

    def compose(self) -> ComposeResult:
        yield PlotextPlot()
        yield Static(classes="effect-summary")

    def show(self, totals: Totals) -> None:
        """Plot the effect of the sessions in these totals."""
        self.totals = totals
        self._draw()

    def _draw(self) -> None:
        if not self.is_mounted:
            return  # on_mount draws what was shown before then
        effects = stage_effects(self.totals, with_unmatched=True)
        compared = [effect for effect in effects if effect.sessions]
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title(load_review_text().say("effect_title"))
        if compared:
            labels = [f"Stage {effect.stage}" for effect in compared]
            changes = [round(effect.change, 1) for effect in compared]
            colour = theme_rgb(self.app, "primary")
            plt.bar(labels, changes, orientation="horizontal", width=0.2, color=colour)
            limit = int(max(1, *(abs(change) for change in changes))) + 1
            plt.xlim(-limit, limit)
            plt.xticks([float(tick) for tick in range(-limit, limit + 1)])
        # One row per stage, plus the title, the frame and the scale: bars land on their rows.
        plot.styles.height = len(compared) + FRAME_ROWS if compared else FRAME_ROWS
        plot.refresh()
        lines = effect_lines(effects, self.stage_name)
        summary = effect_summary(effects, self.stage_name)
        self.query_one(".effect-summary", Static).update(
            Text(f"{summary}\n\n{lines}" if lines else summary)
        )
