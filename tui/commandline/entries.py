"""What edit, delete, undo and trash share: finding an entry by id, and the tracker after."""

from __future__ import annotations

from tui.change_words import ChangeWords, touches_tracker
from tui.clock import today
from tui.commandline.errors import UsageError
from tui.commandline.status import load_tracker, tracker_lines
from tui.store.records import short_id
from tui.store.store import AmbiguousIdError, InTrashError, RecordNotFoundError, Store
from tui.store.trash import Entry, Trashed


def words() -> ChangeWords:
    return ChangeWords(today())


def find_entry(store: Store, id_start: str) -> Entry:
    """The entry `id_start` names, or one clear line (exit 2) saying why there is none."""
    say = words().text.say
    try:
        found: Entry = store.find(id_start)
    except InTrashError as error:
        raise UsageError(say("in_trash", id=short_id(error.trashed.record.id))) from None
    except AmbiguousIdError:
        raise UsageError(say("ambiguous")) from None
    except RecordNotFoundError:
        raise UsageError(say("no_such")) from None
    return found


def find_trashed(store: Store, id_start: str) -> Trashed:
    """The entry in the trash `id_start` names, or one clear line (exit 2)."""
    say = words().text.say
    try:
        found: Trashed = store.find_in_trash(id_start)
    except AmbiguousIdError:
        raise UsageError(say("ambiguous")) from None
    except RecordNotFoundError:
        raise UsageError(say("none_in_trash")) from None
    return found


def gone(error: RecordNotFoundError) -> UsageError:
    """The entry went between finding and changing it (another window): one clear line."""
    if isinstance(error, InTrashError):
        return UsageError(words().text.say("in_trash", id=short_id(error.trashed.record.id)))
    return UsageError(words().text.say("gone"))


def print_tracker_if_changed(store: Store, record: Entry | None) -> None:
    """The no-contact count again, when a change to `record` moved it."""
    if touches_tracker(record):
        for line in tracker_lines(load_tracker(store)):
            print(line)
