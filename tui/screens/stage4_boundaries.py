"""Stage 4, boundaries: the three statements and checklist become a card for home."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Static

from tui.content.stages import Field, Step, card_headings, card_statements
from tui.screens.stage import StageScreen
from tui.screens.stage_fields import field_id
from tui.store import setting_keys
from tui.store.records import Session


def card_text(answers: dict[str, Any]) -> str:
    """The boundaries card as it will read on the home screen."""
    lines = card_statements(answers, card_headings())
    done = answers.get("checklist") or []
    if done:
        lines.append("Done so far: " + "; ".join(item.lower() for item in done) + ".")
    return "\n".join(lines) or "Nothing written yet. Go back a step or two when you are ready."


class BoundariesStage(StageScreen):
    """What I need, what I won't accept, where I draw the line, and the practical steps."""

    def on_mount(self) -> None:
        # The card as this window found it, so a card another window saves meanwhile is merged.
        self.card_before = self.store.setting(setting_keys.BOUNDARIES_CARD)

    def build_special(self, field: Field) -> Widget:
        if field.kind == "card":
            return Static(id=field_id(field.key), classes="stage-card", markup=False)
        return super().build_special(field)

    def step_shown(self, step: Step) -> None:
        if "card" in self.fields:
            self.fields["card"].update(card_text(self.answers()))  # type: ignore[attr-defined]

    def save_extras(self, session: Session) -> None:
        """The card home shows: the three statements, the steps done and when."""
        answers = session.answers
        if not any(answers.get(key) for key in ("need", "wont_accept", "line", "checklist")):
            return  # never replace a card with an empty one
        self.store.edit_setting(
            setting_keys.BOUNDARIES_CARD,
            self.card_before,
            {
                "need": answers.get("need", ""),
                "wont_accept": answers.get("wont_accept", ""),
                "line": answers.get("line", ""),
                "checklist": list(answers.get("checklist", [])),
                "saved_at": session.saved_at.isoformat(),
            },
        )


SCREEN = BoundariesStage
