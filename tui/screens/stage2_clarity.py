"""Stage 2, emotional clarity: the feelings picker and the paced breathing."""

from __future__ import annotations

from textual.widget import Widget

from tui.content.moods import load_moods
from tui.content.stages import Field
from tui.screens.stage import StageScreen
from tui.widgets.breathing_pacer import BreathingPacer
from tui.widgets.emotion_picker import EmotionPicker


class ClarityStage(StageScreen):
    """Name the feelings, breathe with them, set what is beside what you wish."""

    def build_special(self, field: Field) -> Widget:
        if field.kind == "emotions":
            return EmotionPicker(load_moods().emotions, id="field-emotions")
        if field.kind == "breathing":
            return BreathingPacer(live=self.live, id="field-breathing")
        return super().build_special(field)


SCREEN = ClarityStage
