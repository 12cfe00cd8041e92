"""Stage 1, rediscovering who you are: everything written, shown back before saving."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.clock import today
from tui.content.stages import Field, Step
from tui.date_words import long_day
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
            self.fields["plan"].update(self.written_text())  # type: ignore[attr-defined]

    def written_text(self) -> Content:
        """What they wrote in the steps before, each under its step's title, with the plan."""
        titles = {field.key: step.title for step in self.stage.steps for field in step.fields}
        written = [
            (titles["loved_before"], read_answer(self.fields["loved_before"])),
            (titles["pick_what"], self.plan_text()),
            (titles["own_voice"], read_answer(self.fields["own_voice"])),
        ]
        return Content("\n\n").join(
            Content.assemble((title, "bold"), "\n", text) for title, text in written if text
        )

    def plan_text(self) -> str:
        """The one thing and its day, in a sentence, or a gentle word if not chosen."""
        what = read_answer(self.fields["pick_what"])
        day = read_answer(self.fields["pick_day"])
        if not what:
            return "No plan yet. Going back a step to choose one small thing is enough."
        when = f"on {long_day(date.fromisoformat(day), today())}" if day else "on a day you choose"
        return f"{what}, {when}."


SCREEN = IdentityStage
