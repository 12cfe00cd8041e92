"""One entry put into words for its detail page: a session as its stage's own steps.

Each step keeps its title, each question its label from data/stages.json, and each
answer reads as it was typed (line breaks and leading spaces kept) or, for the parts
that are not typed (moods, a scale, the breathing, the urge timer, a checklist), in
plain sentences from data/review.json. Textual-free, so the tests read it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tui.content.moods import MoodContent
from tui.content.review import ReviewText
from tui.content.stages import MOOD_KEYS, Field, Stage
from tui.date_words import long_day, long_moment
from tui.review_entries import LETTER_KEY, displayable, kind_names, sealed_until
from tui.store.month_index import HistoryRecord
from tui.store.records import MoodLog, Session, Slip, Urge

DISPLAY_ONLY = ("plan", "card", "reasons")
"""Field kinds that show something during the stage but save no answer of their own."""
TICK = "✓"


@dataclass(frozen=True)
class Answer:
    """A question and its answer; `typed` when the answer is the person's own words."""

    question: str
    answer: str
    typed: bool = False


@dataclass(frozen=True)
class Part:
    """A step of a session (or the one part of any other entry): a title and its answers."""

    title: str
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class RecordText:
    """Everything the detail page says about one entry."""

    heading: str
    meta: tuple[str, ...]
    parts: tuple[Part, ...]


def moment_words(moment: datetime) -> str:
    """ "Monday 23 November 2026 at 19:00", as tui.date_words says a moment in full."""
    return long_moment(moment)


def day_words(day: date) -> str:
    """ "Saturday 5 December 2026", as tui.date_words says a day in full."""
    return long_day(day)


