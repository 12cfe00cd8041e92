"""Requests that travel up to the app: a screen or widget asks, the app decides how.

Home and its widgets post these instead of calling the app, so nothing below the app
imports it.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenStage(Message):
    """Open one of the five stages over home."""

    number: int
    """The stage, from 1 to 5."""


@dataclass
class OpenReview(Message):
    """Open history and review over home."""


@dataclass
class OpenSettings(Message):
    """Open the settings over home."""


@dataclass
class EncryptionAsked(Message):
    """Encrypt the journal, decrypt it, or change its passphrase, each through its dialogs."""

    flow: str
    """"encrypt", "decrypt" or "passphrase"."""


@dataclass
class ShowStoreNotices(Message):
    """The store kept an unreadable file aside while reading: tell the person now."""
