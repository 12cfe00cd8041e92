"""A stage as the person uses it: the draft offered and kept as they type, then the save."""

from __future__ import annotations

import importlib
from typing import Any, ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Button, Input

from tui.clock import now
from tui.content.stages import Stage, load_stages
from tui.content.support import load_support
from tui.screens.dialog import ESCAPE_KEEPS
from tui.screens.draft_prompt import DraftChoice, DraftPrompt
from tui.screens.drafting import DRAFT_ERRORS, DraftKeeper, KeepsDraft
from tui.screens.stage_fields import restore_answer
from tui.screens.stage_page import StagePage
from tui.screens.support import offer_support
from tui.store.records import LOW_MOOD, Draft, Session, new_id
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.widgets.mood_slider import MoodSlider

SCREEN_MODULES = {
    1: "tui.screens.stage1_identity",
    2: "tui.screens.stage2_clarity",
    3: "tui.screens.stage3_urges",
    4: "tui.screens.stage4_boundaries",
    5: "tui.screens.stage5_growth",
}


class StageScreen(KeepsDraft, StagePage):
    """One stage's guided exercise; each stage's module adds its own widgets and records.

    What is written is kept as this screen's own draft a second after each change, so a
    closed terminal or a crash loses at most that second; a save removes the draft.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        # The Back and Next buttons are on screen; the footer keeps room for help, the mood
        # log and support even at 80 columns. The help screen lists these keys.
        Binding("ctrl+n,pagedown", "next_step", "Next step", show=False, priority=True),
        Binding("ctrl+b,pageup", "previous_step", "Step back", show=False, priority=True),
        Binding("escape", "leave", ESCAPE_KEEPS),
        Binding("m", "mood_log", "Log mood"),
    ]

    AUTO_FOCUS = ""  # the focus waits for the draft offer, if there is one

    def __init__(
        self, stage: Stage, store: Store, *, draft: Draft | None = None, live: bool = True
    ) -> None:
        super().__init__(stage, store, live=live)
        self.draft = draft
        """A draft of this stage left earlier, offered as the stage opens."""
        self.saved: Session | None = None
        self.owner = new_id()
        """This screen's own token: its draft is written and removed under it only."""
        self.draft_keeper: DraftKeeper[Any] | None = None
        self._blank: tuple[Any, ...] = ()
        """The page as it opened, before anything was written: not worth a draft."""

    def on_mount(self) -> None:
        self._blank = self.content()
        self._show_step()
        if self.draft is None:
            self._begin(None)
        else:
            # Before any field has focus: nothing typed now can land in an empty page.
            self._offer_draft(self.draft)

    @work
    async def _offer_draft(self, draft: Draft) -> None:
        choice = await self.app.push_screen_wait(DraftPrompt(draft, self.stage.title))
        taken: Draft | None = None
        try:
            if choice is DraftChoice.CARRY_ON:
                taken = self.store.take_draft(draft, self.owner)
            elif choice is DraftChoice.LET_GO:
                self.store.discard_draft(draft.stage, draft.owner)
        except DRAFT_ERRORS as error:
            self.notify(str(error), title="The draft was not changed", severity="warning")
            taken = draft if choice is DraftChoice.CARRY_ON else None
        if choice is DraftChoice.BACK:
            self.dismiss()
            return
        if taken is not None:
            self.restore(taken)
        self._begin(taken)

    def restore(self, draft: Draft) -> None:
        """Put a draft back: every field, both moods, its start time and its step."""
        self.started_at = draft.started_at
        moods = {"mood_before": draft.mood_before, "mood_after": draft.mood_after}
        for key, value in {**draft.answers, **moods}.items():
            if key in self.fields and value is not None:
                restore_answer(self.fields[key], value)
        self.set_reactive(StagePage.step_index, min(draft.step, len(self.stage.steps) - 1))
        self._show_step()

    def _begin(self, restored: Draft | None) -> None:
        """Start keeping a draft as the person types, and put the focus where they were."""
        self.draft_keeper = DraftKeeper(
            f"your page of stage {self.stage.number}, “{self.stage.title}”, "
            "offered when you open it again",
            self._state,
            lambda state: state[0] == self._blank,
            self._write_draft,
            lambda: self.store.discard_draft(self.stage.number, self.owner),
        )
        self.draft_keeper.start(self, self._state() if restored is not None else None)
        if restored is None:
            self.fields["mood_before"].focus()
        else:
            self._focus_step()

    @on(Button.Pressed, "#stage-save")
    def _save(self) -> None:
        self.action_save()

    def _state(self) -> tuple[tuple[Any, ...], int]:
        return self.content(), self.step_index

    def touched(self) -> bool:
        """Whether anything, a mood included, has been written or set since the stage opened."""
        return self.content() != self._blank

    # -- saving and leaving ----------------------------------------------------

    def action_save(self) -> None:
        """Save the session as it stands, with the moods given, and go back."""
        if self._show_problem():
            return
        session = self._session()
        if session is None or not self._write(session):
            return
        self._forget_draft()
        self.notify("Saved", title=self.stage.short_title)
        latest = session.mood_after if session.mood_after is not None else session.mood_before
        if latest is not None and latest <= LOW_MOOD:
            offer_support(self.app, load_support().offer_low_mood)
        self.dismiss()

    def _show_problem(self) -> bool:
        """Go to the first field that cannot be saved as it is and say why; False if none."""
        problem = self.problem()
        if problem is None:
            return False
        message, widget = problem
        self.notify(message, title="Not saved yet", severity="error")
        self.step_index = next(
            index
            for index, step in enumerate(self.stage.steps)
            if any(self.fields[field.key] is widget for field in step.fields)
        )
        target = next((w for w in widget.query("*") if w.can_focus), widget)
        self.call_after_refresh(target.focus)
        return True

    def _session(self) -> Session | None:
        """The session as it stands (a mood not set is saved as none), or None and why not."""
        try:
            answers = self._clean(self.answers())
        except ValidationError as error:
            self.notify(str(error), title="Not saved yet", severity="error")
            return None
        return Session(
            stage=self.stage.number,
            started_at=self.started_at,
            saved_at=now(),
            mood_before=self.mood("mood_before"),
            mood_after=self.mood("mood_after"),
            answers=answers,
        )

    def _write(self, session: Session) -> bool:
        """Save the session once, then what the stage adds beside it; say so if either fails."""
        try:
            if self.saved is None:
                self.saved = self.store.add(session)
            self.save_extras(self.saved)
        except (StoreError, ValidationError, OSError) as error:
            title = "Not saved" if self.saved is None else "Session saved, the rest was not"
            self.notify(str(error), title=title, severity="error", timeout=12)
            return False
        return True

    def _forget_draft(self) -> None:
        """The page is saved: this stage's own draft goes (another window's stays)."""
        if self.draft_keeper is None:
            return
        try:
            self.draft_keeper.forget()
        except DRAFT_ERRORS as error:
            self.notify(f"The old draft is still there: {error}", severity="warning")

    def _write_draft(self, state: tuple[tuple[Any, ...], int]) -> None:
        (mood_before, mood_after, answers), step = state
        self.store.save_draft(
            Draft(
                stage=self.stage.number,
                started_at=self.started_at,
                updated_at=now(),
                mood_before=mood_before,
                answers=self._clean(answers),
                mood_after=mood_after,
                step=step,
                owner=self.owner,
            )
        )

    def action_leave(self) -> None:
        """Go back, keeping a draft of anything written so far."""
        if self.draft_keeper is not None:
            try:
                self.draft_keeper.keep()
            except DRAFT_ERRORS as error:
                self.notify(str(error), title="Draft not kept", severity="error", timeout=12)
                return
            if self.draft_keeper.kept:
                self.notify("Kept as a draft; it will be offered when you come back.")
        self.dismiss()

    def action_mood_log(self) -> None:
        """Log a mood now, starting from the mood this page holds."""
        from tui.content.moods import load_moods
        from tui.screens.mood_log import MoodLogScreen

        self.app.push_screen(MoodLogScreen(self.store, load_moods(), self.current_mood()))

    @on(MoodSlider.Submitted)
    @on(Input.Submitted)
    def _enter(self, event: Message) -> None:
        """Enter on a slider or a one-line field goes on to the next field, as tab does."""
        event.stop()
        self.focus_next()


def stage_screen(number: int, store: Store, *, live: bool = True) -> StageScreen:
    """The screen for stage `number`, offering its draft if one was left."""
    module = importlib.import_module(SCREEN_MODULES[number])
    screen_class: type[StageScreen] = module.SCREEN
    return screen_class(load_stages()[number], store, draft=store.draft(number), live=live)
