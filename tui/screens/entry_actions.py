"""Putting entries right from the app: the question before a delete, and undo's one key.

After an undo the app tells the screen in front (EntriesChanged), so the review, the
detail page, the trash and home show history as it is now at once.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Button, Static

from tui.change_words import ChangeWords
from tui.clock import today
from tui.screens.dialog import Dialog
from tui.store.store import NothingToUndoError, Store, StoreError
from tui.store.trash import TRASH_DAYS, Entry


class EntriesChanged(Message):
    """Entries changed (an undo): the screen in front reads what it shows again."""


class ConfirmDelete(Dialog[bool]):
    """Asks before an entry goes to the trash; answers True to move it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "keep", "Keep it")]

    def __init__(self, record: Entry) -> None:
        super().__init__()
        self.words = ChangeWords(today())
        self.record = record
        self.dialog_title = self.words.text.say("delete_title")

    def compose_body(self) -> ComposeResult:
        name = self.words.name(self.record)
        body = self.words.text.say(
            "delete_body", entry=name[:1].upper() + name[1:], days=TRASH_DAYS
        )
        yield Static(body, markup=False)

    def buttons(self) -> list[Button]:
        say = self.words.text.say
        return [
            Button(say("delete_yes"), id="delete-yes"),
            Button(say("delete_no"), id="delete-no"),
        ]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "delete-yes")

    def action_keep(self) -> None:
        self.dismiss(False)


def undo_last(app: App[Any], store: Store) -> None:
    """Undo the last change to an entry, say what it was, and show history as it is now."""
    words = ChangeWords(today())
    say = words.text.say
    try:
        undone = store.undo()
    except NothingToUndoError:
        app.notify(say("nothing_to_undo"))
        return
    except StoreError as error:
        app.notify(str(error), title=say("not_undone"), severity="error", timeout=20)
        return
    app.notify(words.undone(undone, in_app=True))
    app.screen.post_message(EntriesChanged())
