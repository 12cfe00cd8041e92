"""The words of encryption (its warning, dialogs and notices), read from data/vault.json."""

from __future__ import annotations

from tui.content.loader import document

VAULT_FILE = "vault.json"


def vault_text(key: str) -> str:
    """One sentence (or a few) from data/vault.json."""
    return document(VAULT_FILE).text(key)


def warning_points() -> list[str]:
    """What a person is told before their journal is encrypted, point by point."""
    return document(VAULT_FILE).texts("warning_points")
