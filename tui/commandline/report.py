"""The markdown export: a plain summary a person could print or hand to a therapist."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from statistics import mean
from typing import Any

from tui import clock
from tui.commandline.common import first_line, mood_label
from tui.date_words import long_day, short_day, short_moment
from tui.store import setting_keys
from tui.store.printable import printable
from tui.store.records import LogisticsContact, Slip
from tui.store.tracker import build_tracker, in_words

RECENT_NOTES = 20
WEEKS_SHOWN = 12


def _average(values: list[int]) -> str:
    return f"{mean(values):.1f}" if values else "-"


def _run_words(days: int, words: str) -> str:
    return in_words(days) if words == in_words(days) else f"{in_words(days)} ({words})"


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _tracker_section(document: dict[str, Any]) -> list[str]:
    start = document["no_contact_start"]
    lines = ["## No contact", ""]
    if start is None:
        return [*lines, "No start day has been set.", ""]
    slips = [Slip.from_dict(item) for item in document["slips"]]
    contacts = [LogisticsContact.from_dict(item) for item in document["logistics"]]
    tracker = build_tracker(date.fromisoformat(start), slips, contacts, clock.today())
    they = sum(1 for slip in slips if slip.they_reached_out)
    urges = document["urges"]
    acted = sum(1 for urge in urges if urge["acted"])
    lines += [
        f"- Began on {long_day(date.fromisoformat(start))}.",
        f"- Current run: {_run_words(tracker.current_days, tracker.current_in_words)}.",
        f"- Longest run: {in_words(tracker.longest_days)}; "
        f"days without contact in all: {tracker.total_days}.",
        f"- Times contact happened: {tracker.slips} ({they} when the other person reached out).",
        f"- Urges to reach out logged: {len(urges)}; ridden out {len(urges) - acted}, "
        f"acted on {acted}; average strength {_average([u['strength'] for u in urges])} of 10.",
        f"- Contact that had to happen (children, money, a lease): {tracker.logistics}.",
        "",
    ]
    return lines


def _week_start(moment: datetime) -> date:
    day = moment.date()
    return day - timedelta(days=day.weekday())


def _mood_section(moods: list[dict[str, Any]]) -> list[str]:
    lines = ["## Mood", ""]
    if not moods:
        return [*lines, "No moods were logged.", ""]
    values = [mood["mood"] for mood in moods]
    first, last = _time(moods[0]["at"]), _time(moods[-1]["at"])
    lines += [
        f"{len(moods)} mood{'' if len(moods) == 1 else 's'} logged "
        f"from {short_day(first.date())} to {short_day(last.date())}, on a scale "
        f"from 0 (the hardest) to 10 (really good). Average {_average(values)}.",
        "",
        "| Week of | Logs | Average | Lowest | Highest |",
        "|---|---|---|---|---|",
    ]
    by_week: dict[date, list[int]] = defaultdict(list)
    for mood in moods:
        by_week[_week_start(_time(mood["at"]))].append(mood["mood"])
    for week in sorted(by_week)[-WEEKS_SHOWN:]:
        week_values = by_week[week]
        lines.append(
            f"| {short_day(week)} | {len(week_values)} | {_average(week_values)} "
            f"| {min(week_values)} | {max(week_values)} |"
        )
    noted = [mood for mood in moods if mood["note"].strip()][-RECENT_NOTES:]
    if noted:
        lines += ["", "Recent notes, newest first:", ""]
        for mood in reversed(noted):
            label = mood_label(mood["mood"])
            note = _escape(first_line(mood["note"], 200))
            when = short_moment(_time(mood["at"]))
            lines.append(f"- {when}, {mood['mood']} ({label}): {note}")
    return [*lines, ""]


def _session_section(sessions: list[dict[str, Any]]) -> list[str]:
    lines = ["## Guided exercises", ""]
    if not sessions:
        return [*lines, "No exercises were saved.", ""]
    from tui.content.stages import load_stages

    stages = load_stages()
    lines += [
        "Moods are averaged over the sessions with a mood both before and after.",
        "",
        "| Stage | Sessions | With both moods | Mood before | Mood after |",
        "|---|---|---|---|---|",
    ]
    for number, stage in stages.items():
        done = [session for session in sessions if session["stage"] == number]
        if not done:
            continue
        # The same sessions on both sides, so the two averages can be compared.
        both = [s for s in done if s["mood_before"] is not None and s["mood_after"] is not None]
        before = _average([s["mood_before"] for s in both])
        after = _average([s["mood_after"] for s in both])
        lines.append(
            f"| {number}. {stage.title} | {len(done)} | {len(both)} | {before} | {after} |"
        )
    return [*lines, ""]


def _escape(text: str) -> str:
    """Text that cannot start markdown structure of its own inside a line, nor drive a
    terminal (see printable.py)."""
    text = printable(text)
    for special in ("\\", "|", "#", "*", "_", "<", "`"):
        text = text.replace(special, f"\\{special}")
    return text


def _text_block(value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return [f"> {_escape(line)}" if line.strip() else ">" for line in value.strip().splitlines()]


def _own_words_section(settings: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    reasons = _text_block(settings.get(setting_keys.REASONS))
    if reasons:
        lines += ["## Why I started", "", *reasons, ""]
    card = settings.get(setting_keys.BOUNDARIES_CARD)
    if isinstance(card, dict):
        from tui.content.stages import card_headings, card_statements

        # The card says each statement as home and stage 4 say it.
        rows = [f"- {_escape(line)}" for line in card_statements(card, card_headings())]
        if rows:
            lines += ["## My boundaries", "", *rows, ""]
    plan = settings.get(setting_keys.SAFETY_PLAN)
    if isinstance(plan, dict) and any(plan.values()):
        from tui.content.support import load_support

        lines += ["## My safety plan", ""]
        for part in load_support().safety_plan.fields:
            block = _text_block(plan.get(part.key))
            if block:
                lines += [f"**{part.label}**", "", *block, ""]
    return lines


def export_markdown(document: dict[str, Any]) -> str:
    """The summary, from the same object the json export writes."""
    exported = _time(document["exported_at"])
    lines = [
        "# No Contact Coach: a summary",
        "",
        f"Written on {long_day(exported.date())}, from records kept on the person's own computer. "
        "It is theirs to share or keep.",
        "",
        *_tracker_section(document),
        *_mood_section(document["moods"]),
        *_session_section(document["sessions"]),
        *_own_words_section(document["settings"]),
    ]
    return "\n".join(lines).rstrip("\n") + "\n"
