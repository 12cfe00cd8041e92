"""One past entry, whole: a session as its stage's steps, or a mood, urge, slip or contact."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.content.moods import MoodContent
from tui.content.review import load_review_text
from tui.content.stages import Stage
from tui.content.tracker import load_tracker_text
from tui.record_text import RecordText, RecordWords
from tui.store.month_index import HistoryRecord

HEADER_ICON = "≡"
"""In every common terminal font, unlike Textual's default circle, which some draw as a box."""


class RecordView(VerticalScroll, can_focus=True):
    """An entry in words: its heading, when it was saved, then each part with its answers."""

    DEFAULT_CSS = """
    RecordView { padding: 1 2; }
    RecordView .detail-heading { text-style: bold; color: $primary; }
    RecordView .detail-meta { color: $text-muted; }
    RecordView .detail-step { text-style: bold; padding-top: 1; color: $primary; }
    RecordView .detail-question { text-style: bold; padding-top: 1; }
    RecordView .detail-answer { padding-left: 2; }
    RecordView .detail-words { padding-left: 2; color: $text-muted; }
    """

    def __init__(self, words: RecordText) -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        words = self.words
        # Text, never markup: nothing a person wrote can be read as styling or a link.
        yield Static(Text(words.heading), classes="detail-heading")
        yield Static(Text("\n".join(words.meta)), classes="detail-meta")
        for part in words.parts:
            if part.title:
                yield Static(Text(part.title), classes="detail-step")
            for answer in part.answers:
                yield Static(Text(answer.question), classes="detail-question")
                kind = "detail-answer" if answer.typed else "detail-words"
                yield Static(Text(answer.answer), classes=kind)


class RecordDetailScreen(Screen[None]):
    """A read-only page holding one entry in full."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    def __init__(
        self,
        record: HistoryRecord,
        stages: dict[int, Stage],
        moods: MoodContent,
        today: date,
    ) -> None:
        super().__init__()
        self.record = record
        text = load_review_text()
        urge_labels = load_tracker_text().strength_labels
        self.words = RecordWords(stages, moods, text, urge_labels, today).describe(record)

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        yield RecordView(self.words)
        # Edit and delete (issue 10's later wave) belong in a bar of actions here, under the
        # entry and above the footer, acting on `self.record`.
        yield Footer()

    def on_mount(self) -> None:
        self.title = load_review_text().say("detail_title")
        self.query_one(RecordView).focus()

    def action_back(self) -> None:
        self.dismiss()
