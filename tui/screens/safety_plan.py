"""The editor for the person's own safety plan: warning signs, what helps, people to call."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Label, Static, TextArea

from tui.content.support import Support
from tui.screens.dialog import FormDialog
from tui.store import setting_keys
from tui.store.store import Store
from tui.store.validation import clean_text

PLAN_FIELD_LIMIT = 4_000
"""Characters in one part of the plan: room for a full page, kept readable in the panel."""
WHAT_HELPS = "what_helps"
"""The part of the plan that what has helped before may be added to."""


def read_safety_plan(store: Store) -> dict[str, str]:
    """The saved plan as text by field key; anything malformed reads as empty."""
    saved: Any = store.setting(setting_keys.SAFETY_PLAN, {})
    if not isinstance(saved, dict):
        return {}
    return {key: value for key, value in saved.items() if isinstance(value, str)}


class SafetyPlanScreen(FormDialog[bool]):
    """Writes the safety plan; dismisses with True when it was saved.

    Escape keeps what was written as a draft, as every dialog does; only Save changes the
    plan the support panel shows. ctrl+o offers what has helped before for "What helps
    me": the person ticks what to take, and it is written into the field, not saved.
    """

    form_name = "safety_plan"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "offer_helped", "What has helped"),
    ]

    DEFAULT_CSS = """
    SafetyPlanScreen {
        & > #dialog { width: 90; }
        .plan-intro { color: $text-muted; margin-bottom: 1; }
        .plan-label { text-style: bold; }
        .plan-hint { color: $text-muted; }
        TextArea { height: 4; margin-bottom: 1; }
    }
    """

    def __init__(self, store: Store, support: Support) -> None:
        super().__init__(store)
        self.text = support.safety_plan
        self.dialog_title = self.text.title
        self.saved_plan = read_safety_plan(store)

    def compose_body(self) -> ComposeResult:
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "offer_helped":
            return any(field.key == WHAT_HELPS for field in self.text.fields)
        return True

    @work
    async def action_offer_helped(self) -> None:
        """Offer what has helped before; what the person ticks goes into "What helps me"."""
        from tui.screens.helped_chooser import HelpedChooser

        field = self.query_one(f"#plan-{WHAT_HELPS}", TextArea)
        chosen = await self.app.push_screen_wait(HelpedChooser(self.store, field.text))
        if chosen:
            written = field.text.rstrip()
            field.text = "\n".join([written, *chosen] if written else chosen)
            field.move_cursor(field.document.end)
        field.focus()

    def written_plan(self) -> dict[str, str]:
        """What is in the fields now, trimmed."""
        return {
            field.key: self.query_one(f"#plan-{field.key}", TextArea).text.strip()
            for field in self.text.fields
        }

    def save(self) -> bool:
        cleaned = {
            field.key: clean_text(text, field.label, PLAN_FIELD_LIMIT)
            for field, text in zip(self.text.fields, self.written_plan().values(), strict=True)
        }
        # Merged with what another window saved since this one opened (see merge.py).
        self.saved_plan = self.store.edit_setting(
            setting_keys.SAFETY_PLAN, self.saved_plan, {**self.saved_plan, **cleaned}
        )
        return True

    def after_save(self, saved: bool) -> None:
        self.app.notify("Your safety plan is saved.", title=self.text.title)
