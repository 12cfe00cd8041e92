"""The shared frame of a stage: steps one at a time, moods before and after, save and draft."""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, ContentSwitcher, Footer, Label, Static

from tui.clock import now
from tui.content.stages import INPUT_KINDS, Field, Stage, Step, load_stages
from tui.content.support import load_support
from tui.screens.draft_prompt import DraftPrompt
from tui.screens.stage_fields import build_input, read_answer, restore_answer
from tui.screens.support import offer_support
from tui.store.records import LOW_MOOD, Draft, Session
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError, clean_text
from tui.widgets.date_field import DateField
from tui.widgets.mood_slider import MoodSlider

SCREEN_MODULES = {
    1: "tui.screens.stage1_identity",
    2: "tui.screens.stage2_clarity",
    3: "tui.screens.stage3_urges",
    4: "tui.screens.stage4_boundaries",
    5: "tui.screens.stage5_growth",
}


class StageScreen(Screen[None]):
    """One stage's guided exercise; each stage's module adds its own widgets and records."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n,pagedown", "next_step", "Next step", priority=True),
        Binding("ctrl+b,pageup", "previous_step", "Step back", priority=True),
        Binding("escape", "leave", "Leave (keeps a draft)"),
    ]

    CSS_PATH = "stage.tcss"

    step_index: var[int] = var(0, init=False)
    """Which step is on screen, from 0."""

    def __init__(
        self, stage: Stage, store: Store, *, draft: Draft | None = None, live: bool = True
    ) -> None:
        super().__init__()
        self.stage = stage
        self.store = store
        self.draft = draft
        self.live = live
        """False in tests: animated widgets wait to be driven by hand."""
        self.started_at = now()
        self.fields: dict[str, Widget] = {}
        self.reached_end = False
        self.saved: Session | None = None
        self._fresh: tuple[Any, ...] | None = None

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

    def on_mount(self) -> None:
        self._fresh = self._state()
        self._show_step()
        self.fields["mood_before"].focus()
        if self.draft is not None:
            # After the first paint, so the stage is fully drawn beneath the question.
            self.call_after_refresh(self._offer_draft)

    def _offer_draft(self) -> None:
        if self.draft is not None:
            self.app.push_screen(DraftPrompt(self.draft, self.stage.title), self._draft_chosen)

    def _draft_chosen(self, keep: bool | None) -> None:
        if keep and self.draft is not None:
            self.started_at = self.draft.started_at
            if self.draft.mood_before is not None:
                restore_answer(self.fields["mood_before"], self.draft.mood_before)
            for key, value in self.draft.answers.items():
                if key in self.fields and key not in ("mood_before", "mood_after"):
                    restore_answer(self.fields[key], value)
        self.fields["mood_before"].focus()

    # -- steps -----------------------------------------------------------------

    def watch_step_index(self) -> None:
        self._show_step()
        step = self.query_one(f"#step-{self.step_index}")
        first = next((widget for widget in step.query("*") if widget.can_focus), None)
        if first is not None:
            first.focus()

    def _show_step(self) -> None:
        count = len(self.stage.steps)
        last = self.step_index == count - 1
        self.reached_end = self.reached_end or last
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

    @on(Button.Pressed, "#stage-save")
    def _save(self) -> None:
        self.action_save()

    # -- answers ---------------------------------------------------------------

    def answers(self, *, draft: bool = False) -> dict[str, Any]:
        """Everything filled in, by field key; moods are kept apart from the answers."""
        found = {}
        for key, widget in self.fields.items():
            if key in ("mood_before", "mood_after"):
                continue
            value = read_answer(widget, draft=draft)
            if value is not None:
                found[key] = value
        return found

    def mood(self, key: str) -> int:
        slider = self.fields[key]
        assert isinstance(slider, MoodSlider)
        return slider.value

    def _state(self) -> tuple[Any, ...]:
        return (self.mood("mood_before"), self.mood("mood_after"), self.answers(draft=True))

    def touched(self) -> bool:
        """Whether anything, a mood included, has changed since the stage opened."""
        return self._fresh is not None and self._state() != self._fresh

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

    # -- saving and leaving ----------------------------------------------------

    def action_save(self) -> None:
        """Save the session as it stands, with both moods, and go back."""
        problem = self.problem()
        if problem:
            message, widget = problem
            self.notify(message, title="Not saved yet", severity="error")
            self.step_index = next(
                index
                for index, step in enumerate(self.stage.steps)
                if any(self.fields[field.key] is widget for field in step.fields)
            )
            target = next((w for w in widget.query("*") if w.can_focus), widget)
            self.call_after_refresh(target.focus)
            return
        try:
            answers = self._clean(self.answers())
        except ValidationError as error:
            self.notify(str(error), title="Not saved yet", severity="error")
            return
        moved_after = self.mood("mood_after") != (self._fresh or (0, 5))[1]
        session = Session(
            stage=self.stage.number,
            started_at=self.started_at,
            saved_at=now(),
            mood_before=self.mood("mood_before"),
            mood_after=self.mood("mood_after") if self.reached_end or moved_after else None,
            answers=answers,
        )
        try:
            if self.saved is None:
                self.saved = self.store.add(session)
            self.save_extras(self.saved)
        except (StoreError, ValidationError, OSError) as error:
            title = "Not saved" if self.saved is None else "Session saved, the rest was not"
            self.notify(str(error), title=title, severity="error", timeout=12)
            return
        try:
            self.store.discard_draft(self.stage.number)
        except (StoreError, OSError) as error:
            self.notify(f"The old draft is still there: {error}", severity="warning")
        self.notify("Saved", title=self.stage.short_title)
        latest = session.mood_after if session.mood_after is not None else session.mood_before
        if latest is not None and latest <= LOW_MOOD:
            offer_support(self.app, load_support().offer_low_mood)
        self.dismiss()

    def action_leave(self) -> None:
        """Go back, keeping a draft of anything written so far."""
        if self.touched():
            try:
                self.store.save_draft(
                    Draft(
                        stage=self.stage.number,
                        started_at=self.started_at,
                        updated_at=now(),
                        mood_before=self.mood("mood_before"),
                        answers=self._clean(self.answers(draft=True)),
                    )
                )
            except (StoreError, ValidationError, OSError) as error:
                self.notify(str(error), title="Draft not kept", severity="error", timeout=12)
                return
            self.notify("Kept as a draft; it will be offered when you come back.")
        self.dismiss()


def stage_screen(number: int, store: Store, *, live: bool = True) -> StageScreen:
    """The screen for stage `number`, offering its draft if one was left."""
    module = importlib.import_module(SCREEN_MODULES[number])
    screen_class: type[StageScreen] = module.SCREEN
    return screen_class(load_stages()[number], store, draft=store.draft(number), live=live)
