"""The journal's key pair and its recovery key: made, locked with a passphrase, unlocked.

Every key is an age X25519 key in age's own text formats, so a person can always reach
their files with the `age` or `rage` tools: `age -d key.age` (with the passphrase) prints
the journal's private key as `age-keygen` would have written it, and the recovery key is
printed once, in the same format, for them to keep. See README "Encryption".
"""

from __future__ import annotations

from pathlib import Path

from tui.clock import now
from tui.store.atomic import atomic_write_bytes, read_raw
from tui.store.sealing import (
    KEY_FILE,
    RECIPIENTS_FILE,
    RECOVERY_KEY_FILE,
    SECRET_KEY_PREFIX,
    load_pyrage,
    register,
    seal_to,
)

MIN_PASSPHRASE = 8
"""Characters a passphrase needs at least: a short one is guessed by trying."""


class WrongSecretError(Exception):
    """The passphrase (or recovery key) given does not open this journal."""


class KeyFileError(Exception):
    """A key file is missing or is not one of ours; the message is for the person."""


class KeyPair:
    """An X25519 identity and its public key, in age's text forms."""

    def __init__(self, secret: str) -> None:
        pyrage = load_pyrage()
        self.identity = pyrage.x25519.Identity.from_str(secret)
        self.secret = secret
        self.public = str(self.identity.to_public())

    @classmethod
    def generate(cls) -> KeyPair:
        return cls(str(load_pyrage().x25519.Identity.generate()))

    def key_file_text(self, title: str) -> str:
        """The key as `age-keygen` writes a key file, which `age -d -i` reads."""
        return (
            f"# {title}\n# created: {now().isoformat(timespec='seconds')}\n"
            f"# public key: {self.public}\n{self.secret}\n"
        )


def check_passphrase(passphrase: str) -> None:
    """Raise ValueError with one sentence unless `passphrase` is long enough to keep."""
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise ValueError(f"A passphrase needs at least {MIN_PASSPHRASE} characters.")


def lock_key(root: Path, journal: KeyPair, passphrase: str) -> None:
    """Write key.age: the journal's private key, sealed with `passphrase` (age scrypt)."""
    text = journal.key_file_text("No Contact Coach: this journal's private key").encode()
    atomic_write_bytes(root / KEY_FILE, bytes(load_pyrage().passphrase.encrypt(text, passphrase)))


def write_keys(root: Path, journal: KeyPair, passphrase: str, recovery: KeyPair | None) -> None:
    """Write every key file, recipients.txt last: its presence marks the journal encrypted."""
    lock_key(root, journal, passphrase)
    recipients = [journal.public]
    if recovery is not None:
        text = journal.key_file_text("No Contact Coach: this journal's private key").encode()
        atomic_write_bytes(root / RECOVERY_KEY_FILE, seal_to([recovery.public], text))
        recipients.append(recovery.public)
    lines = [
        "# No Contact Coach: the public keys every file of this journal is encrypted to.",
        "# The first is the journal's own (its private key is key.age, locked with your",
        "# passphrase); a second is your recovery key's. Keep this file: writing needs it.",
        *recipients,
    ]
    atomic_write_bytes(root / RECIPIENTS_FILE, ("\n".join(lines) + "\n").encode("ascii"))


def _secret_in(text: str) -> str | None:
    """The AGE-SECRET-KEY line in a key file's text, if there is one."""
    for line in text.splitlines():
        if line.strip().upper().startswith(SECRET_KEY_PREFIX):
            return line.strip().upper()
    return None


def _read_key_file(root: Path, name: str) -> bytes:
    try:
        return read_raw(root / name)[0]
    except FileNotFoundError:
        raise KeyFileError(
            f"The journal's key file {name} is missing, so it cannot be opened with a "
            "passphrase here; a recovery key still opens every file (see README)."
        ) from None


def open_key(root: Path, recipients: list[str], secret: str) -> KeyPair:
    """The journal's key pair from its passphrase, or from the recovery key.

    Raises WrongSecretError when neither opens it, KeyFileError when a key file is not ours.
    """
    pyrage = load_pyrage()
    typed = _secret_in(secret) if secret.strip().upper().startswith(SECRET_KEY_PREFIX) else None
    if typed is not None:
        try:
            recovery = KeyPair(typed)
        except pyrage.IdentityError:
            raise WrongSecretError() from None
        if recovery.public not in recipients[1:]:
            raise WrongSecretError()
        sealed = _read_key_file(root, RECOVERY_KEY_FILE)
        try:
            text = bytes(pyrage.decrypt(sealed, [recovery.identity])).decode("ascii")
        except (pyrage.DecryptError, UnicodeDecodeError):
            raise KeyFileError(f"{RECOVERY_KEY_FILE} could not be opened.") from None
    else:
        sealed = _read_key_file(root, KEY_FILE)
        try:
            text = bytes(pyrage.passphrase.decrypt(sealed, secret)).decode("ascii")
        except pyrage.DecryptError:
            raise WrongSecretError() from None
        except UnicodeDecodeError:
            raise KeyFileError(f"{KEY_FILE} does not hold a key.") from None
    found = _secret_in(text)
    try:
        journal = KeyPair(found or "")
    except pyrage.IdentityError:
        raise KeyFileError(f"The key in {KEY_FILE} is not an age key.") from None
    if journal.public != recipients[0]:
        raise KeyFileError(f"The key in {KEY_FILE} does not belong to this journal.")
    return journal


def unlock(root: Path, secret: str) -> KeyPair:
    """Open the journal in `root` for this process with its passphrase or recovery key."""
    sealer = register(root)
    if sealer is None:
        raise KeyFileError("This journal is not encrypted.")
    journal = open_key(root, sealer.recipients, secret)
    sealer.identities = [journal.identity]
    return journal
