"""Turning a whole journal encrypted, or back to plain, so that no kill can leave it half.

Both run under the data dir's lock from start to end, and each file is replaced in one
atomic rename, sealed or opened, so the plain file it replaces is unlinked, never merely
renamed. What makes a kill harmless is the small intent file `.sealing`, written before
anything changes and removed last, which says the direction: "sealed" or "plain".

Whoever takes the lock next and finds it (see sealing.at_lock) finishes the work toward an
encrypted journal, which needs only the public keys, never the passphrase:
- toward "sealed" with recipients.txt in place: every file not sealed yet is sealed;
- toward "sealed" without it: nothing was sealed yet (recipients.txt is written after the
  keys and before any file), so the key files are removed and the journal stays plain;
- toward "plain" with recipients.txt in place: a decrypt was stopped, so the files it
  had opened are sealed again and the journal stays encrypted;
- toward "plain" without it: every file was plain already (recipients.txt is removed only
  then), so the last key files are removed.
A stop the process sees (ctrl+c) puts back what was there before it began: an encrypt
stopped is undone, since this process still holds the private key; a decrypt stopped
leaves the journal encrypted.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tui.store import journal
from tui.store.atomic import (
    AGE_MAGIC,
    TEMP_SUFFIX,
    atomic_write_bytes,
    fsync_dir,
    read_raw,
    set_sealer,
)
from tui.store.keyring import KeyPair, write_keys
from tui.store.sealing import (
    INBOX_DIR,
    INTENT_FILE,
    KEY_FILE,
    RECIPIENTS_FILE,
    RECOVERY_KEY_FILE,
    JournalSealer,
    current,
    is_plain_file,
    load_pyrage,
    register,
    seal_to,
)

Progress = Callable[[int, int], None]
"""Told (bytes done, bytes in all) as the files are converted."""
SEALED, PLAIN = "sealed", "plain"


class ConversionStopped(Exception):
    """Ctrl+c stopped an encrypt or a decrypt; the journal is as it was before it began."""

    def __init__(self, sealed: bool) -> None:
        super().__init__()
        self.sealed = sealed
        """Whether the journal is encrypted now."""


class AlreadyError(Exception):
    """The journal is already encrypted (for encrypt) or plain (for decrypt)."""


def _nothing(done: int, total: int) -> None:
    """No progress to show."""


def _write_intent(root: Path, toward: str) -> None:
    atomic_write_bytes(root / INTENT_FILE, f'{{"toward": "{toward}"}}\n'.encode("ascii"))


def _intent(root: Path) -> str:
    """The direction the intent names; anything unreadable counts as toward "sealed"."""
    try:
        raw, _ = read_raw(root / INTENT_FILE)
    except OSError:
        return SEALED
    return PLAIN if b'"plain"' in raw else SEALED


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _is_stale_temp(name: str) -> bool:
    return name.startswith(".") and name.endswith(TEMP_SUFFIX)


def files_to_convert(root: Path) -> list[tuple[Path, int]]:
    """Every plain file in the data dir but the few kept as they are, with its size.

    Folders and files that are links are never followed. Temp files a crashed writer left
    are removed (the lock is held, so no writer is using one).
    """
    found: list[tuple[Path, int]] = []
    for folder, _, names in os.walk(root):
        directory = Path(folder)
        for name in sorted(names):
            path = directory / name
            try:
                found_stat = os.lstat(path)
            except FileNotFoundError:
                continue
            if not stat.S_ISREG(found_stat.st_mode) or is_plain_file(root, path):
                continue
            if _is_stale_temp(name):
                _remove(path)
                continue
            found.append((path, found_stat.st_size))
    return found


def _convert(root: Path, sealer: JournalSealer, to_sealed: bool, progress: Progress) -> int:
    """Seal (or open) every file not yet so; return how many could not be opened."""
    files = files_to_convert(root)
    total = sum(size for _, size in files) or 1
    done = not_opened = 0
    pyrage = load_pyrage()

    for path, size in files:
        try:
            raw, _ = read_raw(path)
        except FileNotFoundError:
            continue
        if to_sealed and not raw.startswith(AGE_MAGIC):
            atomic_write_bytes(path, seal_to(sealer.recipients, raw, sealer))
        elif not to_sealed and raw.startswith(AGE_MAGIC):
            try:
                plain = bytes(pyrage.decrypt(raw, sealer.identities))
            except pyrage.DecryptError:
                not_opened += 1  # sealed to other keys: left exactly as it is
            else:
                atomic_write_bytes(path, plain)
        done += size
        progress(min(done, total), total)
    return not_opened


def _finish_sealed(root: Path) -> None:
    _remove(root / INTENT_FILE)
    fsync_dir(root)


def _finish_plain(root: Path) -> None:
    """Every file is plain: remove the keys, recipients.txt first, then the intent."""
    for name in (RECIPIENTS_FILE, RECOVERY_KEY_FILE, KEY_FILE):
        _remove(root / name)
        fsync_dir(root)
    with contextlib.suppress(FileNotFoundError, OSError):
        os.rmdir(root / INBOX_DIR)  # empty after the merge; anything left stays
    set_sealer(root, None)
    _remove(root / INTENT_FILE)
    fsync_dir(root)


def _seal_all(root: Path, keep: JournalSealer | None, progress: Progress) -> None:
    """Toward an encrypted journal, from wherever a stop left it (public keys suffice)."""
    sealer = register(root, keep=keep)
    if sealer is None:
        _finish_plain(root)
        return
    sealer.writes_plain = False
    _write_intent(root, SEALED)
    _convert(root, sealer, True, progress)
    _finish_sealed(root)


def resume(root: Path) -> None:
    """Under the lock: finish an encrypt or decrypt that a kill stopped (see the module)."""
    if _intent(root) == PLAIN and not os.path.lexists(root / RECIPIENTS_FILE):
        _finish_plain(root)
        return
    _seal_all(root, current(root), _nothing)


def encrypt(
    root: Path,
    lock: AbstractContextManager[Any],
    passphrase: str,
    recovery: KeyPair | None,
    progress: Progress = _nothing,
    keys: KeyPair | None = None,
) -> None:
    """Make the journal in `root` encrypted, every file, with `keys` (default: a new pair).

    Raises ConversionStopped (journal plain again) on ctrl+c, AlreadyError if it is
    encrypted already.
    """
    with lock:
        if current(root) is not None:
            raise AlreadyError()
        journal.drop_undecided(root)  # staged files of a change never decided: plain copies
        _write_intent(root, SEALED)
        sealer = None
        try:
            keys = keys or KeyPair.generate()
            write_keys(root, keys, passphrase, recovery)
            sealer = register(root)
            assert sealer is not None
            sealer.identities = [keys.identity]
            _convert(root, sealer, True, progress)
        except KeyboardInterrupt:
            _write_intent(root, PLAIN)
            if sealer is not None:
                sealer.writes_plain = True
                _convert(root, sealer, False, _nothing)
            _finish_plain(root)
            raise ConversionStopped(sealed=False) from None
        except BaseException:
            # Anything else (a full disk): sealed from here on, as a kill would be.
            _seal_all(root, sealer, _nothing)
            raise
        _finish_sealed(root)


def decrypt(root: Path, lock: AbstractContextManager[Any], progress: Progress = _nothing) -> int:
    """Make the unlocked journal in `root` plain again, every file; return how many files
    sealed to other keys were left as they were.

    Merge the inbox first (inbox.merge). Raises ConversionStopped (journal still
    encrypted) on ctrl+c, AlreadyError if it is plain.
    """
    with lock:
        sealer = current(root)
        if sealer is None:
            raise AlreadyError()
        if sealer.locked:
            from tui.store.sealing import JournalLockedError

            raise JournalLockedError()
        journal.drop_undecided(root)
        _write_intent(root, PLAIN)
        sealer.writes_plain = True
        try:
            not_opened = _convert(root, sealer, False, progress)
        except KeyboardInterrupt:
            _seal_all(root, sealer, _nothing)
            raise ConversionStopped(sealed=True) from None
        except BaseException:
            _seal_all(root, sealer, _nothing)
            raise
        _finish_plain(root)
        return not_opened
