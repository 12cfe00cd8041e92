"""The dialogs that encrypt a journal, decrypt it and change its passphrase, as the shell does.

None of them keeps a draft: a passphrase is never written anywhere. The work itself runs in
a thread with a bar and a Stop button, which puts the journal back as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, Checkbox, Input, ProgressBar, Static

from tui.content.vault import vault_text, warning_points
from tui.screens.dialog import Dialog
from tui.store.keyring import KeyFileError, WrongSecretError, check_passphrase
from tui.store.store import StoreError

CSS = """
    & > #dialog { width: 76; padding: 1 2 0 2; }
    .vault-text { margin-bottom: 1; }
    Input { margin-bottom: 1; }
    .vault-status { height: auto; min-height: 1; color: $error; }
"""


class _VaultDialog(Dialog[Any]):
    """Escape closes, changing nothing; a line under the fields says what is wrong."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def action_close(self) -> None:
        self.dismiss(None)

    def status(self, text: str) -> None:
        self.query_one(".vault-status", Static).update(text)

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def new_passphrase(self) -> str | None:
        """The new passphrase, typed twice alike and long enough to keep; else None, with
        the reason said under the fields."""
        new = self.value("new")
        try:
            check_passphrase(new)
        except ValueError as error:
            self.status(str(error))
            return None
        if new != self.value("again"):
            self.status(vault_text("passphrases_differ"))
            return None
        return new

    def next_field(self, event: Input.Submitted | Button.Pressed) -> bool:
        """Enter in a field that is not the last goes on to the next one, as in every form."""
        fields = list(self.query(Input))
        if isinstance(event, Input.Submitted) and event.input is not fields[-1]:
            fields[fields.index(event.input) + 1].focus()
            return True
        return False

    @on(Button.Pressed, "#close")
    def _close(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)


class EncryptDialog(_VaultDialog):
    """What encrypting means, a new passphrase twice, and whether to make a recovery key.

    Dismissed with (passphrase, make a recovery key) or None.
    """

    dialog_title = vault_text("encrypt_title")
    DEFAULT_CSS = f"EncryptDialog {{ {CSS} }}"

    def compose_body(self) -> ComposeResult:
        yield Static(vault_text("warning_intro"), classes="vault-text")
        for point in warning_points():
            yield Static(f"• {point}", classes="vault-text", markup=False)
        yield Checkbox(vault_text("recovery_choice"), value=True, id="recovery")
        yield Input(password=True, placeholder=vault_text("passphrase_label"), id="new")
        yield Input(password=True, placeholder=vault_text("again_label"), id="again")
        yield Static("", classes="vault-status")

    def buttons(self) -> list[Button]:
        return [Button("Encrypt", id="go"), Button("Cancel", id="close")]

    def on_mount(self) -> None:
        # Focus lands on the first field, which on a small terminal scrolls the warning
        # out of sight: it is what must be read first, so the words start at the top.
        body = self.query_one("#dialog-body")
        self.call_after_refresh(body.scroll_home, animate=False)

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        if self.next_field(event):
            return
        new = self.new_passphrase()
        if new is not None:
            self.dismiss((new, self.query_one("#recovery", Checkbox).value))


class RecoveryKeyDialog(_VaultDialog):
    """The recovery key, shown this once, before anything changes. True: go on."""

    dialog_title = vault_text("recovery_title")
    # Wide enough that the key's 74 characters stay on one line, even at 80 columns: a
    # key copied by hand from two lines is easy to get wrong.
    DEFAULT_CSS = f"""RecoveryKeyDialog {{ {CSS}
        & > #dialog {{ width: 84; padding: 1 1 0 1; }}
        #recovery-key {{ text-style: bold; text-wrap: nowrap; }}
    }}"""

    def __init__(self, key_text: str) -> None:
        super().__init__()
        self.key_text = key_text

    def compose_body(self) -> ComposeResult:
        yield Static(vault_text("recovery_text"), classes="vault-text")
        yield Static(self.key_text, id="recovery-key", classes="vault-text", markup=False)
        yield Static("", classes="vault-status")

    def buttons(self) -> list[Button]:
        return [Button(vault_text("recovery_done"), id="go"), Button("Cancel", id="close")]

    @on(Button.Pressed, "#go")
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)


