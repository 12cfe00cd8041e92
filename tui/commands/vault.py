"""How the app reaches encryption: the palette's entries, and each one's dialogs in turn.

The command palette (ctrl+p) offers "Encrypt your journal", or "Change your passphrase" and
"Decrypt your journal" on an encrypted one; the settings screen's buttons ask the app for
the same flows (FLOWS) through a message.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from textual.app import App, SystemCommand

from tui.content.vault import vault_text
from tui.screens.vault_dialogs import (
    ConvertDialog,
    DecryptDialog,
    EncryptDialog,
    PassphraseDialog,
    RecoveryKeyDialog,
)
from tui.store.store import Store


async def encrypt_flow(app: App[Any], store: Store) -> None:
    """The warning and a passphrase, the recovery key shown once, then the work."""
    from tui.store.keyring import KeyPair
    from tui.store.sealing import EncryptionUnavailableError, load_pyrage

    try:
        load_pyrage()
    except EncryptionUnavailableError as error:
        app.notify(str(error), severity="error", timeout=12)
        return
    chosen = await app.push_screen_wait(EncryptDialog())
    if not chosen:
        return
    passphrase, wants_recovery = chosen
    keys = KeyPair.generate()
    recovery = KeyPair.generate() if wants_recovery else None
    if recovery is not None:
        shown = recovery.key_file_text("No Contact Coach recovery key")
        if not await app.push_screen_wait(RecoveryKeyDialog(shown)):
            return
    done = await app.push_screen_wait(
        ConvertDialog(
            vault_text("encrypting"),
            lambda progress: store.encrypt(passphrase, recovery, progress, keys),
        )
    )
    if done is not None:  # None: it failed, and the dialog said why
        app.notify(vault_text("encrypted" if done else "stopped_encrypt"), timeout=12)


async def decrypt_flow(app: App[Any], store: Store) -> None:
    if not await app.push_screen_wait(DecryptDialog()):
        return
    done = await app.push_screen_wait(ConvertDialog(vault_text("decrypting"), store.decrypt))
    if done is not None:
        app.notify(vault_text("decrypted" if done else "stopped_decrypt"), timeout=12)


async def passphrase_flow(app: App[Any], store: Store) -> None:
    if await app.push_screen_wait(PassphraseDialog(store.change_passphrase)):
        app.notify(vault_text("passphrase_changed"), timeout=12)


FLOWS = {"encrypt": encrypt_flow, "decrypt": decrypt_flow, "passphrase": passphrase_flow}
"""Each flow by the name the settings screen asks for it."""


def vault_commands(app: App[Any], store: Store) -> Iterable[SystemCommand]:
    """The palette's entries for encryption, as fits the journal now."""

    def start(flow: Any) -> None:
        app.run_worker(flow(app, store), exclusive=True, group="vault")

    if store.sealed:
        yield SystemCommand(
            vault_text("passphrase_title"),
            "Only the key file changes; your entries are not rewritten",
            partial(start, passphrase_flow),
        )
        yield SystemCommand(
            vault_text("decrypt_title"),
            "Write every file as plain text again",
            partial(start, decrypt_flow),
        )
    else:
        yield SystemCommand(
            vault_text("encrypt_title"),
            "Keep every file encrypted (age format); writing never needs the passphrase",
            partial(start, encrypt_flow),
        )
