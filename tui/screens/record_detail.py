"""One past entry, whole: a session as its stage's steps, or a mood, urge, slip or contact."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from tui.change_words import ChangeWords
from tui.content.moods import MoodContent
from tui.content.review import load_review_text
from tui.content.stages import Stage
from tui.content.tracker import load_tracker_text
from tui.record_text import RecordText, RecordWords
from tui.store.month_index import HistoryRecord
from tui.store.records import Session, short_id
from tui.store.store import RecordNotFoundError, Store, StoreError
from tui.store.trash import TRASH_DAYS

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
    """One entry in full; with the store, a bar of actions to edit it or move it to the trash."""

    DEFAULT_CSS = """
    RecordDetailScreen #detail-actions {
        height: auto;
        padding: 0 2;
        background: $boost;
        & Button { margin-right: 2; }
        & #detail-id { width: 1fr; height: 1; text-align: right; color: $text-muted; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("e", "edit", "Edit"),
        Binding("d", "delete", "Move to trash"),
        Binding("u", "undo", "Undo"),
    ]

    def __init__(
        self,
        record: HistoryRecord,
        stages: dict[int, Stage],
        moods: MoodContent,
        today: date,
        store: Store | None = None,
    ) -> None:
        super().__init__()
        self.stages = stages
        self.moods = moods
        self.today = today
        self.store = store
        """Where the actions write; without it the page only reads."""
        self.change_words = ChangeWords(today)
        self.record = record
        self.words = self.describe(record)

    def describe(self, record: HistoryRecord) -> RecordText:
        urge_labels = load_tracker_text().strength_labels
        text = load_review_text()
        return RecordWords(self.stages, self.moods, text, urge_labels, self.today).describe(record)

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        yield RecordView(self.words)
        if self.store is not None:
            say = self.change_words.text.say
            with Horizontal(id="detail-actions"):
                yield Button(say("edit_key"), id="detail-edit", compact=True)
                yield Button(say("delete_key"), id="detail-delete", compact=True)
                yield Static(self.id_line(), id="detail-id", markup=False)
        yield Footer()

    def id_line(self) -> str:
        return self.change_words.text.say("detail_id", id=short_id(self.record.id))

    def on_mount(self) -> None:
        self.title = load_review_text().say("detail_title")
        self.query_one(RecordView).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "undo"):
            return self.store is not None
        return True

    def show(self, record: HistoryRecord) -> None:
        """Show `record` (the entry as it is now) in place of what was shown."""
        self.record = record
        self.words = self.describe(record)
        view = RecordView(self.words)
        old = self.query_one(RecordView)
        self.mount(view, after=old)
        old.remove()
        view.focus()
        if self.store is not None:
            self.query_one("#detail-id", Static).update(self.id_line())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "detail-edit":
            self.action_edit()
        elif event.button.id == "detail-delete":
            self.action_delete()

    def action_edit(self) -> None:
        """Open the entry in a dialog to put it right."""
        from tui.screens.edit_entry import EditEntryDialog

        if self.store is None:
            return
        stage = self.stages.get(self.record.stage) if isinstance(self.record, Session) else None

        def saved(record: HistoryRecord | None) -> None:
            if record is not None:
                self.show(record)

        self.app.push_screen(EditEntryDialog(self.store, self.record, stage), saved)

    def action_delete(self) -> None:
        """Ask, then move the entry to the trash and go back to history."""
        from tui.screens.entry_actions import ConfirmDelete

        if self.store is not None:
            self.app.push_screen(ConfirmDelete(self.record), self._delete_answered)

    def _delete_answered(self, move: bool | None) -> None:
        if not move or self.store is None:
            return
        say = self.change_words.text.say
        try:
            self.store.delete(self.record.KIND, self.record.id)
        except RecordNotFoundError:
            self.notify(say("detail_gone"))
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=30)
            return
        else:
            self.notify(say("deleted_toast", days=TRASH_DAYS))
        self.dismiss()

    def action_undo(self) -> None:
        """Undo the last change to an entry: this one, most often."""
        from tui.screens.entry_actions import undo_last

        if self.store is not None:
            undo_last(self.app, self.store)

    def on_entries_changed(self) -> None:
        """After an undo: the entry as it is now, or back to history if it has gone."""
        if self.store is None:
            return
        record = self.store.entry(self.record.KIND, self.record.id, self.record.when)
        if record is None:
            self.dismiss()
        elif record != self.record:
            self.show(record)

    def action_back(self) -> None:
        self.dismiss()
