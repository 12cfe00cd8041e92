"""`nocontact start`, `slip` and `urge`: the no-contact tracker from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from tui import clock
from tui.commandline.common import (
    moment_from,
    moment_text,
    note_from,
    open_store,
    scale_value,
    show_notices,
    support_line,
)
from tui.commandline.errors import UsageError
from tui.commandline.status import count_lines, load_tracker, quiet_mode
from tui.content.loader import document
from tui.date_words import short_day
from tui.store import setting_keys
from tui.store.records import LOW_MOOD, Slip, Urge
from tui.store.tracker import in_words

SEALED_COUNT = (
    "Your journal is locked, so your count is worked out again the next time you open it; "
    "your longest run and your days without contact stay yours."
)
SEALED_REASONS = (
    "Your reasons for starting, and what has helped you before, are in your locked journal: "
    "`nocontact history` or the app opens it."
)


def start(args: argparse.Namespace) -> int:
    if args.undo:
        if args.when is not None or args.change:
            raise UsageError("--undo takes no day and no --change: it puts back the last one.")
        return _undo_start(args)
    if args.when is None:
        day = clock.today()
    else:
        from tui.when import parse_past_day

        day = parse_past_day(args.when, "The start of no contact")
    store = open_store(args, unlock=False)
    if store.deposit_start(day, args.change):
        kept = "" if args.change else " (a start day set before stays unless you add --change)"
        print(
            f"Noted: your start day is {short_day(day, clock.today())}. Your journal is locked, "
            f"so it is set the next time you open it{kept}."
        )
        return 0
    previous = store.no_contact_start()
    if previous is not None and previous != day and not args.change:
        raise UsageError(
            f"Your start day is already {short_day(previous, clock.today())}; to change it, "
            "add --change (the earlier day is kept, and `nocontact start --undo` puts it back)."
        )
    if previous == day:
        print(f"Your start day is already {short_day(day, clock.today())}; nothing changed.")
        show_notices(store)
        return 0
    store.set_no_contact_start(day)
    if previous is not None:
        moved = f"{short_day(previous, clock.today())} to {short_day(day, clock.today())}"
        print(
            f"The start moved from {moved}; nothing else changed. "
            "`nocontact start --undo` puts it back."
        )
    if day == clock.today():
        print(f"No contact starts today, {short_day(day, day)}. One day at a time.")
    else:
        for line in count_lines(store, load_tracker(store)):
            print(line)
    show_notices(store)
    return 0


def _undo_start(args: argparse.Namespace) -> int:
    store = open_store(args)
    if not store.start_history():
        raise UsageError("The start day has not been changed, so there is nothing to undo.")
    put_back, undone = store.undo_start_change()
    print(
        f"The start is {short_day(put_back, clock.today())} again (it was "
        f"{short_day(undone, clock.today())}, which is kept "
        "in the record too)."
    )
    for line in count_lines(store, load_tracker(store)):
        print(line)
    show_notices(store)
    return 0


def slip(args: argparse.Namespace) -> int:
    mood = None if args.mood is None else scale_value(args.mood, "The mood")
    record = Slip(
        at=moment_from(args, "A slip"),
        they_reached_out=args.they,
        note=note_from(args.note),
        mood=mood,
    )
    store = open_store(args, unlock=False)
    store.add_slip(record)
    who = " (they reached out)" if record.they_reached_out else ""
    print(f"Contact noted for {moment_text(record.at)}{who}. It is part of the story, not the end.")
    tracker = None if store.locked else load_tracker(store)
    if tracker is None:
        print(SEALED_COUNT)
    elif tracker.started is None:
        print("No start day is set yet; `nocontact start` sets one when you are ready.")
    elif record.at.date() < tracker.started:
        print("It falls before your start day, so your count is unchanged.")
    elif quiet_mode(store):
        print(document("tracker.json").text("slip_quiet"))
    else:
        # Worded as the tracker on home words it: when the count began again, not "0 days".
        restarted = document("tracker.json").text("restarted")
        began = tracker.current.start if tracker.current else record.at.date()
        print(restarted.replace("{date}", short_day(began, tracker.today)))
        print(
            f"Your longest run, {in_words(tracker.longest_days)}, and your "
            f"{in_words(tracker.total_days)} without contact stay yours."
        )
    if mood is not None and mood <= LOW_MOOD:
        print(support_line(store))
    show_notices(store)
    return 0


def reasons_lines(reasons: Any) -> list[str]:
    """The person's "why I started" reasons, one per line, from text or a list."""
    if isinstance(reasons, str):
        items = reasons.splitlines()
    elif isinstance(reasons, list):
        items = [item for item in reasons if isinstance(item, str)]
    else:
        items = []
    return [item.strip() for item in items if item.strip()]


def urge(args: argparse.Namespace) -> int:
    strength = scale_value(args.strength, "The urge strength")
    record = Urge(
        at=clock.now(), strength=strength, note=note_from(args.note), acted=args.acted, source="cli"
    )
    store = open_store(args, unlock=False)
    store.add(record)
    # The same words for each strength as stage 3 and the urge form in the app.
    label = document("scales.json").texts("urge")[strength].lower()
    if record.acted:
        print(
            f"Noted: an urge of {strength} out of 10 ({label}) that you acted on. If there was "
            "contact, `nocontact slip` records it; nothing is erased."
        )
    else:
        print(f"Noted: an urge of {strength} out of 10 ({label}), and you did not act on it.")
    if store.locked:
        print(SEALED_REASONS)
        show_notices(store)
        return 0
    reasons = reasons_lines(store.setting(setting_keys.REASONS))
    if reasons:
        print("Why you started:")
        for reason in reasons:
            print(f"  {reason}")
    from tui.commandline.helped import helped_at_an_urge

    for line in helped_at_an_urge(store):
        print(line)
    show_notices(store)
    return 0
