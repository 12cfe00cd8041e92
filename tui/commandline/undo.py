"""`nocontact undo`: reverse the last change to an entry, made here or in the app."""

from __future__ import annotations

import argparse

from tui.commandline.common import open_store, show_notices
from tui.commandline.entries import print_tracker_if_changed, words
from tui.commandline.errors import UsageError
from tui.store.store import NothingToUndoError


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    said = words()
    try:
        undone = store.undo()
    except NothingToUndoError:
        raise UsageError(said.text.say("nothing_to_undo")) from None
    print(said.undone(undone))
    print_tracker_if_changed(store, undone.record)
    show_notices(store)
    return 0
