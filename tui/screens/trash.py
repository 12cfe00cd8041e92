"""The trash: what was deleted in the last 30 days, the latest first; enter brings one back."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from tui import clock
from tui.change_words import ChangeWords
from tui.date_words import moment_words
from tui.review_entries import entry_for
from tui.screens.entry_actions import EntriesChanged
from tui.screens.record_detail import HEADER_ICON
from tui.store.records import short_id
from tui.store.store import RecordNotFoundError, Store, StoreError
from tui.store.trash import TRASH_DAYS, Trashed

SUMMARY = 36
"""Characters of what was written shown beside each entry, to tell them apart."""


class TrashList(OptionList):
    """The deleted entries; enter (or a click) brings the highlighted one back, and the
    footer says so (OptionList's own enter is hidden there)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", "Bring back")]


class TrashScreen(Screen[None]):
    """Deleted entries, each kept TRASH_DAYS days, and a way to bring each one back."""

    DEFAULT_CSS = """
    TrashScreen {
        #trash-intro { padding: 1 2 0 2; color: $text-muted; }
        #trash-list { margin: 1 2; height: 1fr; }
        #trash-none { padding: 1 2; display: none; }
        &.-empty #trash-list { display: none; }
        &.-empty #trash-none { display: block; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
        Binding("u", "app.undo", "Undo"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.words = ChangeWords(clock.today())
        self.entries: list[Trashed] = []

    def compose(self) -> ComposeResult:
        say = self.words.text.say
        yield Header(icon=HEADER_ICON)
        yield Static(say("trash_intro", days=TRASH_DAYS), id="trash-intro", markup=False)
        yield TrashList(id="trash-list")
        yield Static(say("trash_none", days=TRASH_DAYS), id="trash-none", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.words.text.say("trash_title")
        self.load()
        self.query_one(OptionList).focus()

    def line(self, trashed: Trashed) -> Content:
        """One entry: its id, what it is, a few words of it, and how long it has left."""
        now = clock.now()
        record = trashed.record
        summary = entry_for(record, self.words.today).summary
        if len(summary) > SUMMARY:
            summary = f"{summary[: SUMMARY - 1]}…"
        head = f"{short_id(record.id)}  {self.words.name(record)}"
        tail = self.words.text.say(
            "trash_when",
            when=moment_words(trashed.deleted_at, now.date()),
            left=self.words.days_left(trashed, now),
        )
        # Plain Content: nothing written in an entry is read as markup.
        lines = [Content(head), Content.styled(f"  {summary}", "italic") if summary else None]
        lines.append(Content.styled(f"  {tail}", "dim"))
        return Content("\n").join(line for line in lines if line is not None)

    def load(self) -> None:
        """Read the trash again and list it, keeping the highlight near where it was."""
        options = self.query_one(OptionList)
        before = options.highlighted
        try:
            self.entries = self.store.trash()
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=20)
            self.entries = []
        options.clear_options()
        options.add_options(
            Option(self.line(trashed), id=trashed.record.id) for trashed in self.entries
        )
        self.set_class(not self.entries, "-empty")
        if self.entries:
            options.highlighted = min(before or 0, len(self.entries) - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_bring_back()

    def action_bring_back(self) -> None:
        """Bring the highlighted entry back into history."""
        options = self.query_one(OptionList)
        if options.highlighted is None or not self.entries:
            return
        trashed = self.entries[options.highlighted]
        try:
            record = self.store.bring_back(trashed.record.id)
        except RecordNotFoundError:
            pass  # brought back or let go in another window: the list below says how it is
        except StoreError as error:
            self.notify(str(error), severity="error", timeout=20)
            return
        else:
            name = self.words.name(record)
            self.notify(self.words.text.say("restored_toast", entry=name))
        self.load()

    def on_entries_changed(self, _: EntriesChanged) -> None:
        self.load()

    def action_back(self) -> None:
        self.dismiss()
