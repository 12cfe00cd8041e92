"""One past entry, whole, as it was written: every answer of a session, or a mood, urge or slip."""

from __future__ import annotations

from datetime import date
from textwrap import indent
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.content.moods import MoodContent
from tui.content.stages import MOOD_KEYS, Stage
from tui.review_entries import HistoryRecord, kind_label, readable_answers, sealed_until
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge

SOURCES = {
    "cli": "Logged from the command line.",
    "app": "Logged in the app.",
    "session": "Logged during a session.",
}


def readable(value: Any) -> str:
    """An answer as plain lines: lists become bullets, ticked items get a tick."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        if all(isinstance(item, bool) for item in value.values()):
            return "\n".join(f"{'✓' if done else '·'} {key}" for key, done in value.items())
        lines = []
        for key, item in value.items():
            text = readable(item)
            label = key.replace("_", " ")
            # A nested list or answer starts on its own lines, indented under its label.
            nested = isinstance(item, dict | list | tuple) and item
            lines.append(f"{label}:\n" + indent(text, "  ") if nested else f"{label}: {text}")
        return "\n".join(lines)
    if isinstance(value, list | tuple):
        return "\n".join(f"• {_one_line(item)}" for item in value)
    return str(value)


def _one_line(value: Any) -> str:
    """A list item on one line: a small answer (a check-in, say) as "key: value, ..."."""
    if isinstance(value, dict):
        return ", ".join(
            f"{key.replace('_', ' ')}: {readable(item)}" for key, item in value.items()
        )
    return readable(value)


def _filled(value: Any) -> bool:
    return value not in (None, "", [], {})


class RecordDetailScreen(Screen[None]):
    """A read-only page holding one entry in full."""

    DEFAULT_CSS = """
    RecordDetailScreen VerticalScroll { padding: 1 2; }
    RecordDetailScreen .detail-heading { text-style: bold; color: $primary; }
    RecordDetailScreen .detail-meta { color: $text-muted; }
    RecordDetailScreen .detail-label { text-style: bold; padding-top: 1; }
    RecordDetailScreen .detail-sealed { color: $text-muted; text-style: italic; padding-top: 1; }
    """

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(
        self,
        record: HistoryRecord,
        stages: dict[int, Stage],
        moods: MoodContent,
        today: date,
    ) -> None:
        super().__init__()
        self.record = record
        self.stages = stages
        self.mood_content = moods
        self.today = today

    def stage_name(self, number: int) -> str:
        stage = self.stages.get(number)
        return f"Stage {number}: {stage.title}" if stage else f"Stage {number}"

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            yield Static(Text(kind_label(self.record, self.stage_name)), classes="detail-heading")
            yield Static(Text(self._meta()), classes="detail-meta")
            for label, text in self._sections():
                yield Static(Text(label), classes="detail-label")
                yield Static(Text(text))
            if isinstance(self.record, Session):
                opens = sealed_until(self.record, self.today)
                if opens is not None:
                    yield Static(
                        Text(f"Your letter to future you stays sealed until {opens:%A %d %B %Y}."),
                        classes="detail-sealed",
                    )
        yield Footer()

    def on_mount(self) -> None:
        self.title = "An entry from your history"
        self.query_one(VerticalScroll).focus()

    def mood_text(self, mood: int | None) -> str:
        if mood is None:
            return "not given"
        return f"{mood} of 10 ({self.mood_content.label(mood)})"

    def _meta(self) -> str:
        record = self.record
        when = f"{record.when:%A %d %B %Y, %H:%M}"
        if isinstance(record, Session):
            return (
                f"Saved {when}, started at {record.started_at:%H:%M}.\n"
                f"Mood before: {self.mood_text(record.mood_before)}. "
                f"Mood after: {self.mood_text(record.mood_after)}."
            )
        if isinstance(record, MoodLog):
            tags = f"\nTags: {', '.join(record.tags)}." if record.tags else ""
            source = SOURCES.get(record.source, "")
            return f"{when}. Mood {self.mood_text(record.mood)}.{tags}\n{source}"
        if isinstance(record, Urge):
            outcome = "You acted on it." if record.acted else "You rode it out."
            return f"{when}. Strength {record.strength} of 10. {outcome}"
        if isinstance(record, Slip):
            who = "They reached out." if record.they_reached_out else "You reached out."
            mood = "" if record.mood is None else f" Mood {self.mood_text(record.mood)}."
            return f"{when}. {who}{mood}"
        return f"{when}. Contact that had to happen; it breaks nothing."

    def _sections(self) -> list[tuple[str, str]]:
        """(label, text) pairs of everything written, in the order it was asked."""
        record = self.record
        if isinstance(record, Session):
            return self._answers(record)
        if isinstance(record, Slip):
            found = [("How it felt", record.feeling), ("Note", record.note)]
            return [(label, text) for label, text in found if text]
        if isinstance(record, MoodLog | Urge | LogisticsContact) and record.note:
            return [("Note", record.note)]
        return []

    def _answers(self, session: Session) -> list[tuple[str, str]]:
        answers = readable_answers(session, self.today)
        stage = self.stages.get(session.stage)
        labels = {field.key: field.label for field in stage.fields} if stage else {}
        ordered = [key for key in labels if key in answers] + [
            key for key in answers if key not in labels
        ]
        return [
            (labels.get(key, key.replace("_", " ").capitalize()), readable(answers[key]))
            for key in ordered
            if key not in MOOD_KEYS and _filled(answers[key])
        ]

    def action_back(self) -> None:
        self.dismiss()
