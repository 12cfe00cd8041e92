"""Stage 5, growth: lessons, strengths, and a letter kept closed until its day."""

from __future__ import annotations

from textual.widget import Widget

from tui.screens.stage import StageScreen
from tui.screens.stage_fields import read_answer
from tui.store import setting_keys
from tui.store.records import Session


class GrowthStage(StageScreen):
    """Lessons learned, strengths noticed, a letter to future you with an opening day."""

    def problem(self) -> tuple[str, Widget] | None:
        """A letter needs a day to open on; everything else is as any stage."""
        found = super().problem()
        opening = self.fields["open_on"]
        if found is None and read_answer(self.fields["letter"]) and not read_answer(opening):
            return "Choose the day your letter opens, a day after today.", opening
        return found

    def save_extras(self, session: Session) -> None:
        """File the letter with its opening day, beside any written before."""
        text = session.answers.get("letter", "")
        if not text:
            return
        letters = self.store.setting(setting_keys.LETTERS, [])
        before = list(letters) if isinstance(letters, list) else []
        kept = [*before]
        kept.append(
            {
                "session_id": session.id,
                "written_at": session.saved_at.isoformat(),
                "open_on": session.answers.get("open_on", ""),
                "text": text,
            }
        )
        # Under the lock, merged with letters another window filed meanwhile.
        self.store.edit_setting(setting_keys.LETTERS, before, kept)


SCREEN = GrowthStage
