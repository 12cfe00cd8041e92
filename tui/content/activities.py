"""The activities the mood log offers by default, and the words around them, from
data/activities.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document

FILE = "activities.json"
EDITOR_SENTENCES = ("title", "intro", "label", "hint", "too_many", "saved")


@dataclass(frozen=True)
class ActivityText:
    """The default activities, the mood log's question about them, and the editor's words."""

    defaults: tuple[str, ...]
    question: str
    hint: str
    editor: dict[str, str]

    def say(self, key: str, **values: object) -> str:
        """The editor's sentence `key` with `values` put in its {placeholders}."""
        return self.editor[key].format(**values)


@cache
def load_activity_text() -> ActivityText:
    """The activities' words, read and checked once per process."""
    top = document(FILE)
    defaults = tuple(top.texts("defaults"))
    if any(not word or word != word.strip().lower() or " " in word for word in defaults):
        raise ContentError(f"{FILE}: field 'defaults' holds a word that is not a tag")
    editor = top.object("editor")
    return ActivityText(
        defaults=defaults,
        question=top.text("question"),
        hint=top.text("hint"),
        editor={key: editor.text(key) for key in EDITOR_SENTENCES},
    )
