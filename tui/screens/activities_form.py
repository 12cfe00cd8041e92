"""The small dialog where the person writes the activities the mood log offers."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.widgets import Label, Static, TextArea

from tui.activities import MAX_ACTIVITIES, parse_activities
from tui.content.activities import ActivityText
from tui.screens.dialog import FormDialog
from tui.store import setting_keys
from tui.store.store import Store


class ActivitiesForm(FormDialog[tuple[str, ...]]):
    """Writes the set of activities, one to a line; dismisses with the set saved, or None.

    Nothing changes until Save; escape keeps what was typed as a draft, as every form does.
    """

    form_name = "activities"

    DEFAULT_CSS = """
    ActivitiesForm {
        & > #dialog { width: 72; }
        .activities-intro { color: $text-muted; margin-bottom: 1; }
        .activities-label { text-style: bold; }
        #activities-list { height: 10; }
    }
    """

    def __init__(self, store: Store, text: ActivityText, current: Sequence[str]) -> None:
        super().__init__(store)
        self.text = text
        self.current = tuple(current)
        self.dialog_title = text.say("title")

    def compose_body(self) -> ComposeResult:
        text = self.text
        yield Static(text.say("intro"), classes="activities-intro", markup=False)
        yield Label(text.say("label"), classes="activities-label", markup=False)
        yield TextArea(
            "\n".join(self.current), id="activities-list", soft_wrap=True, tab_behavior="focus"
        )
        yield Static(text.say("hint", limit=MAX_ACTIVITIES), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        # FormDialog's on_mount, which brings back a draft, runs after this one by itself.
        self.query_one("#activities-list", TextArea).focus()

    def save(self) -> tuple[str, ...]:
        """Save the list; an empty one goes back to the usual set."""
        words = parse_activities(self.query_one("#activities-list", TextArea).text, self.text)
        self.store.set_setting(setting_keys.ACTIVITIES, list(words) if words else None)
        return words or self.text.defaults

    def after_save(self, saved: tuple[str, ...]) -> None:
        self.app.notify(self.text.say("saved"), title=self.dialog_title)
