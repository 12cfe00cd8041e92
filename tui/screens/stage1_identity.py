"""Stage 1, rediscovering who you are: the plan for one thing, shown back before saving."""

from __future__ import annotations

from datetime import date

from textual.widget import Widget
from textual.widgets import Static

from tui.content.stages import Field, Step
from tui.screens.stage import StageScreen
from tui.screens.stage_fields import field_id, read_answer


class IdentityStage(StageScreen):
    """Things loved before, one to pick up on a chosen day, and your own voice."""

    def build_special(self, field: Field) -> Widget:
        if field.kind == "plan":
            return Static(id=field_id(field.key), classes="stage-card", markup=False)
        return super().build_special(field)

    def step_shown(self, step: Step) -> None:
        if "plan" in self.fields:
            self.fields["plan"].update(self.plan_text())  # type: ignore[attr-defined]

    def plan_text(self) -> str:
        """The one thing and its day, in a sentence, or a gentle word if not chosen."""
        what = read_answer(self.fields["pick_what"])
        day = read_answer(self.fields["pick_day"])
        if not what:
            return "No plan yet. Going back a step to choose one small thing is enough."
        when = f"on {date.fromisoformat(day):%A %-d %B}" if day else "on a day you choose"
        return f"{what}, {when}."


SCREEN = IdentityStage
