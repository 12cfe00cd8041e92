"""A stage's page: its steps one at a time, the fields of each, and what they hold."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Footer, Label, Static

from tui.clock import now
from tui.content.stages import INPUT_KINDS, Field, Stage, Step
from tui.screens.stage_fields import build_input, read_answer
from tui.store.records import Session
from tui.store.store import Store
from tui.store.validation import clean_text
from tui.widgets.date_field import DateField
from tui.widgets.mood_slider import MoodSlider

MOODS = ("mood_before", "mood_after")
"""The fields of every stage that hold its two moods, kept apart from the answers."""


class StagePage(Screen[None]):
    """The steps of one stage and their fields; StageScreen adds saving and drafts."""

    CSS_PATH = "stage.tcss"

    step_index: var[int] = var(0, init=False)
    """Which step is on screen, from 0."""

    def __init__(self, stage: Stage, store: Store, *, live: bool = True) -> None:
        super().__init__()
        self.stage = stage
        self.store = store
        self.live = live
        """False in tests: animated widgets wait to be driven by hand."""
        self.started_at = now()
        self.fields: dict[str, Widget] = {}

    # -- building --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        stage = self.stage
        with Vertical(id="stage-head"):
            yield Static(f"Stage {stage.number} · {stage.title}", id="stage-title")
            yield Static(stage.summary, id="stage-summary")
        yield Static(id="stage-progress")
        with ContentSwitcher(initial="step-0", id="stage-steps"):
            for index, step in enumerate(stage.steps):
                scroll = VerticalScroll(id=f"step-{index}", classes="stage-step")
                scroll.can_focus = False
                with scroll:
                    yield from self._compose_step(step, last=index == len(stage.steps) - 1)
        with Horizontal(id="stage-buttons"):
            yield Button("Back", id="stage-back")
            yield Button("Next", id="stage-next", variant="primary")
            yield Button("Save", id="stage-save", variant="success")
        yield Footer()

    def _compose_step(self, step: Step, *, last: bool) -> ComposeResult:
        yield Static(step.prompt, classes="step-prompt", markup=False)
        if step.layout == "columns":
            with Horizontal(classes="step-columns"):
                for field in step.fields:
                    with Vertical(classes="step-column"):
                        yield from self._compose_field(field)
        else:
            for field in step.fields:
                yield from self._compose_field(field)
        if last:
            yield Static(self.stage.closing, classes="step-closing", markup=False)

    def _compose_field(self, field: Field) -> ComposeResult:
        yield Label(field.label, classes="field-label", markup=False)
        widget = build_input(field) if field.kind in INPUT_KINDS else self.build_special(field)
        self.fields[field.key] = widget
        yield widget
        if field.hint:
            yield Static(field.hint, classes="field-hint", markup=False)

    def build_special(self, field: Field) -> Widget:
        """A widget for a kind only this stage knows; stage modules override this."""
        raise ValueError(f"stage {self.stage.number} has no widget for {field.kind!r}")

    # -- steps -----------------------------------------------------------------

    def watch_step_index(self) -> None:
        self._show_step()
        self._focus_step()

    def _focus_step(self) -> None:
        """Focus the first field of the step on screen."""
        step = self.query_one(f"#step-{self.step_index}")
        first = next((widget for widget in step.query("*") if widget.can_focus), None)
        if first is not None:
            first.focus()

    def _show_step(self) -> None:
        count = len(self.stage.steps)
        last = self.step_index == count - 1
        self.query_one(ContentSwitcher).current = f"step-{self.step_index}"
        title = self.stage.steps[self.step_index].title
        self.query_one("#stage-progress", Static).update(
            f"Step {self.step_index + 1} of {count} · {title}"
        )
        self.query_one("#stage-back", Button).disabled = self.step_index == 0
        self.query_one("#stage-next", Button).display = not last
        self.query_one("#stage-save", Button).display = last
        self.step_shown(self.stage.steps[self.step_index])

    def step_shown(self, step: Step) -> None:
        """Called each time a step comes on screen; stage modules may refresh a view."""

    def action_next_step(self) -> None:
        """Go on to the next step."""
        if self.step_index < len(self.stage.steps) - 1:
            self.step_index += 1

    def action_previous_step(self) -> None:
        """Go back a step; nothing written is lost."""
        if self.step_index > 0:
            self.step_index -= 1

    @on(Button.Pressed, "#stage-back")
    def _back(self) -> None:
        self.action_previous_step()

    @on(Button.Pressed, "#stage-next")
    def _next(self) -> None:
        self.action_next_step()

    # -- answers ---------------------------------------------------------------

    def answers(self, *, draft: bool = False) -> dict[str, Any]:
        """Everything filled in, by field key; moods are kept apart from the answers."""
        found = {}
        for key, widget in self.fields.items():
            if key in MOODS:
                continue
            value = read_answer(widget, draft=draft)
            if value is not None:
                found[key] = value
        return found

    def mood(self, key: str) -> int | None:
        """The mood a slider holds, or None while it is not set."""
        slider = self.fields[key]
        assert isinstance(slider, MoodSlider)
        return slider.value

    def current_mood(self) -> int | None:
        """The latest mood given on this page: the closing one if set, else the first."""
        after = self.mood("mood_after")
        return after if after is not None else self.mood("mood_before")

    def content(self) -> tuple[Any, ...]:
        """Everything written or set on the page: both moods and every answer."""
        return (self.mood("mood_before"), self.mood("mood_after"), self.answers(draft=True))

    def save_extras(self, session: Session) -> None:
        """Write what this stage adds beside the session; stage modules override this."""

    def problem(self) -> tuple[str, Widget] | None:
        """The first field that cannot be saved as it is, and why; stages may add checks."""
        for widget in self.fields.values():
            if isinstance(widget, DateField) and widget.problem:
                return widget.problem, widget
        return None

    def _clean(self, answers: dict[str, Any]) -> dict[str, Any]:
        labels = {field.key: field.label for field in self.stage.fields}
        return {
            key: clean_text(value, f"“{labels[key]}”") if isinstance(value, str) else value
            for key, value in answers.items()
        }
