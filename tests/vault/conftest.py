"""Encryption tests: scrypt, slow by design, is paid once per passphrase and key in a run.

age's passphrase encryption (scrypt) takes about a second on an idle machine and pyrage
gives no way to lower its work factor. So, in these tests only, pyrage's passphrase
functions remember their answers for the whole run: the same key text locked with the same
passphrase gives the same, real key.age bytes, and opening those again costs nothing. The
key pairs a journal gets are fixed ones (see vault_helpers), so every journal made here has
the same key.age. Every byte on disk is still real age; tests that run `nocontact` or
`age` as a process of their own pay for scrypt as a person would.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyrage
import pytest
from vault_helpers import JOURNAL_SECRET, RECOVERY_SECRET

from tui.store.keyring import KeyPair

_LOCKED: dict[tuple[bytes, str], bytes] = {}
_OPENED: dict[tuple[bytes, str], bytes | None] = {}


@pytest.fixture(autouse=True)
def scrypt_once(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """pyrage.passphrase with answers remembered, and key pairs made from fixed keys."""
    real_encrypt, real_decrypt = pyrage.passphrase.encrypt, pyrage.passphrase.decrypt

    def encrypt(plaintext: bytes, passphrase: str, armored: bool = False) -> bytes:
        key = (bytes(plaintext), passphrase)
        if key not in _LOCKED:
            _LOCKED[key] = real_encrypt(plaintext, passphrase, armored)
        return _LOCKED[key]

    def decrypt(ciphertext: bytes, passphrase: str) -> bytes:
        key = (bytes(ciphertext), passphrase)
        if key not in _OPENED:
            try:
                _OPENED[key] = real_decrypt(ciphertext, passphrase)
            except pyrage.DecryptError:
                _OPENED[key] = None
        found = _OPENED[key]
        if found is None:
            raise pyrage.DecryptError("no matching passphrase")
        return found

    secrets = iter([JOURNAL_SECRET, RECOVERY_SECRET])

    def generate(cls: Any) -> KeyPair:
        return KeyPair(next(secrets, None) or str(pyrage.x25519.Identity.generate()))

    monkeypatch.setattr(pyrage.passphrase, "encrypt", encrypt)
    monkeypatch.setattr(pyrage.passphrase, "decrypt", decrypt)
    monkeypatch.setattr(KeyPair, "generate", classmethod(generate))
    yield
