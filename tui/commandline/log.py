"""`nocontact log MOOD [NOTE...]`: one mood record and one confirming line, quickly."""

from __future__ import annotations

import argparse

from tui.commandline.common import (
    moment_from,
    moment_text,
    mood_label,
    note_from,
    open_store,
    scale_value,
    show_notices,
    support_line,
)
from tui.store.records import LOW_MOOD, MoodLog
from tui.store.validation import clean_tags


def run(args: argparse.Namespace) -> int:
    mood = scale_value(args.mood, "The mood")
    record = MoodLog(
        at=moment_from(args, "A mood"),
        mood=mood,
        note=note_from(args.note),
        tags=clean_tags(args.tag),
        source="cli",
    )
    store = open_store(args, unlock=False)
    store.add(record)
    print(f"Logged mood {mood} ({mood_label(mood)}) for {moment_text(record.at)}.")
    if mood <= LOW_MOOD:
        print(support_line(store))
    show_notices(store)
    return 0
