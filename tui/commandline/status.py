"""`nocontact status [--short]`: no-contact days, longest run and the latest mood."""

from __future__ import annotations

import argparse

from tui import clock
from tui.commandline.common import moment_text, mood_label, open_store, show_notices
from tui.date_words import short_day
from tui.store import preferences, setting_keys
from tui.store.store import Store
from tui.store.tracker import Tracker, build_tracker, in_words

NO_START = "No start day is set yet. When you are ready: `nocontact start` (or give a date)."


def load_tracker(store: Store) -> Tracker:
    """The tracker for today from what the store holds."""
    return build_tracker(store.no_contact_start(), store.slips(), store.logistics(), clock.today())


def tracker_lines(tracker: Tracker) -> list[str]:
    """The tracker in a few plain sentences: the count, and what a slip never takes away."""
    if tracker.started is None:
        return [NO_START]
    if tracker.started > tracker.today:
        return [
            f"Your first day is {short_day(tracker.started, tracker.today)}; the count starts then."
        ]
    current = tracker.current
    since = current.start if current else tracker.started
    days = tracker.current_days
    in_full = tracker.current_in_words
    words = "" if in_full == in_words(days) else f" ({in_full})"
    lines = [f"No contact: {in_words(days)}{words}, since {short_day(since, tracker.today)}."]
    if tracker.slips:
        slips = (
            "contact happened once"
            if tracker.slips == 1
            else f"contact happened {tracker.slips} times"
        )
        lines.append(
            f"Longest run: {in_words(tracker.longest_days)}. Days without contact in all: "
            f"{tracker.total_days}, since {short_day(tracker.started, tracker.today)} ({slips})."
        )
    return lines


def quiet_mode(store: Store) -> bool:
    """Whether quiet mode is on: then no command prints a day count."""
    quiet: bool = preferences.current(setting_keys.QUIET, store.setting(setting_keys.QUIET))
    return quiet


def count_lines(store: Store, tracker: Tracker) -> list[str]:
    """tracker_lines, or nothing in quiet mode."""
    return [] if quiet_mode(store) else tracker_lines(tracker)


def milestones_text(reached: tuple[int, ...]) -> str:
    """Milestones as words: "1 day", "1 and 3 days", "1, 3 and 7 days"."""
    if reached == (1,):
        return "1 day"
    numbers = [str(days) for days in reached]
    listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
    return f"{listed} days"


def short_line(tracker: Tracker, latest_mood: int | None, quiet: bool = False) -> str:
    """One short line for a shell prompt: "day 40 · mood 7" (in quiet mode, "mood 7")."""
    parts = []
    if tracker.started is None and not quiet:
        parts.append("no start set")
    elif tracker.started is not None and tracker.started <= tracker.today and not quiet:
        parts.append(f"day {tracker.current_days}")
    if latest_mood is not None:
        parts.append(f"mood {latest_mood}")
    return " · ".join(parts)


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    tracker = load_tracker(store)
    quiet = quiet_mode(store)
    if args.short:
        latest = store.latest_mood()
        print(short_line(tracker, latest.mood if latest else None, quiet))
        show_notices(store)
        return 0
    overview = store.overview()
    if quiet:
        from tui.content.settings_text import load_settings_text

        print(load_settings_text().quiet_note)
    for line in [] if quiet else tracker_lines(tracker):
        print(line)
    if tracker.milestones_reached and not quiet:
        print(f"Milestones in this run: {milestones_text(tracker.milestones_reached)}.")
    if overview.urges_resisted or overview.urges_acted:
        print(f"Urges: {overview.urges_resisted} ridden out, {overview.urges_acted} acted on.")
    latest = overview.latest_mood
    if latest is None:
        print("No moods logged yet: `nocontact log 6` takes two seconds.")
    else:
        print(f"Latest mood: {latest.mood} ({mood_label(latest.mood)}), {moment_text(latest.at)}.")
    show_notices(store)
    return 0
