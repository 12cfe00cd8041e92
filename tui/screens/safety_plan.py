"""The editor for the person's own safety plan: warning signs, what helps, people to call."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static, TextArea

from tui.content.support import Support
from tui.store import setting_keys
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError, clean_text

PLAN_FIELD_LIMIT = 4_000
"""Characters in one part of the plan: room for a full page, kept readable in the panel."""


def read_safety_plan(store: Store) -> dict[str, str]:
    """The saved plan as text by field key; anything malformed reads as empty."""
    saved: Any = store.setting(setting_keys.SAFETY_PLAN, {})
    if not isinstance(saved, dict):
        return {}
    return {key: value for key, value in saved.items() if isinstance(value, str)}


class SafetyPlanScreen(ModalScreen[bool]):
    """Writes the safety plan; dismisses with True when something was saved."""

    DEFAULT_CSS = """
    SafetyPlanScreen {
        align: center middle;
    }
    SafetyPlanScreen > #plan-box {
        width: 90;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    SafetyPlanScreen #plan-fields {
        height: auto;
        max-height: 1fr;
    }
    SafetyPlanScreen .plan-intro {
        color: $text-muted;
        margin-bottom: 1;
    }
    SafetyPlanScreen .plan-label {
        text-style: bold;
    }
    SafetyPlanScreen .plan-hint {
        color: $text-muted;
    }
    SafetyPlanScreen TextArea {
        height: 4;
        margin-bottom: 1;
    }
    SafetyPlanScreen #plan-buttons {
        height: auto;
        align-horizontal: right;
    }
    SafetyPlanScreen #plan-buttons Button {
        margin-left: 2;
    }
    SafetyPlanScreen .plan-keys {
        width: 1fr;
        padding-top: 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "keep_and_close", "Save plan"),
        Binding("escape", "keep_and_close", "Back (keeps what you wrote)"),
    ]

    def __init__(self, store: Store, support: Support) -> None:
        super().__init__()
        self.store = store
        self.text = support.safety_plan
        self.saved_plan = read_safety_plan(store)
        self.changed = False
        """Whether anything was saved while the editor was open."""

    def compose(self) -> ComposeResult:
        with Vertical(id="plan-box") as box:
            box.border_title = self.text.title
            with VerticalScroll(id="plan-fields", can_focus=False):
                yield Static(self.text.intro, classes="plan-intro", markup=False)
                for field in self.text.fields:
                    yield Label(field.label, classes="plan-label", markup=False)
                    yield Static(field.hint, classes="plan-hint", markup=False)
                    yield TextArea(
                        self.saved_plan.get(field.key, ""),
                        id=f"plan-{field.key}",
                        soft_wrap=True,
                        tab_behavior="focus",
                    )
            with Horizontal(id="plan-buttons"):
                yield Static("ctrl+s or escape: keep it and go back", classes="plan-keys")
                yield Button("Save", id="save", variant="primary")

    def written_plan(self) -> dict[str, str]:
        """What is in the fields now, trimmed."""
        return {
            field.key: self.query_one(f"#plan-{field.key}", TextArea).text.strip()
            for field in self.text.fields
        }

    def keep(self) -> bool:
        """Save the plan if it changed; False (and a word why) if it could not be saved."""
        plan = self.written_plan()
        if plan == {key: self.saved_plan.get(key, "") for key in plan}:
            return True
        try:
            cleaned = {
                field.key: clean_text(plan[field.key], field.label, PLAN_FIELD_LIMIT)
                for field in self.text.fields
            }
            self.store.set_setting(setting_keys.SAFETY_PLAN, {**self.saved_plan, **cleaned})
        except (ValidationError, StoreError) as error:
            self.notify(str(error), title="Not saved", severity="error")
            return False
        self.saved_plan = {**self.saved_plan, **cleaned}
        self.changed = True
        self.notify("Your safety plan is saved.", title=self.text.title)
        return True

    def action_keep_and_close(self) -> None:
        if self.keep():
            self.dismiss(self.changed)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_keep_and_close()
