"""Small pieces the quick commands share: reading numbers, notes and times, opening the store."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from tui import clock
from tui.commandline.errors import UsageError
from tui.date_words import moment_words
from tui.store import setting_keys
from tui.store.store import Store
from tui.store.validation import clean_text


def scale_value(text: str | None, what: str) -> int:
    """A whole number from 0 to 10 read from the command line, or one clear line."""
    value = (text or "").strip()
    if not value:
        raise UsageError(f"{what} is needed: a whole number from 0 to 10.")
    signless = value[1:] if value[0] in "+-" else value
    if not signless.isascii() or not signless.isdigit():
        raise UsageError(f"{what} must be a whole number from 0 to 10, not {text!r}.")
    number = int(value)
    if not 0 <= number <= 10:
        raise UsageError(f"{what} must be from 0 to 10, not {number}.")
    return number


def note_from(words: list[str] | None) -> str:
    """The note typed as words after the command, cleaned of control characters."""
    return clean_text(" ".join(words or ())).strip()


def moment_from(args: argparse.Namespace, what: str) -> datetime:
    """--at WHEN if given (never in the future), else now."""
    if args.at is None:
        return clock.now()
    from tui.when import parse_past

    return parse_past(args.at, what)


def open_store(args: argparse.Namespace, unlock: bool = True) -> Store:
    """The person's store, from --data-dir, $NOCONTACT_DATA_DIR or the platform default.

    An encrypted journal is unlocked first (the passphrase is asked for once), unless
    `unlock` is False: the quick writes never ask, their records go to the inbox.
    """
    store = Store.open(args.data_dir)
    if unlock and store.locked:
        from tui.commandline.unlocking import unlock_store

        unlock_store(store, args)
    return store


def show_notices(store: Store) -> None:
    """Say, on stderr, which unreadable files were kept aside while the command ran."""
    from tui.store.printable import printable

    for notice in store.notices:
        print(f"nocontact: {printable(notice)}", file=sys.stderr)


def moment_text(moment: datetime, now: datetime | None = None) -> str:
    """A moment as a person reads it: "today at 20:15", "Fri 20 Nov at 21:00"."""
    return moment_words(moment, (now or clock.now()).date())


def mood_label(mood: int) -> str:
    """The label for a mood, read straight from data/moods.json (the dataclasses cost time)."""
    from tui.content.loader import ContentError, document

    labels = document("moods.json").texts("labels")
    if len(labels) != 11:
        raise ContentError("moods.json: field 'labels' needs 11 labels, 0 to 10")
    return labels[mood]


def support_line(store: Store) -> str:
    """One gentle line with a crisis line for the person's country, for a very low moment."""
    from tui.content.support import load_support

    support = load_support()
    # A locked journal's settings cannot be read: then the lines for anywhere are given.
    country = support.country(None if store.locked else store.setting(setting_keys.COUNTRY))
    lines = "; ".join(f"{line.name} ({line.contact})" for line in country.lines)
    return support.offer_low_mood_shell.replace("{lines}", lines)


def first_line(text: str, width: int = 60) -> str:
    """The first line of a note, cut to `width` characters, safe to print (printable.py)."""
    from tui.store.printable import printable

    line = printable(text).strip().split("\n", 1)[0]
    return line if len(line) <= width else f"{line[: width - 1]}…"
