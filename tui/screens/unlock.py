"""The app on an encrypted journal: a quiet screen, and the dialog that asks for the passphrase.

The passphrase is asked for once, when the app opens. Checking it runs scrypt, which takes
a second or more by design, so it runs in a thread while the dialog says it is opening.
Nothing typed here is ever kept: escape quits rather than keeping a draft.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from tui.content.vault import vault_text
from tui.screens.dialog import Dialog
from tui.store.keyring import KeyFileError, WrongSecretError
from tui.store.sealing import EncryptionUnavailableError
from tui.store.store import Store, StoreError


class LockedScreen(Screen[None]):
    """What shows under the passphrase dialog: nothing of the journal, only its name."""

    DEFAULT_CSS = """
    LockedScreen { align-horizontal: center; }
    LockedScreen Static { width: auto; margin-top: 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield Static(vault_text("locked_screen"))
        yield Footer()


class UnlockDialog(Dialog[bool]):
    """Asks for the passphrase (or the recovery key); dismissed with True once it opens."""

    dialog_title = vault_text("unlock_title")

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", "Quit")]

    DEFAULT_CSS = """
    UnlockDialog {
        & > #dialog { width: 64; padding: 1 2 0 2; }
        #unlock-text { margin-bottom: 1; }
        #unlock-status { height: auto; min-height: 1; margin-top: 1; color: $text-muted; }
        #unlock-status.wrong { color: $error; }
    }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose_body(self) -> ComposeResult:
        yield Static(vault_text("unlock_text"), id="unlock-text")
        yield Input(password=True, placeholder=vault_text("unlock_label"), id="passphrase")
        yield Static("", id="unlock-status")

    def buttons(self) -> list[Button]:
        return [Button("Open", id="open"), Button("Quit", id="quit")]

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    def _status(self, text: str, wrong: bool = False) -> None:
        status = self.query_one("#unlock-status", Static)
        status.update(text)
        status.set_class(wrong, "wrong")

    @on(Input.Submitted)
    @on(Button.Pressed, "#open")
    def _open(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        field = self.query_one("#passphrase", Input)
        if not field.value or field.disabled:
            return
        field.disabled = True
        self._status(vault_text("unlock_busy"))
        self._unlock(field.value)

    @on(Button.Pressed, "#quit")
    def _quit(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.exit()

    @work(thread=True, exclusive=True)
    def _unlock(self, secret: str) -> None:
        try:
            self.store.unlock(secret)
        except WrongSecretError:
            self.app.call_from_thread(self._again, vault_text("unlock_wrong"))
        except (KeyFileError, StoreError, EncryptionUnavailableError) as error:
            self.app.call_from_thread(self._again, str(error))
        else:
            self.app.call_from_thread(self.dismiss, True)

    def _again(self, why: str) -> None:
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self._status(why, wrong=True)
