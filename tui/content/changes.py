"""The words of putting entries right (edit, trash, undo), from data/changes.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document

FILE = "changes.json"
KINDS = ("moods", "sessions", "urges", "slips", "logistics")
"""The kinds of entry, by the name the store keeps each under."""
FIELDS = (
    "at",
    "mood",
    "note",
    "tags",
    "strength",
    "acted",
    "they_reached_out",
    "feeling",
    "mood_before",
    "mood_after",
)
"""The fields of an entry a change can name."""


@dataclass(frozen=True)
class ChangeText:
    """Everything said about edits, the trash and undo, by key."""

    kinds: dict[str, str]
    """Each kind of entry as a sentence names it ("a mood", "contact")."""
    names: dict[str, str]
    """How a sentence names one entry of each kind, with its {placeholders}."""
    fields: dict[str, str]
    sentences: dict[str, str]

    def say(self, key: str, **values: object) -> str:
        """The sentence `key` with `values` put in its {placeholders}."""
        try:
            sentence = self.sentences[key]
        except KeyError:
            raise ContentError(f"{FILE}.sentences: field '{key}' is missing") from None
        return sentence.format(**values)


@cache
def load_change_text() -> ChangeText:
    """The words, read and checked once per process."""
    top = document(FILE)
    kinds_part, names_part = top.object("kinds"), top.object("names")
    fields_part, sentences_part = top.object("fields"), top.object("sentences")
    sentences = {key: sentences_part.text(key) for key in sentences_part.data}
    return ChangeText(
        kinds={kind: kinds_part.text(kind) for kind in KINDS},
        names={kind: names_part.text(kind) for kind in KINDS},
        fields={field: fields_part.text(field) for field in FIELDS},
        sentences=sentences,
    )
