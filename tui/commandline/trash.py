"""`nocontact trash [--restore ID]`: what the trash holds, or one entry brought back."""

from __future__ import annotations

import argparse

from tui import clock
from tui.commandline.common import open_store, show_notices
from tui.commandline.entries import find_trashed, print_tracker_if_changed, words
from tui.commandline.errors import UsageError
from tui.date_words import moment_words
from tui.store.records import short_id
from tui.store.store import RecordNotFoundError
from tui.store.trash import TRASH_DAYS, Trashed


def _list(entries: list[Trashed]) -> None:
    said = words()
    say = said.text.say
    if not entries:
        print(say("trash_empty", days=TRASH_DAYS))
        return
    now = clock.now()
    print(say("trash_heading", days=TRASH_DAYS))
    for trashed in entries:
        print(
            say(
                "trash_line",
                id=short_id(trashed.record.id),
                entry=said.name(trashed.record),
                deleted=moment_words(trashed.deleted_at, now.date()),
                left=said.days_left(trashed, now),
            )
        )
    print(say("trash_hint"))


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    if args.restore is None:
        _list(store.trash())
        show_notices(store)
        return 0
    trashed = find_trashed(store, args.restore)
    try:
        record = store.bring_back(trashed.record.id)
    except RecordNotFoundError:
        raise UsageError(words().text.say("none_in_trash")) from None
    said = words()
    print(said.text.say("brought_back", entry=said.name(record)))
    print_tracker_if_changed(store, record)
    show_notices(store)
    return 0
