"""`nocontact delete ID`: move an entry to the trash, where it stays 30 days."""

from __future__ import annotations

import argparse

from tui import clock
from tui.commandline.common import open_store, show_notices
from tui.commandline.entries import find_entry, gone, print_tracker_if_changed, words
from tui.date_words import short_day
from tui.store.records import short_id
from tui.store.store import RecordNotFoundError
from tui.store.trash import TRASH_DAYS


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    record = find_entry(store, args.id)
    try:
        trashed = store.delete(record.KIND, record.id)
    except RecordNotFoundError as error:
        raise gone(error) from None
    said = words()
    print(said.text.say("moved", entry=said.name(record)))
    until = short_day(trashed.expires.astimezone(clock.now().tzinfo).date(), said.today)
    print(said.text.say("trash_kept", days=TRASH_DAYS, until=until, id=short_id(record.id)))
    print_tracker_if_changed(store, record)
    show_notices(store)
    return 0
