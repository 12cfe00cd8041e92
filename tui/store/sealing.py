"""An encrypted journal's files, sealed and opened at the byte boundary (see atomic.py).

An encrypted data dir holds, beside its usual files:
    recipients.txt     the journal's public keys (age recipients), in the clear: every file
                       is sealed to all of them, so writing never needs the passphrase;
    key.age            the journal's private key (an age identity), sealed with the
                       passphrase (age's scrypt), so `age -d key.age` gives it back;
    key.recovery.age   the same private key sealed to the recovery key, when one was made;
    inbox/             records written while the journal was locked (see inbox.py);
    .sealing           only while the journal is being encrypted or decrypted (conversion.py).
Every other file keeps its name and holds an age file instead of JSON. The journal is
encrypted exactly when recipients.txt exists; each process checks that whenever it takes
the data dir's lock, so a journal encrypted or decrypted by another process is noticed
before anything is written. pyrage is imported only to seal or open something.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.store.atomic import AGE_MAGIC, read_raw, set_sealer

RECIPIENTS_FILE = "recipients.txt"
KEY_FILE = "key.age"
RECOVERY_KEY_FILE = "key.recovery.age"
INTENT_FILE = ".sealing"
INBOX_DIR = "inbox"
PLAIN_NAMES = frozenset(
    {".lock", RECIPIENTS_FILE, KEY_FILE, RECOVERY_KEY_FILE, INTENT_FILE, "prompt-status"}
)
"""Files at the top of the data dir written as they are: the lock (empty), the keys (already
sealed, or public), the conversion's intent (a direction, no words), and the shell prompt's
status file, which holds only what the prompt shows, by design."""
PLAIN_PATHS = frozenset({".journal/intent.json"})
"""Deeper files written as they are: a batch's intent names files, and is read by whoever
takes the lock next, with or without the passphrase."""
SECRET_KEY_PREFIX = "AGE-SECRET-KEY-1"


class JournalLockedError(OSError):
    """A sealed file was read before the journal was unlocked with its passphrase."""

    REASON = "your journal is encrypted, and this needs its passphrase"

    def __init__(self) -> None:
        super().__init__()
        self.strerror = self.REASON

    def __str__(self) -> str:
        return f"{self.REASON[0].upper()}{self.REASON[1:]}."


def is_plain_file(root: Path, path: Path) -> bool:
    """Whether `path` in the data dir `root` is one of the files never sealed."""
    if path.parent == root:
        return path.name in PLAIN_NAMES
    try:
        return path.relative_to(root).as_posix() in PLAIN_PATHS
    except ValueError:
        return False


class EncryptionUnavailableError(OSError):
    """pyrage, which an encrypted journal needs, is not installed (it is an optional extra)."""

    REASON = (
        "encryption needs the pyrage package, which is not installed here "
        "(pip install 'nocontact-coach[encryption]')"
    )

    def __init__(self) -> None:
        super().__init__()
        self.strerror = self.REASON

    def __str__(self) -> str:
        return f"{self.REASON[0].upper()}{self.REASON[1:]}."


def load_pyrage() -> Any:
    """pyrage, imported only now that something is sealed or opened."""
    try:
        import pyrage
    except ImportError:
        raise EncryptionUnavailableError() from None
    return pyrage


class JournalSealer:
    """Seals what is written to one data dir, and opens what is read once it is unlocked."""

    def __init__(self, root: Path, recipients: list[str], stamp: tuple[int, ...]) -> None:
        self.root = root
        self.recipients = recipients
        """The journal's own public key first, then the recovery key's, if any."""
        self.stamp = stamp
        """recipients.txt's (inode, mtime, size) when read: a change means a new journal key."""
        self.identities: list[Any] = []
        """The private key, once the journal is unlocked; none before."""
        self.writes_plain = False
        """While the journal is being decrypted: what is written stays plain."""
        self._sealing_to: list[Any] | None = None

    @property
    def locked(self) -> bool:
        return not self.identities

    def seal(self, path: Path, data: bytes) -> bytes:
        if self.writes_plain or data.startswith(AGE_MAGIC) or is_plain_file(self.root, path):
            return data
        return seal_to(self.recipients, data, self)

    def open(self, path: Path, data: bytes) -> bytes:
        if is_plain_file(self.root, path):
            return data
        if not self.identities:
            raise JournalLockedError()
        pyrage = load_pyrage()
        try:
            return bytes(pyrage.decrypt(data, self.identities))
        except pyrage.DecryptError:
            return data  # sealed to other keys, or damaged: read as a file that is not ours


def seal_to(
    recipients: list[str],
    data: bytes,
    sealer: JournalSealer | None = None,
    armored: bool = False,
) -> bytes:
    """`data` as an age file that any of `recipients` (age1... public keys) can open; in
    age's text form when `armored` (an export, safe to paste or mail)."""
    pyrage = load_pyrage()
    parsed = sealer._sealing_to if sealer is not None else None
    if parsed is None:
        parsed = [pyrage.x25519.Recipient.from_str(text) for text in recipients]
        if sealer is not None:
            sealer._sealing_to = parsed
    return bytes(pyrage.encrypt(data, parsed, armored=armored))


def read_recipients(root: Path) -> tuple[list[str], tuple[int, ...]] | None:
    """The public keys in recipients.txt and the file's stamp; None when there is none."""
    try:
        raw, found = read_raw(root / RECIPIENTS_FILE)
    except FileNotFoundError:
        return None
    lines = raw.decode("ascii", errors="replace").splitlines()
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not keys or not all(key.startswith("age1") and key.isalnum() for key in keys):
        raise OSError(0, f"{RECIPIENTS_FILE} in the data folder is not a list of age public keys")
    return keys, (found.st_ino, found.st_mtime_ns, found.st_size)


def current(root: Path) -> JournalSealer | None:
    """The Sealer this process holds for the data dir `root`, if it is encrypted."""
    from tui.store.atomic import _SEALERS

    found = _SEALERS.get(root)
    return found if isinstance(found, JournalSealer) else None


def is_sealed(root: Path) -> bool:
    """Whether the journal in `root` was encrypted when this process last took its lock."""
    return current(root) is not None


def is_locked(root: Path) -> bool:
    """Whether the journal in `root` is encrypted and this process cannot read it yet."""
    sealer = current(root)
    return sealer is not None and sealer.locked


def at_lock(root: Path) -> None:
    """Run whenever the data dir's lock is newly taken: finish a conversion a kill stopped,
    then notice whether the journal is encrypted now. Costs two lstat calls."""
    if os.path.lexists(root / INTENT_FILE):
        from tui.store.conversion import resume

        resume(root)
    try:
        found = os.lstat(root / RECIPIENTS_FILE)
    except FileNotFoundError:
        set_sealer(root, None)
        return
    sealer = current(root)
    if sealer is not None and sealer.stamp == (found.st_ino, found.st_mtime_ns, found.st_size):
        return
    register(root, keep=sealer)


def register(root: Path, keep: JournalSealer | None = None) -> JournalSealer | None:
    """Read recipients.txt and seal what is written to `root` from now on (None: plain).

    The private key of `keep` stays when the journal's own key is still the same.
    """
    read = read_recipients(root)
    if read is None:
        set_sealer(root, None)
        return None
    recipients, stamp = read
    sealer = JournalSealer(root, recipients, stamp)
    if keep is not None and keep.recipients[:1] == recipients[:1]:
        sealer.identities = keep.identities
    set_sealer(root, sealer)
    return sealer
