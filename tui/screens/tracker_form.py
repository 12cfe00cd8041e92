"""The shape every small tracker form shares: a few words, its fields, Save and Close."""

from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from tui.content.tracker import TrackerText
from tui.screens.dialog import FormDialog
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.when import WhenError, parse_past, parse_past_day

T = TypeVar("T")

WHEN_HINT = 'now, or "yesterday 21:00", "2 days ago"'
"""The placeholder of a "when" field, which is left empty to mean now."""


def field_row(label: str, field: Widget) -> Horizontal:
    """A label on the left and its field beside it."""
    return Horizontal(Label(label, classes="form-label", markup=False), field, classes="form-row")


def read_moment(text: str, what: str) -> datetime:
    """The moment typed in a "when" field; empty means now."""
    return parse_past(text.strip() or "now", what)


def read_day(text: str, what: str) -> date:
    """The day typed in a "which day" field; empty means today."""
    return parse_past_day(text.strip() or "today", what)


class TrackerForm(FormDialog[T]):
    """A small form over home; dismisses with what it saved, or None when closed."""

    DEFAULT_CSS = """
    TrackerForm {
        .form-intro { color: $text-muted; margin-bottom: 1; }
        .form-row { height: auto; }
        .form-label { width: 20; padding-top: 1; text-style: bold; }
        .form-row > Input, .form-row > TextArea, .form-row > MoodSlider { width: 1fr; }
        .form-row > TextArea { height: 4; }
        RadioSet { layout: horizontal; width: 1fr; }
        RadioSet > RadioButton { width: auto; margin-right: 2; }
        .form-hint { color: $text-muted; }
        #form-error { color: $error; display: none; }
        #form-error.-shown { display: block; }
    }
    """

    refusals: ClassVar[tuple[type[Exception], ...]] = (WhenError, ValidationError, StoreError)

    def __init__(self, store: Store, text: TrackerText) -> None:
        super().__init__(store)
        self.text = text

    def intro(self) -> str:
        """The few calm words at the top of the form."""
        return ""

    def compose_body(self) -> ComposeResult:
        if self.intro():
            yield Static(self.intro(), classes="form-intro", markup=False)
        yield from self.compose_fields()
        yield Static("", id="form-error", markup=False)

    def compose_fields(self) -> ComposeResult:
        """The form's own fields."""
        yield from ()

    def refused(self, error: Exception) -> None:
        message = self.query_one("#form-error", Static)
        message.update(str(error))
        message.add_class("-shown")