class DecryptDialog(_VaultDialog):
    """What decrypting means. True: go on."""

    dialog_title = vault_text("decrypt_title")
    DEFAULT_CSS = f"DecryptDialog {{ {CSS} }}"

    def compose_body(self) -> ComposeResult:
        yield Static(vault_text("decrypt_text"), classes="vault-text")
        yield Static("", classes="vault-status")

    def buttons(self) -> list[Button]:
        return [Button("Decrypt", id="go"), Button("Cancel", id="close")]

    @on(Button.Pressed, "#go")
    def _go(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)


class PassphraseDialog(_VaultDialog):
    """The current passphrase (or recovery key) and a new one twice; changes key.age only."""

    dialog_title = vault_text("passphrase_title")
    DEFAULT_CSS = f"PassphraseDialog {{ {CSS} }}"

    def __init__(self, change: Callable[[str, str], None]) -> None:
        super().__init__()
        self.change = change

    def compose_body(self) -> ComposeResult:
        yield Input(password=True, placeholder=vault_text("current_label"), id="current")
        yield Input(password=True, placeholder=vault_text("new_label"), id="new")
        yield Input(password=True, placeholder=vault_text("again_label"), id="again")
        yield Static("", classes="vault-status")

    def buttons(self) -> list[Button]:
        return [Button("Change", id="go"), Button("Cancel", id="close")]

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        if self.next_field(event):
            return
        new = self.new_passphrase()
        if new is not None:
            self.status(vault_text("working"))
            self.query_one("#go", Button).disabled = True
            self._change(self.value("current"), new)

    @work(thread=True, exclusive=True)
    def _change(self, current: str, new: str) -> None:
        try:
            self.change(current, new)
        except WrongSecretError:
            self.app.call_from_thread(self._failed, vault_text("unlock_wrong"))
        except (KeyFileError, StoreError, ValueError) as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, True)

    def _failed(self, why: str) -> None:
        self.status(why)
        self.query_one("#go", Button).disabled = False


class ConvertDialog(_VaultDialog):
    """A bar while the journal is encrypted or decrypted; Stop puts it back as it was.

    `work(progress)` does the conversion (raising ConversionStopped when stopped); the
    dialog is dismissed with True when it finished, False when it was stopped, and None
    when it failed (a full disk): it says why, and its button closes it.
    """

    dialog_title = ""
    DEFAULT_CSS = f"ConvertDialog {{ {CSS} }}"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Stop")]

    def __init__(self, title: str, work: Callable[[Callable[[int, int], None]], object]) -> None:
        super().__init__()
        self.dialog_title = title
        self.work = work
        self.stopping = False
        self.failed = False

    def compose_body(self) -> ComposeResult:
        yield ProgressBar(total=100, show_eta=False, id="bar")
        yield Static("", classes="vault-status")

    def buttons(self) -> list[Button]:
        return [Button("Stop", id="stop")]

    def on_mount(self) -> None:
        self._run()

    def action_close(self) -> None:
        """Escape is Stop here: the work runs on until it has put the journal back."""
        self.query_one("#stop", Button).press()

    @on(Button.Pressed, "#stop")
    def _stop(self, event: Button.Pressed) -> None:
        event.stop()
        if self.failed:
            self.dismiss(None)
            return
        self.stopping = True
        event.button.disabled = True

    def _failed(self, why: str) -> None:
        self.failed = True
        self.status(why)
        self.query_one("#stop", Button).label = "Close"

    def _progress(self, done: int, total: int) -> None:
        """Told from the worker thread; a stop asked for lands here as ctrl+c would."""
        if self.stopping:
            raise KeyboardInterrupt
        self.app.call_from_thread(
            self.query_one("#bar", ProgressBar).update, progress=done, total=total
        )

    @work(thread=True, exclusive=True)
    def _run(self) -> None:
        from tui.store.conversion import ConversionStopped

        try:
            self.work(self._progress)
        except ConversionStopped:
            self.app.call_from_thread(self.dismiss, False)
        except StoreError as error:
            self.app.call_from_thread(self._failed, str(error))
        else:
            self.app.call_from_thread(self.dismiss, True)
