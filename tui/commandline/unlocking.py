"""Asking for the passphrase: once per command, at a terminal or from --passphrase-fd N.

Never from an environment variable or an argument, which other users' `ps` and the
shell's history can show. Without a terminal and without --passphrase-fd, a command that
must read an encrypted journal says so in one line and changes nothing.
"""

from __future__ import annotations

import argparse
import os
import sys

from tui.commandline.errors import UsageError
from tui.store.store import Store

MAX_SECRET = 4096
"""Bytes read for one passphrase at most: a line, not a file."""
WRONG = "That passphrase does not open this journal; nothing was changed."
NEEDS_TERMINAL = (
    "Your journal is encrypted: type its passphrase at a terminal, or give it with "
    "--passphrase-fd N; nothing was changed."
)


def _read_line(fd: int) -> str:
    """One line from file descriptor `fd`, read a byte at a time so the next line stays."""
    data = bytearray()
    try:
        while len(data) <= MAX_SECRET:
            byte = os.read(fd, 1)
            if not byte or byte == b"\n":
                break
            data += byte
    except OSError:
        raise UsageError(f"--passphrase-fd {fd} cannot be read; nothing was changed.") from None
    try:
        return data.decode("utf-8").removesuffix("\r")
    except UnicodeDecodeError:
        raise UsageError("The passphrase given is not UTF-8 text; nothing was changed.") from None


def at_terminal() -> bool:
    """Whether a person is there to be asked (standard input is a terminal)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:
        return False


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """A passphrase from --passphrase-fd, else typed (unechoed) at the terminal."""
    fd = getattr(args, "passphrase_fd", None)
    if fd is not None:
        return _read_line(fd)
    if not at_terminal():
        raise UsageError(NEEDS_TERMINAL)
    from getpass import getpass

    try:
        return getpass(prompt)
    except EOFError:
        raise UsageError("No passphrase was given; nothing was changed.") from None


def new_passphrase(args: argparse.Namespace, prompt: str = "Choose a passphrase: ") -> str:
    """A new passphrase: typed twice at a terminal (they must match), or one line from the fd."""
    from tui.store.keyring import check_passphrase

    first = read_secret(args, prompt)
    try:
        check_passphrase(first)
    except ValueError as error:
        raise UsageError(f"{error} Nothing was changed.") from None
    if (
        getattr(args, "passphrase_fd", None) is None
        and read_secret(args, "Type it again: ") != first
    ):
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def unlock_store(store: Store, args: argparse.Namespace) -> None:
    """Unlock `store` with the passphrase asked for once; exit 2 when it is wrong."""
    from tui.store.keyring import KeyFileError, WrongSecretError
    from tui.store.store import StoreError

    secret = read_secret(args, "Passphrase for your journal (or your recovery key): ")
    try:
        store.unlock(secret)
    except WrongSecretError:
        raise UsageError(WRONG) from None
    except KeyFileError as error:
        raise StoreError(str(error)) from None


def confirm(question: str, yes: bool) -> bool:
    """True with --yes; else ask [y/N] at a terminal; without one, UsageError."""
    if yes:
        return True
    if not at_terminal():
        raise UsageError(f"{question.rstrip('?')} needs --yes when there is no terminal to ask at.")
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def ask(question: str) -> bool:
    """A question at the terminal whose answer is yes unless the person says no."""
    try:
        answer = input(f"{question} [Y/n] ")
    except EOFError:
        return True
    return answer.strip().lower() not in ("n", "no")
