"""The dialog that puts one entry right: its fields as they are, and only what changes saved.

One dialog for every kind of entry, with the fields that kind has: a mood (when, the
mood, a note, tags), an urge (when, how strong, a note, what happened), contact (when,
who reached out, what happened, how it felt, the mood after), logistics contact (when,
what about) and a session (both moods and what was written; choices, feelings and
timers stay as they were). Like every dialog, escape keeps what was typed as a draft,
of this entry only. A slider that was not set stays not set unless it is moved.

The save is an edit on the entry as it is on disk now (Store.edit): what another window
changed meanwhile is kept. If another window deleted it, the dialog says so and keeps
what was typed; if it is in the trash, a second save brings it back with the changes.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, RadioButton, RadioSet, Static, TextArea

from tui.change_words import ChangeWords, unquoted
from tui.clock import today
from tui.content.stages import Stage
from tui.content.tracker import load_tracker_text
from tui.date_words import long_day
from tui.review_entries import LETTER_KEY, sealed_until
from tui.screens.tracker_form import TrackerForm, field_row, read_moment
from tui.store.records import LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import InTrashError, RecordNotFoundError, Store
from tui.store.trash import Entry
from tui.store.validation import ValidationError, clean_tags, clean_text
from tui.when import WhenError
from tui.widgets.mood_slider import MoodSlider

WRITTEN_KINDS = ("text", "line")
"""Stage fields whose answers are the person's own words, which the dialog can change."""
SAFE_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
"""Answer names that can name a widget; an answer under any other name stays as it is."""
WHEN_FORMAT = "%Y-%m-%d %H:%M"


def when_text(moment: datetime) -> str:
    return moment.strftime(WHEN_FORMAT)


