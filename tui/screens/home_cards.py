"""What home's cards say: a stage's progress, the latest mood, the boundaries card, a letter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from textual.content import Content

from tui.content.moods import MoodContent
from tui.content.stages import Stage, card_statements
from tui.date_words import day_words, long_day, moment_words
from tui.store.records import MoodLog, Session


@dataclass(frozen=True)
class GivenMood:
    """A mood the person gave: in a mood log, or at the start or end of a session."""

    mood: int
    at: datetime
    note: str = ""
    stage: int | None = None
    """The stage of the session it was given in, if it was."""


def latest_mood(log: MoodLog | None, session: Session | None) -> GivenMood | None:
    """The newest of the latest mood log and the latest session's mood, if either has one."""
    given = []
    if log is not None:
        given.append(GivenMood(log.mood, log.at, log.note))
    if session is not None:
        mood = session.mood_after if session.mood_after is not None else session.mood_before
        if mood is not None:
            given.append(GivenMood(mood, session.saved_at, stage=session.stage))
    return max(given, key=lambda found: found.at, default=None)


def progress_words(done: int, last: datetime | None, today: date) -> str:
    """How much has been done in a stage: "Not tried yet", "2 sessions, the last yesterday"."""
    if done == 0 or last is None:
        return "Not tried yet"
    sessions = "1 session" if done == 1 else f"{done} sessions"
    return f"{sessions}, the last {day_words(last.date(), today)}"


def mood_text(
    given: GivenMood | None, moods: MoodContent, stages: dict[int, Stage], today: date
) -> Content:
    """The latest mood with its label and when, or an invitation to log one."""
    if given is None:
        return Content("Nothing logged yet. Press m to log how you feel; it takes two seconds.")
    parts: list[Any] = [
        (f"{given.mood}", "bold $accent"),
        "  ",
        (moods.label(given.mood), "bold"),
        f"\n{moment_words(given.at, today)}",
    ]
    if given.stage is not None and given.stage in stages:
        parts.append(
            (f"\nIn stage {given.stage}, {stages[given.stage].short_title}", "$text-muted")
        )
    if given.note:
        parts.append(("\n" + given.note, "italic $text-muted"))
    return Content.assemble(*parts)


def boundaries_text(card: Any, headings: tuple[str, ...]) -> Content | None:
    """The boundaries card saved by stage 4, as three short lines, or None."""
    if not isinstance(card, dict):
        return None
    statements = card_statements(card, headings)
    if not statements:
        return None
    parts: list[Any] = [Content("\n").join(Content(line) for line in statements)]
    checklist = card.get("checklist") or []
    if checklist:
        steps = "1 step" if len(checklist) == 1 else f"{len(checklist)} steps"
        parts.append((f"\n{steps} taken to make contact harder", "$text-muted"))
    return Content.assemble(*parts)


def iso_day(value: Any) -> date | None:
    """The date at the start of an ISO date or date-time text, or None if there is none."""
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def letter_text(letters: Any, today: date) -> Content | None:
    """The newest letter that may be opened, or a word that one is waiting, or None."""
    if not isinstance(letters, list):
        return None
    dated = [
        (opens, letter)
        for letter in letters
        if isinstance(letter, dict) and letter.get("text")
        for opens in [iso_day(letter.get("open_on"))]
        if opens is not None
    ]
    ready = [pair for pair in dated if pair[0] <= today]
    waiting = sorted(day for day, _ in dated if day > today)
    if ready:
        _, letter = max(ready, key=lambda pair: (pair[0], str(pair[1].get("written_at", ""))))
        written = iso_day(letter.get("written_at"))
        heading = "A letter from you"
        if written:
            heading += f", written on {long_day(written, today)}"
        parts: list[Any] = [(heading, "bold"), "\n", (str(letter["text"]), "italic")]
        if waiting:
            parts.append(
                (f"\nAnother letter opens on {long_day(waiting[0], today)}.", "$text-muted")
            )
        return Content.assemble(*parts)
    if waiting:
        return Content(
            f"A letter to future you is waiting. It opens on {long_day(waiting[0], today)}."
        )
    return None
