"""The shape every small tracker form shares: a few words, its fields, Save and Cancel."""

from __future__ import annotations

from datetime import date, datetime
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from tui.commandline.errors import UsageError
from tui.content.tracker import TrackerText
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.when import parse_past, parse_past_day

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


class TrackerForm(ModalScreen[T | None]):
    """A small modal form; dismisses with what it saved, or None when cancelled."""

    DEFAULT_CSS = """
    TrackerForm {
        align: center middle;
    }
    TrackerForm > #form {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    TrackerForm #form-fields {
        height: auto;
        max-height: 75vh;
    }
    TrackerForm .form-intro {
        color: $text-muted;
        margin-bottom: 1;
    }
    TrackerForm .form-row {
        height: auto;
    }
    TrackerForm .form-label {
        width: 20;
        padding-top: 1;
        text-style: bold;
    }
    TrackerForm .form-row > Input, TrackerForm .form-row > TextArea,
    TrackerForm .form-row > MoodSlider {
        width: 1fr;
    }
    TrackerForm .form-row > TextArea {
        height: 4;
    }
    TrackerForm RadioSet {
        layout: horizontal;
        width: 1fr;
    }
    TrackerForm RadioSet > RadioButton {
        width: auto;
        margin-right: 2;
    }
    TrackerForm .form-hint {
        color: $text-muted;
    }
    TrackerForm #form-error {
        color: $error;
        display: none;
    }
    TrackerForm #form-error.-shown {
        display: block;
    }
    TrackerForm #form-buttons {
        height: auto;
        align-horizontal: right;
    }
    TrackerForm #form-buttons Button {
        margin-left: 2;
    }
    TrackerForm .form-keys {
        width: 1fr;
        padding-top: 1;
        color: $text-muted;
    }
    """

    BINDINGS = [
        Binding("ctrl+s", "submit", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]

    form_title = ""
    """The title in the form's border."""

    def __init__(self, store: Store, text: TrackerText) -> None:
        super().__init__()
        self.store = store
        self.text = text

    def intro(self) -> str:
        """The few calm words at the top of the form."""
        return ""

    def compose(self) -> ComposeResult:
        with Vertical(id="form") as form:
            form.border_title = self.form_title
            with VerticalScroll(id="form-fields", can_focus=False):
                if self.intro():
                    yield Static(self.intro(), classes="form-intro", markup=False)
                yield from self.compose_fields()
            yield Static("", id="form-error", markup=False)
            with Horizontal(id="form-buttons"):
                yield Static("ctrl+s saves, escape cancels", classes="form-keys")
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def compose_fields(self) -> ComposeResult:
        """The form's own fields."""
        yield from ()

    def save(self) -> T:
        """Write what the form holds through the Store and return it."""
        raise NotImplementedError

    def after_save(self, saved: T) -> None:
        """A word after a successful save (a notification, an offer of support)."""

    def action_submit(self) -> None:
        try:
            saved = self.save()
        except (UsageError, ValidationError, StoreError) as error:
            message = self.query_one("#form-error", Static)
            message.update(str(error))
            message.add_class("-shown")
            return
        self.after_save(saved)
        self.dismiss(saved)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_submit()
        else:
            self.action_cancel()