class EditEntryDialog(TrackerForm[Entry]):
    """Changes one entry; dismisses with the entry as saved, or None when closed."""

    DEFAULT_CSS = """
    EditEntryDialog {
        .form-row > TextArea { height: 5; }
        #edit-changes { color: $text-muted; margin-top: 1; }
    }
    """

    LABELS: ClassVar[dict[str, str]] = {
        "edit-when": "at",
        "edit-mood": "mood",
        "edit-note": "note",
        "edit-tags": "tags",
        "edit-strength": "strength",
        "edit-outcome": "acted",
        "edit-who": "they_reached_out",
        "edit-feeling": "feeling",
        "edit-before": "mood_before",
        "edit-after": "mood_after",
    }
    """Each field's id and the name of what it changes (changes.json's "fields")."""

    def __init__(self, store: Store, record: Entry, stage: Stage | None = None) -> None:
        super().__init__(store, load_tracker_text())
        self.record = record
        self.stage = stage
        self.words = ChangeWords(today())
        self.dialog_title = self.say("edit_title")
        self.form_name = f"edit-{record.id}"
        """The draft of an edit belongs to that entry only."""
        self.bring_back = False
        """Set when the entry turned out to be in the trash: the next save brings it back."""
        self._first: dict[str, Any] = {}

    def say(self, key: str, **values: object) -> str:
        return self.words.text.say(key, **values)

    def intro(self) -> str:
        return f"{self.words.title(self.record)}."

    # -- the fields of each kind ------------------------------------------------------

    def compose_fields(self) -> ComposeResult:
        record, say = self.record, self.say
        if isinstance(record, Session):
            yield from self._session_fields(record)
        else:
            yield field_row(say("edit_when"), Input(when_text(record.at), id="edit-when"))
        if isinstance(record, MoodLog):
            yield field_row(say("edit_mood"), MoodSlider(record.mood, id="edit-mood"))
            yield field_row(say("edit_note"), TextArea(record.note, id="edit-note"))
            tags = Input(" ".join(record.tags), placeholder=say("edit_tags_hint"), id="edit-tags")
            yield field_row(say("edit_tags"), tags)
        elif isinstance(record, Urge):
            labels = load_tracker_text().strength_labels
            strength = MoodSlider(record.strength, labels=labels, id="edit-strength")
            yield field_row(say("edit_strength"), strength)
            yield field_row(say("edit_note"), TextArea(record.note, id="edit-note"))
            outcome = RadioSet(
                RadioButton(say("acted_no"), value=not record.acted, id="edit-passed"),
                RadioButton(say("acted_yes"), value=record.acted, id="edit-acted"),
                id="edit-outcome",
            )
            yield field_row(say("edit_outcome"), outcome)
        elif isinstance(record, Slip):
            who = RadioSet(
                RadioButton(say("they_no"), value=not record.they_reached_out, id="edit-me"),
                RadioButton(say("they_yes"), value=record.they_reached_out, id="edit-they"),
                id="edit-who",
            )
            yield field_row(say("edit_who"), who)
            yield field_row(say("edit_note"), TextArea(record.note, id="edit-note"))
            yield field_row(say("edit_feeling"), Input(record.feeling, id="edit-feeling"))
            yield field_row(say("edit_mood"), MoodSlider(record.mood, id="edit-mood"))
        elif isinstance(record, LogisticsContact):
            yield field_row(say("edit_note"), TextArea(record.note, id="edit-note"))
        yield Static(say("edit_nothing"), id="edit-changes", markup=False)

    def written_fields(self) -> list[tuple[str, str]]:
        """(answer name, question) for each answer of the session that is writing."""
        assert isinstance(self.record, Session)
        answers = self.record.answers
        found: list[tuple[str, str]] = []
        known = {field.key: field for field in self.stage.fields} if self.stage else {}
        for key, field in known.items():
            if field.kind in WRITTEN_KINDS:
                found.append((key, field.label))
        for key, value in answers.items():
            if key not in known and isinstance(value, str) and SAFE_KEY.match(key):
                found.append((key, key.replace("_", " ").capitalize()))
        return found

    def _session_fields(self, session: Session) -> ComposeResult:
        say = self.say
        yield Static(say("edit_session_hint"), classes="form-hint", markup=False)
        yield field_row(say("edit_before"), MoodSlider(session.mood_before, id="edit-before"))
        sealed = sealed_until(session, today())
        for key, question in self.written_fields():
            if key == LETTER_KEY and sealed is not None:
                words = say("edit_sealed", day=long_day(sealed, today()))
                yield Static(words, classes="form-hint", markup=False)
                continue
            value = session.answers.get(key)
            area = TextArea(value if isinstance(value, str) else "", id=f"edit-answer-{key}")
            yield field_row(question, area)
        yield field_row(say("edit_after"), MoodSlider(session.mood_after, id="edit-after"))

    # -- what it would save ---------------------------------------------------------------

    def on_mount(self) -> None:
        self._first = self.field_values()
        super().on_mount()
        self.show_changes()

    def _text(self, widget_id: str) -> str:
        widget = self.query_one(f"#{widget_id}")
        if isinstance(widget, TextArea):
            return widget.text
        return widget.value if isinstance(widget, Input) else ""

    def _changed(self, widget_id: str) -> bool:
        return self.field_values().get(widget_id) != self._first.get(widget_id)

    def _note(self, current: str) -> str:
        if not self._changed("edit-note"):
            return current  # as it was, to the last space
        return clean_text(self._text("edit-note")).strip()

    def _slider(self, widget_id: str) -> int | None:
        return self.query_one(f"#{widget_id}", MoodSlider).value

    def candidate(self) -> Entry:
        """The entry as the fields have it; raises (WhenError, ValidationError) on bad input."""
        record = self.record
        if isinstance(record, Session):
            return record.replace(
                mood_before=self._slider("edit-before"),
                mood_after=self._slider("edit-after"),
                answers=self._answers(record),
            )
        at = record.at
        typed = self._text("edit-when")
        if self._changed("edit-when") and typed.strip():
            try:
                at = read_moment(typed, self.say("edit_when"))
            except WhenError as error:
                raise unquoted(error, typed, self.say("unreadable_time")) from None
        if isinstance(record, MoodLog):
            mood = self._slider("edit-mood")
            if mood is None:
                raise ValidationError(self.say("edit_mood_needed"))
            tags = record.tags
            if self._changed("edit-tags"):
                tags = clean_tags(self._text("edit-tags").replace(",", " ").split())
            return record.replace(at=at, mood=mood, note=self._note(record.note), tags=tags)
        if isinstance(record, Urge):
            strength = self._slider("edit-strength")
            if strength is None:
                raise ValidationError(self.say("edit_strength_needed"))
            acted = self.query_one("#edit-acted", RadioButton).value
            note = self._note(record.note)
            return record.replace(at=at, strength=strength, note=note, acted=acted)
        if isinstance(record, Slip):
            feeling = record.feeling
            if self._changed("edit-feeling"):
                feeling = clean_text(self._text("edit-feeling"), self.say("edit_feeling")).strip()
            return record.replace(
                at=at,
                they_reached_out=self.query_one("#edit-they", RadioButton).value,
                note=self._note(record.note),
                feeling=feeling,
                mood=self._slider("edit-mood"),
            )
        return record.replace(at=at, note=self._note(record.note))

    def _answers(self, session: Session) -> dict[str, Any]:
        answers = dict(session.answers)
        for key, _ in self.written_fields():
            widget_id = f"edit-answer-{key}"
            if not self.query(f"#{widget_id}") or not self._changed(widget_id):
                continue
            # As a stage keeps it: line breaks and leading spaces are part of what was written.
            text = clean_text(self._text(widget_id)).rstrip()
            if text.strip():
                answers[key] = text
            else:
                answers.pop(key, None)
        return answers

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(MoodSlider.Changed)
    @on(RadioSet.Changed)
    def show_changes(self) -> None:
        """Say which parts of the entry a save would change."""
        if not self._first:
            return
        now = self.field_values()
        names = [
            self._label(widget_id)
            for widget_id in self._first
            if now.get(widget_id) != self._first[widget_id]
        ]
        names = list(dict.fromkeys(names))
        line = self.query_one("#edit-changes", Static)
        if not names:
            line.update(self.say("edit_nothing"))
            return
        listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        line.update(self.say("edit_changes", fields=listed))

    def _label(self, widget_id: str) -> str:
        field = self.LABELS.get(widget_id)
        if field is None:
            return self.say("edit_answer")
        return self.words.text.fields[field]

    # -- saving -------------------------------------------------------------------

    def save(self) -> Entry:
        saved: Entry = self.store.edit(self.record, self.candidate(), bring_back=self.bring_back)
        return saved

    def refused(self, error: Exception) -> None:
        if isinstance(error, InTrashError):
            self.bring_back = True
            error = RecordNotFoundError(self.say("edit_in_trash"))
        elif isinstance(error, RecordNotFoundError):
            error = RecordNotFoundError(self.say("edit_gone"))
        super().refused(error)

    def after_save(self, saved: Entry) -> None:
        self.app.notify(self.say("edit_saved"), title=self.dialog_title)
