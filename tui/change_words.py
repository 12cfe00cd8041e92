"""Edits, the trash and undo in words, for the command line and the app alike.

Textual-free. An entry is named by what it is and when ("the mood of 6 (Okay) from today
at 20:15"), never by what was written in it, so these names are safe in any message.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from tui.content.changes import ChangeText, load_change_text
from tui.content.moods import load_moods
from tui.date_words import moment_words, short_day
from tui.store.editing import Undone
from tui.store.printable import printable
from tui.store.records import MoodLog, Session, Slip, Urge, short_id
from tui.store.trash import ADD, BRING_BACK, DELETE, EDIT, START, Entry, Trashed

SHOWN_TEXT = 40
"""Characters of a changed note shown in the list of changes."""


def unquoted(error: Exception, typed: str, instead: str) -> Exception:
    """`error`, or a plain refusal (`instead`) when its sentence repeats what was typed:
    what a person wrote is never quoted back in an error."""
    words = typed.strip()
    if words and words in str(error):
        return type(error)(instead)
    return error


class ChangeWords:
    """Names entries and says what a change, a deletion or an undo did."""

    def __init__(self, today: date, text: ChangeText | None = None) -> None:
        self.today = today
        self.text = text or load_change_text()

    def kind(self, record: Entry) -> str:
        """ "a mood", "a session", "contact"..."""
        return self.text.kinds[record.KIND]

    def name(self, record: Entry) -> str:
        """The entry by what it is and when, with nothing that was written in it."""
        when = moment_words(record.when, self.today)
        values: dict[str, Any] = {"when": when}
        if isinstance(record, MoodLog):
            values.update(mood=record.mood, label=load_moods().label(record.mood))
        elif isinstance(record, Session):
            values.update(stage=record.stage)
        elif isinstance(record, Urge):
            values.update(strength=record.strength)
        return self.text.names[record.KIND].format(**values)

    def title(self, record: Entry) -> str:
        """The entry's name at the start of a sentence: "The mood of 6 (Okay) from..."."""
        name = self.name(record)
        return name[:1].upper() + name[1:]

    def value(self, field: str, value: Any) -> str:
        """One field's value as the list of changes shows it."""
        say = self.text.say
        if value is None:
            return say("not_set")
        if field == "at":
            return moment_words(value, self.today)
        if field == "tags":
            return " ".join(printable(tag) for tag in value) if value else say("no_tags")
        if field == "acted":
            return say("acted_yes" if value else "acted_no")
        if field == "they_reached_out":
            return say("they_yes" if value else "they_no")
        if isinstance(value, str):
            line = printable(value).strip().split("\n", 1)[0]
            if not line:
                return say("empty_text")
            cut = line if len(line) <= SHOWN_TEXT else f"{line[: SHOWN_TEXT - 1]}…"
            return f"“{cut}”"
        return str(value)

    def changed_fields(self, before: Entry, after: Entry) -> list[str]:
        """The names of the fields that differ, in the record's own order."""
        names = []
        for field in type(after).FIELDS:
            if field in ("id", "updated_at") or getattr(before, field) == getattr(after, field):
                continue
            names.append(self.text.fields.get(field, self.text.say("edit_answer")))
        return list(dict.fromkeys(names))

    def change_lines(self, before: Entry, after: Entry) -> list[str]:
        """ "  mood: 5 → 6", one line per field that changed (answers: one line each)."""
        lines = []
        for field in type(after).FIELDS:
            old, new = getattr(before, field), getattr(after, field)
            if field in ("id", "updated_at") or old == new:
                continue
            if field == "answers":
                for key in dict.fromkeys([*old, *new]):
                    if old.get(key) != new.get(key):
                        lines.append(self._line(printable(key), old.get(key), new.get(key)))
                continue
            lines.append(self._line(self.text.fields[field], old, new, field))
        return lines

    def _line(self, label: str, old: Any, new: Any, field: str = "") -> str:
        return self.text.say(
            "change_line", field=label, before=self.value(field, old), after=self.value(field, new)
        )

    def days_left(self, trashed: Trashed, now: datetime) -> str:
        """ "12 days left" in the trash."""
        left = trashed.expires - now
        if left < timedelta(days=1):
            return self.text.say("days_left_less")
        days = left.days + (1 if left % timedelta(days=1) else 0)  # part of a day counts
        if days == 1:
            return self.text.say("days_left_one")
        return self.text.say("days_left_many", count=days)

    def undone(self, undone: Undone, in_app: bool = False) -> str:
        """What an undo did, in one sentence (the app's names no shell command)."""
        change, say = undone.change, self.text.say
        if change.action == START:
            day, was = (short_day(day, self.today) for day in undone.start_days)
            return say("undone_start_app" if in_app else "undone_start", day=day, undone=was)
        assert undone.record is not None
        entry = self.name(undone.record)
        if change.action == ADD:
            key = "undone_add_app" if in_app else "undone_add"
            return say(key, entry=entry, id=short_id(change.id))
        keys = {EDIT: "undone_edit", DELETE: "undone_delete", BRING_BACK: "undone_bring_back"}
        return say(keys[change.action], entry=entry)


def touches_tracker(record: Entry | None) -> bool:
    """Whether a change to `record` changes the no-contact count (or a start day moved)."""
    return record is None or isinstance(record, Slip) or record.KIND == "logistics"
