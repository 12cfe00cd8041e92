"""For each stage, the average change in mood from before a session to after it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static
from textual_plotext import PlotextPlot

from tui.analysis import StageEffect, most_helpful, stage_effects
from tui.store.records import Session
from tui.widgets.chart_colors import theme_rgb

FRAME_ROWS = 4
"""Rows of the plot that are not bars: the title, the frame's top and bottom, the scale."""


def effect_summary(effects: Sequence[StageEffect], stage_name: Callable[[int], str]) -> str:
    """One or two plain sentences about which exercises helped most."""
    if not effects:
        return (
            "Once you have saved a session with a mood before and after, this shows "
            "which exercises lift your mood the most."
        )
    best = most_helpful(effects)
    if best is None:
        return (
            "So far no stage has lifted your mood on average. That is information too: "
            "hard feelings often come up before they ease."
        )
    times = "session" if best.sessions == 1 else "sessions"
    return (
        f"{stage_name(best.stage)} has helped most: on average your mood went from "
        f"{best.mean_before:.1f} to {best.mean_after:.1f} over {best.sessions} {times}."
    )


def effect_lines(effects: Sequence[StageEffect], stage_name: Callable[[int], str]) -> str:
    """One line per stage: mood before and after on average, the change, how many sessions."""
    return "\n".join(
        f"{stage_name(effect.stage)}: {effect.mean_before:.1f} → {effect.mean_after:.1f} "
        f"({effect.change:+.1f}) over {effect.sessions} "
        f"{'session' if effect.sessions == 1 else 'sessions'}"
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
        self.sessions: Sequence[Session] = ()

    def on_mount(self) -> None:
        # Bar colours come from the theme, so a new theme redraws them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.show(self.sessions))

    def compose(self) -> ComposeResult:
        yield PlotextPlot()
        yield Static(effect_summary([], self.stage_name), classes="effect-summary")

    def show(self, sessions: Sequence[Session]) -> None:
        """Plot the effect of these sessions."""
        self.sessions = sessions
        effects = stage_effects(sessions)
        plot = self.query_one(PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        plt.title("Average change in mood from before a session to after it")
        if effects:
            labels = [f"Stage {effect.stage}" for effect in effects]
            changes = [round(effect.change, 1) for effect in effects]
            colour = theme_rgb(self.app, "primary")
            plt.bar(labels, changes, orientation="horizontal", width=0.2, color=colour)
            limit = int(max(1, *(abs(change) for change in changes))) + 1
            plt.xlim(-limit, limit)
            plt.xticks([float(tick) for tick in range(-limit, limit + 1)])
        # One row per stage, plus the title, the frame and the scale: bars land on their rows.
        plot.styles.height = len(effects) + FRAME_ROWS if effects else FRAME_ROWS
        plot.refresh()
        lines = effect_lines(effects, self.stage_name)
        summary = effect_summary(effects, self.stage_name)
        self.query_one(".effect-summary", Static).update(
            Text(f"{summary}\n\n{lines}" if lines else summary)
        )
