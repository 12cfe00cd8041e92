"""`nocontact edit ID --field VALUE...`: correct an entry; only the fields given change.

    nocontact edit 3f9c2a7e --mood 6 --note "a calmer evening" --tag calm --at "20:15"

Each kind of entry takes its own options (a mood: --mood, --note, --tag/--no-tags, --at;
an urge: --strength, --note, --acted/--resisted, --at; contact: --at, --they/--me,
--note, --feeling, --mood; logistics: --at, --note; a session: --before, --after,
--answer NAME=TEXT). No editor opens: what is typed is what is saved. What changed is
shown after, and `nocontact undo` puts it back.
"""

from __future__ import annotations

import argparse
from typing import Any

from tui import clock
from tui.change_words import unquoted
from tui.commandline.common import open_store, scale_value, show_notices
from tui.commandline.entries import find_entry, gone, print_tracker_if_changed, words
from tui.commandline.errors import UsageError
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import RecordNotFoundError
from tui.store.trash import Entry
from tui.store.validation import SHORT_LIMIT, clean_tags, clean_text

OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "mood": ("--mood", ("moods", "slips")),
    "note_text": ("--note", ("moods", "urges", "slips", "logistics")),
    "tags": ("--tag", ("moods",)),
    "no_tags": ("--no-tags", ("moods",)),
    "at": ("--at", ("moods", "urges", "slips", "logistics")),
    "strength": ("--strength", ("urges",)),
    "acted": ("--acted", ("urges",)),
    "resisted": ("--resisted", ("urges",)),
    "they": ("--they", ("slips",)),
    "me": ("--me", ("slips",)),
    "feeling": ("--feeling", ("slips",)),
    "before": ("--before", ("sessions",)),
    "after": ("--after", ("sessions",)),
    "answer": ("--answer", ("sessions",)),
}
"""Each option by its dest: how it is typed, and the kinds of entry it changes."""
NOT_GIVEN = "none"
"""What --mood, --before and --after take to leave a mood not given (null)."""
WRITTEN_KINDS = ("text", "line")
"""Stage fields whose answers are what the person wrote, and so can be edited here."""


def given(args: argparse.Namespace) -> list[str]:
    """The dests of the options given, in OPTIONS' order."""
    return [dest for dest in OPTIONS if getattr(args, dest) not in (None, False, [])]


def _options_for(kind: str) -> str:
    return ", ".join(flag for flag, kinds in OPTIONS.values() if kind in kinds)


def _check_options(record: Entry, chosen: list[str]) -> None:
    say, kind = words().text.say, words().kind(record)
    if not chosen:
        raise UsageError(say("nothing_given", kind=kind, options=_options_for(record.KIND)))
    for dest in chosen:
        flag, kinds = OPTIONS[dest]
        if record.KIND not in kinds:
            options = _options_for(record.KIND)
            raise UsageError(say("not_for_kind", option=flag, kind=kind, options=options))
    for one, other in (("acted", "resisted"), ("they", "me"), ("tags", "no_tags")):
        if one in chosen and other in chosen:
            raise UsageError(say("together", one=OPTIONS[one][0], other=OPTIONS[other][0]))


def _scale(text: str, what: str) -> int:
    """A number from 0 to 10, refused without repeating what was typed."""
    try:
        return scale_value(text, what)
    except UsageError as error:
        raise unquoted(error, text, f"{what} must be a whole number from 0 to 10.") from None


def _optional_scale(text: str, what: str) -> int | None:
    return None if text.strip().lower() == NOT_GIVEN else _scale(text, what)


def _note(args: argparse.Namespace, current: str) -> str:
    return current if args.note_text is None else clean_text(args.note_text).strip()


def _moment(args: argparse.Namespace, current: Any, what: str) -> Any:
    if args.at is None:
        return current
    from tui.when import WhenError, parse_past

    try:
        return parse_past(args.at, what)
    except WhenError as error:
        raise unquoted(error, args.at, words().text.say("unreadable_time")) from None


def _answers(session: Session, pairs: list[str]) -> dict[str, Any]:
    """The session's answers with each NAME=TEXT given put in, or one clear line."""
    from tui.content.stages import load_stages
    from tui.review_entries import LETTER_KEY, sealed_until

    say = words().text.say
    stage = load_stages().get(session.stage)
    fields = {field.key: field.kind for field in stage.fields} if stage else {}
    answers = dict(session.answers)
    for pair in pairs:
        name, equals, text = pair.partition("=")
        name = name.strip()
        if not equals or not name:
            raise UsageError(say("answer_form"))
        written = fields.get(name) in WRITTEN_KINDS or (
            name not in fields and isinstance(answers.get(name), str)
        )
        if not written:
            raise UsageError(say("no_answer"))
        if name == LETTER_KEY and sealed_until(session, clock.today()) is not None:
            raise UsageError(say("sealed"))
        answers[name] = clean_text(text).rstrip()
    return answers


def edited(record: Entry, args: argparse.Namespace) -> Entry:
    """`record` with the options given applied; every value checked as it is read."""
    if isinstance(record, MoodLog):
        tags = record.tags
        if args.tags:
            tags = clean_tags(args.tags)
        elif args.no_tags:
            tags = ()
        level = record.mood if args.mood is None else _scale(args.mood, "The mood")
        at = _moment(args, record.at, "A mood")
        return record.replace(mood=level, note=_note(args, record.note), tags=tags, at=at)
    if isinstance(record, Urge):
        strength = record.strength
        if args.strength is not None:
            strength = _scale(args.strength, "The urge strength")
        acted = True if args.acted else False if args.resisted else record.acted
        at = _moment(args, record.at, "An urge")
        return record.replace(strength=strength, note=_note(args, record.note), acted=acted, at=at)
    if isinstance(record, Slip):
        mood: int | None = record.mood
        if args.mood is not None:
            mood = _optional_scale(args.mood, "The mood")
        they = True if args.they else False if args.me else record.they_reached_out
        feeling = record.feeling
        if args.feeling is not None:
            feeling = clean_text(args.feeling, "How it felt", SHORT_LIMIT).strip()
        return record.replace(
            at=_moment(args, record.at, "Contact"),
            they_reached_out=they,
            note=_note(args, record.note),
            feeling=feeling,
            mood=mood,
        )
    if isinstance(record, LogisticsContact):
        at = _moment(args, record.at, "Contact")
        return record.replace(at=at, note=_note(args, record.note))
    before, after = record.mood_before, record.mood_after
    if args.before is not None:
        before = _optional_scale(args.before, "The mood before")
    if args.after is not None:
        after = _optional_scale(args.after, "The mood after")
    answers = _answers(record, args.answer) if args.answer else record.answers
    return record.replace(mood_before=before, mood_after=after, answers=answers)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    record = find_entry(store, args.id)
    _check_options(record, given(args))
    wanted = edited(record, args)
    try:
        saved = store.edit(record, wanted)
    except RecordNotFoundError as error:
        raise gone(error) from None
    said = words()
    lines = said.change_lines(record, saved)
    if not lines:
        print(said.text.say("unchanged", entry=said.name(saved)))
    else:
        print(said.text.say("changed", entry=said.name(saved)))
        for line in lines:
            print(line)
        print(said.text.say("changed_undo"))
    print_tracker_if_changed(store, saved)
    show_notices(store)
    return 0