class RecordWords:
    """Puts entries into words with the stages, the mood labels and the review's sentences."""

    def __init__(
        self,
        stages: dict[int, Stage],
        moods: MoodContent,
        text: ReviewText,
        urge_labels: tuple[str, ...],
        today: date,
    ) -> None:
        self.stages = stages
        self.moods = moods
        self.text = text
        self.urge_labels = urge_labels
        self.today = today

    def mood(self, mood: int | None) -> str:
        """ "7 of 10 (Doing okay)", or "not given" for a mood nobody gave."""
        if mood is None:
            return self.text.say("not_given")
        return self.text.say("mood_value", mood=mood, label=self.moods.label(mood))

    def describe(self, record: HistoryRecord) -> RecordText:
        """The heading, the lines under it, and the parts of `record`."""
        say = self.text.say
        names = kind_names(record, self.text, self._short_title)
        when = moment_words(record.when)
        if isinstance(record, Session):
            stage = self.stages.get(record.stage)
            heading = f"Stage {record.stage}: {stage.title}" if stage else names[0]
            saved = say("saved_at", when=when, started=f"{record.started_at:%H:%M}")
            return RecordText(heading, (saved,), self._session_parts(record))
        note = Answer(say("note_label"), displayable(record.note), typed=True)
        meta: tuple[str, ...]
        answers: list[Answer]
        if isinstance(record, MoodLog):
            answers = [Answer(say("mood_label"), self.mood(record.mood)), note]
            if record.tags:
                tags = ", ".join(displayable(tag) for tag in record.tags)
                answers.append(Answer(say("tags_label"), tags))
            # A source this version has no words for (a newer one's) is simply not named.
            source = self.text.sentences.get(f"source_{record.source}", "")
            meta = (
                (say("logged_at", when=when), source) if source else (say("logged_at", when=when),)
            )
        elif isinstance(record, Urge):
            label = self._urge_label(record.strength)
            strength = say("urge_strength", strength=record.strength, label=label)
            outcome = say("urge_acted" if record.acted else "urge_passed")
            meta = (say("logged_at", when=when), outcome)
            answers = [Answer(say("strength_label"), strength), note]
        elif isinstance(record, Slip):
            who = say("slip_they" if record.they_reached_out else "slip_you")
            meta = (say("logged_at", when=when), who)
            feeling = Answer(say("feeling_label"), displayable(record.feeling), typed=True)
            answers = [feeling, note, Answer(say("slip_mood"), self.mood(record.mood))]
        else:
            meta = (say("logged_at", when=when), say("logistics"))
            answers = [note]
        shown = tuple(answer for answer in answers if answer.answer.strip())
        return RecordText(names[0], meta, (Part("", shown),))

    def _short_title(self, number: int) -> str:
        stage = self.stages.get(number)
        return stage.short_title if stage else ""

    def _urge_label(self, strength: int) -> str:
        labels = self.urge_labels
        return labels[max(0, min(len(labels) - 1, strength))] if labels else ""

    # -- sessions -----------------------------------------------------------

    def _session_parts(self, session: Session) -> tuple[Part, ...]:
        stage = self.stages.get(session.stage)
        answers = session.answers
        parts: list[Part] = []
        asked: set[str] = set(MOOD_KEYS)
        for step in stage.steps if stage else ():
            found = []
            for field in step.fields:
                asked.add(field.key)
                if field.kind not in DISPLAY_ONLY:
                    found.append(self._field_answer(field, session))
            if found:
                parts.append(Part(step.title, tuple(found)))
        # Answers the stage no longer asks (an older version's), so nothing saved is hidden.
        extra = [
            Answer(key.replace("_", " ").capitalize(), plain(answers[key]), typed=True)
            for key in answers
            if key not in asked and filled(answers[key])
        ]
        if extra:
            parts.append(Part(self.text.say("also_saved"), tuple(extra)))
        return tuple(parts)

    def _field_answer(self, field: Field, session: Session) -> Answer:
        if field.key in MOOD_KEYS:
            mood = session.mood_before if field.key == "mood_before" else session.mood_after
            return Answer(field.label, self.mood(mood))
        if field.key == LETTER_KEY:
            opens = sealed_until(session, self.today)
            if opens is not None:
                return Answer(field.label, self.text.say("sealed", day=day_words(opens)))
        value = session.answers.get(field.key)
        if not filled(value):
            return Answer(field.label, self.text.say("nothing_written"))
        words = self._words_for.get(field.kind)
        if words is not None:
            return Answer(field.label, words(self, field, value))
        return Answer(field.label, plain(value), typed=True)

    def _scale(self, field: Field, value: Any) -> str:
        if isinstance(value, int) and field.labels and 0 <= value < len(field.labels):
            return self.text.say("scale_value", value=value, label=field.labels[value])
        return plain(value)

    def _date(self, field: Field, value: Any) -> str:
        try:
            return day_words(date.fromisoformat(str(value)[:10]))
        except ValueError:
            return plain(value)  # a day as it was typed, kept as typed

    def _checklist(self, field: Field, value: Any) -> str:
        items = value if isinstance(value, list) else [value]
        ticked = [f"{TICK} {displayable(str(item))}" for item in items if item]
        return "\n".join(ticked) or self.text.say("checklist_none")

    def _emotions(self, field: Field, value: Any) -> str:
        if not isinstance(value, dict):
            return plain(value)
        return "\n".join(
            self.text.say("emotion_strength", word=displayable(str(word)), strength=strength)
            for word, strength in value.items()
        )

    def _breathing(self, field: Field, value: Any) -> str:
        if not isinstance(value, dict):
            return plain(value)
        rounds = _whole(value.get("rounds"))
        if value.get("skipped") and not rounds:
            return self.text.say("breathing_skipped")
        if not rounds:
            return self.text.say("breathing_none")
        counted = self.text.count("round_one", "round_many", rounds)
        key = "breathing_done" if value.get("finished") else "breathing_part"
        return self.text.say(key, rounds=counted)

    def _urge_timer(self, field: Field, value: Any) -> str:
        if not isinstance(value, dict):
            return plain(value)
        text = self.text
        ridden_seconds = _whole(value.get("seconds_ridden"))
        if value.get("skipped") and not ridden_seconds:
            return text.say("timer_skipped")
        ridden = self.duration(ridden_seconds)
        planned = self.duration(_whole(value.get("minutes")) * 60)
        if value.get("finished") and not value.get("skipped"):
            words = text.say("timer_full", ridden=ridden)
        else:
            words = text.say("timer_part", ridden=ridden, planned=planned)
        checkins = [item for item in value.get("checkins") or [] if isinstance(item, dict)]
        if not checkins:
            return words + text.say("timer_unchecked")
        times = {1: text.say("checked_once"), 2: text.say("checked_twice")}.get(
            len(checkins), text.say("checked_many", count=len(checkins))
        )
        strengths = text.say("then").join(str(item.get("strength", "?")) for item in checkins)
        return words + text.say("timer_checked", times=times, strengths=strengths)

    def duration(self, seconds: int) -> str:
        """ "40 seconds", "1 minute", "6 minutes" (to the nearest minute from one on)."""
        if seconds < 60:
            return self.text.count("seconds_one", "seconds_many", seconds)
        minutes = int(seconds / 60 + 0.5)
        return self.text.count("minutes_one", "minutes_many", minutes)

    _words_for: dict[str, Callable[[RecordWords, Field, Any], str]] = {
        "scale": _scale,
        "date": _date,
        "checklist": _checklist,
        "emotions": _emotions,
        "breathing": _breathing,
        "urge_timer": _urge_timer,
    }
    """Field kinds whose answer is put into words; any other is shown as typed."""


def _whole(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def filled(value: Any) -> bool:
    """Whether an answer holds anything at all."""
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def plain(value: Any) -> str:
    """Any answer as lines of text: text as typed, a list as bullets, a dict as "key: value"."""
    if isinstance(value, str):
        return displayable(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dict):
        return "\n".join(
            f"{displayable(str(key)).replace('_', ' ')}: {plain(item)}"
            for key, item in value.items()
        )
    if isinstance(value, list | tuple):
        return "\n".join(f"• {plain(item)}" for item in value)
    return displayable(str(value))
