"""Mood labels (0 worst to 10 best) and the emotion words, read from data/moods.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from tui.content.loader import ContentError, Fields, load_json

FILE = "moods.json"
MOOD_MIN = 0
MOOD_MAX = 10


@dataclass(frozen=True)
class Emotion:
    """One emotion word a person can pick, with a line that says what it can feel like."""

    word: str
    line: str
    group: str


@dataclass(frozen=True)
class EmotionGroup:
    """Emotion words that sit together in a picker."""

    name: str
    emotions: tuple[Emotion, ...]


@dataclass(frozen=True)
class MoodContent:
    """The label for each mood value and the emotion words, grouped."""

    labels: tuple[str, ...]
    groups: tuple[EmotionGroup, ...]

    def label(self, mood: int) -> str:
        """The label for a mood value; values outside 0-10 take the nearest end."""
        return self.labels[max(MOOD_MIN, min(MOOD_MAX, mood))]

    @property
    def emotions(self) -> tuple[Emotion, ...]:
        """Every emotion word, in group order."""
        return tuple(emotion for group in self.groups for emotion in group.emotions)


def parse_moods(data: Any, name: str = FILE) -> MoodContent:
    """Check the parsed mood content; a fault raises ContentError naming file and field."""
    top = Fields(data, name)
    labels = tuple(top.texts("labels"))
    expected = MOOD_MAX - MOOD_MIN + 1
    if len(labels) != expected or not all(label.strip() for label in labels):
        raise ContentError(f"{name}: field 'labels' needs {expected} non-empty labels, 0 to 10")
    groups = []
    seen: set[str] = set()
    for group in top.objects("emotion_groups"):
        group_name = group.text("name")
        emotions = []
        for item in group.objects("emotions"):
            word = item.text("word")
            if word in seen:
                raise ContentError(f"{item.where}: field 'word' repeats '{word}'")
            seen.add(word)
            emotions.append(Emotion(word=word, line=item.text("line"), group=group_name))
        groups.append(EmotionGroup(name=group_name, emotions=tuple(emotions)))
    return MoodContent(labels=labels, groups=tuple(groups))


@cache
def load_moods() -> MoodContent:
    """The mood content, read once per process."""
    return parse_moods(load_json(FILE))
