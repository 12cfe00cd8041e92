"""The one question about stage 1's plan once its day has passed: did it happen?

Asked once. Any answer (or closing the question) is kept on the plan's session and it is
never asked again; the answer counts for nothing, and not going is fine and said so.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.content.plan_text import ANSWERS, PlanText
from tui.plan_followup import Plan, answered
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError


class PlanQuestion(ModalScreen[str | None]):
    """Asks kindly whether the plan happened; dismisses with the answer kept, or None."""

    DEFAULT_CSS = """
    PlanQuestion {
        align: center middle;
    }
    PlanQuestion > #plan-box {
        width: 70;
        max-width: 100%;
        height: auto;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    PlanQuestion #plan-asked {
        margin-top: 1;
    }
    PlanQuestion #plan-note {
        color: $text-muted;
        margin-top: 1;
    }
    PlanQuestion #plan-answers {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    PlanQuestion #plan-answers Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(2)", "Close"),
    ]

    def __init__(self, store: Store, plan: Plan, text: PlanText, day_words: str) -> None:
        super().__init__()
        self.store = store
        self.plan = plan
        self.text = text
        self.day_words = day_words
        """The plan's day as the question names it ("Saturday")."""

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-box") as box:
            box.border_title = self.text.question_title
            question = self.text.question.format(day=self.day_words, what=self.plan.what)
            yield Static(question, id="plan-asked", markup=False)
            yield Static(self.text.note, id="plan-note", markup=False)
            with Horizontal(id="plan-answers"):
                for index in reversed(range(len(ANSWERS))):
                    label = self.text.answers[ANSWERS[index]]
                    button = Button(label, id=f"plan-answer-{index}", compact=True)
                    if index == 0:
                        button.variant = "primary"
                    yield button

    def on_mount(self) -> None:
        self.query_one("#plan-answer-0").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
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
