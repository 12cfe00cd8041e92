"""The one question about stage 1's plan once its day has passed: did it happen?

Asked once. Any answer (or closing the question) is kept on the plan's session and it is
never asked again; the answer counts for nothing, and not going is fine and said so.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Static

from tui.content.plan_text import ANSWERS, PlanText
from tui.plan_followup import Plan, answered
from tui.screens.dialog import Dialog
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError


class PlanQuestion(Dialog[str | None]):
    """Asks kindly whether the plan happened; dismisses with the answer kept, or None."""

    DEFAULT_CSS = """
    PlanQuestion {
        & > #dialog { width: 70; }
        #plan-asked { margin-top: 1; }
        #plan-note { color: $text-muted; margin: 1 0; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(2)", "Close"),
        Binding("left,up", "app.focus_previous", "Previous answer", show=False),
        Binding("right,down", "app.focus_next", "Next answer", show=False),
    ]

    def __init__(self, store: Store, plan: Plan, text: PlanText, day_words: str) -> None:
        super().__init__()
        self.store = store
        self.plan = plan
        self.text = text
        self.dialog_title = text.question_title
        self.day_words = day_words
        """The plan's day as the question names it ("Saturday")."""

    def compose_body(self) -> ComposeResult:
        question = self.text.question.format(day=self.day_words, what=self.plan.what)
        yield Static(question, id="plan-asked", markup=False)
        yield Static(self.text.note, id="plan-note", markup=False)

    def buttons(self) -> list[Button]:
        return [
            Button(self.text.answers[answer], id=f"plan-answer-{index}", compact=True)
            for index, answer in enumerate(ANSWERS)
        ]

    def on_mount(self) -> None:
        self.query_one("#plan-answer-0").focus()

    @on(Button.Pressed)
    def answer_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        index = (event.button.id or "").removeprefix("plan-answer-")
        if index.isdigit():
            self.action_answer(int(index))

    def action_answer(self, index: int) -> None:
        """Keep the answer (the index of one of ANSWERS) on the session, say a kind word, close."""
        answer = ANSWERS[index]
        try:
            self.store.update(answered(self.plan, answer))
        except (StoreError, ValidationError) as error:
            # Not kept: it will be asked once more next time, rather than lost.
            self.notify(str(error), title="Not saved", severity="error")
            self.dismiss(None)
            return
        self.app.notify(self.text.replies[answer], title=self.text.question_title, timeout=10)
        self.dismiss(answer)
