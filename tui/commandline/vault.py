"""`nocontact encrypt`, `decrypt` and `passphrase`: an encrypted journal, turned on and off.

Encrypting says first, before anything changes, that a forgotten passphrase means a lost
journal, and offers a recovery key. Both directions show a bar on a terminal and can be
stopped with ctrl+c, which leaves the journal as it was (see tui/store/conversion.py).
"""

from __future__ import annotations

import argparse
import sys

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.commandline.unlocking import (
    WRONG,
    ask,
    at_terminal,
    confirm,
    new_passphrase,
    read_secret,
    unlock_store,
)
from tui.store.store import Store

RECOVERY_KEY = """\
Your recovery key (it opens every file of your journal; it is not kept anywhere here):

{key}
With it, `age -d -i FILE-WITH-THIS-KEY ...` reads any file, and typing it where the
passphrase is asked opens the journal, so `nocontact passphrase` can set a new one.
"""
BEFORE_DECRYPTING = """\
Decrypting your journal writes every file in {root} as plain text again, readable by
anyone who can open your files. Your passphrase and recovery key will no longer be needed.
"""


def warning(root: object) -> str:
    """What encrypting means, said before anything changes (words from data/vault.json)."""
    from textwrap import fill

    from tui.content.vault import vault_text, warning_points

    points = [
        fill(point, width=88, initial_indent="  - ", subsequent_indent="    ")
        for point in warning_points()
    ]
    return "\n".join(
        [f"Encrypting your journal in {root}.", vault_text("warning_intro"), "", *points]
    )


def _progress(label: str) -> tuple[object, object]:
    """A bar on stderr at a terminal (quiet otherwise), and the function that feeds it."""
    from tui.importers.progress import Progress

    bar = Progress(label)
    return bar, bar.update


def _already(store: Store, want_sealed: bool) -> None:
    if store.sealed == want_sealed:
        state = "already encrypted" if want_sealed else "not encrypted"
        raise UsageError(f"Your journal is {state}; nothing was changed.")


def encrypt(args: argparse.Namespace) -> int:
    from tui.store.conversion import ConversionStopped
    from tui.store.keyring import KeyPair
    from tui.store.sealing import load_pyrage

    store = open_store(args, unlock=False)
    _already(store, True)
    load_pyrage()  # before any question: without it nothing could be encrypted
    print(warning(store.root) + "\n")
    if not confirm("Encrypt your journal now?", args.yes):
        print("Nothing was changed.")
        return 0
    recovery_wanted = args.recovery_key
    if recovery_wanted is None:  # made unless declined
        recovery_wanted = not at_terminal() or ask("Make a recovery key (recommended)?")
    passphrase = new_passphrase(args)
    keys = KeyPair.generate()
    recovery = KeyPair.generate() if recovery_wanted else None
    if recovery is not None:
        print(RECOVERY_KEY.format(key=recovery.key_file_text("No Contact Coach recovery key")))
        if at_terminal() and args.passphrase_fd is None:
            input("Press enter once it is kept somewhere safe. ")
    bar, update = _progress("Encrypting")
    try:
        store.encrypt(passphrase, recovery, update, keys)
    except ConversionStopped:
        bar.close()  # type: ignore[attr-defined]
        print("Stopped: your journal is as it was, not encrypted.", file=sys.stderr)
        return 130
    bar.close()  # type: ignore[attr-defined]
    print(f"Done: every file in {store.root} is encrypted.")
    show_notices(store)
    return 0


def decrypt(args: argparse.Namespace) -> int:
    from tui.store.conversion import ConversionStopped

    store = open_store(args, unlock=False)
    _already(store, False)
    unlock_store(store, args)
    print(BEFORE_DECRYPTING.format(root=store.root))
    if not confirm("Decrypt your journal now?", args.yes):
        print("Nothing was changed.")
        return 0
    bar, update = _progress("Decrypting")
    try:
        left = store.decrypt(update)
    except ConversionStopped:
        bar.close()  # type: ignore[attr-defined]
        print("Stopped: your journal is still encrypted, as it was.", file=sys.stderr)
        return 130
    bar.close()  # type: ignore[attr-defined]
    print(f"Done: every file in {store.root} is plain text again.")
    if left:
        files = "1 file" if left == 1 else f"{left} files"
        print(f"{files} encrypted to other keys (not this journal's) were left as they are.")
    show_notices(store)
    return 0


def passphrase(args: argparse.Namespace) -> int:
    from tui.store.keyring import KeyFileError, WrongSecretError
    from tui.store.store import StoreError

    store = open_store(args, unlock=False)
    _already(store, False)
    secret = read_secret(args, "Current passphrase (or your recovery key): ")
    new = new_passphrase(args, "New passphrase: ")
    try:
        store.change_passphrase(secret, new)
    except WrongSecretError:
        raise UsageError(WRONG) from None
    except ValueError as error:
        raise UsageError(f"{error} Nothing was changed.") from None
    except KeyFileError as error:
        raise StoreError(str(error)) from None
    print("Your passphrase is changed. Only key.age was rewritten; your entries were not.")
    show_notices(store)
    return 0
