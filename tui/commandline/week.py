"""`nocontact week [--last N]`: the latest weeks that have ended, a few lines each."""

from __future__ import annotations

import argparse

from tui import clock
from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.content.stages import load_stages
from tui.content.week_text import load_week_text
from tui.store import preferences, setting_keys
from tui.week_summary import read_weeks, week_heading, week_lines

MOST_WEEKS = 520
"""Ten years of weeks: more is surely a typo."""


def week_count(text: str) -> int:
    """--last N as a whole number of weeks, or one clear line."""
    value = text.strip()
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MOST_WEEKS:
        raise UsageError(f"--last takes a number of weeks from 1 to {MOST_WEEKS}.")
    return int(value)


def run(args: argparse.Namespace) -> int:
    count = week_count(args.last)
    store = open_store(args)
    now = clock.now()
    text = load_week_text()
    quiet = preferences.current(setting_keys.QUIET, store.setting(setting_keys.QUIET))
    weeks = read_weeks(store, count, now, quiet, text.quote_fields)
    if not weeks:
        print(text.nothing_yet)
    titles = {number: stage.short_title for number, stage in load_stages().items()}
    for index, summary in enumerate(weeks):
        if index:
            print()
        print(week_heading(summary, text, now.date()))
        for line in week_lines(summary, text, titles, now.date()):
            print(f"  {line}")
    show_notices(store)
    return 0
