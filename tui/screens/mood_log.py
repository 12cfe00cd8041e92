"""The quick mood log: a slider, a note and a few emotion words, saved in a moment."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.clock import now
from tui.content.moods import MoodContent
from tui.store.records import MoodLog
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError, clean_text
from tui.widgets.mood_slider import MoodSlider


class MoodLogScreen(ModalScreen[MoodLog | None]):
    """Asks how you are, saves one mood log from the app, and returns it (None if cancelled)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    DEFAULT_CSS = """
    MoodLogScreen {
        align: center middle;
    }
    MoodLogScreen > #mood-box {
        width: 96;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    MoodLogScreen .question {
        text-style: bold;
        margin-top: 1;
    }
    MoodLogScreen .hint {
        color: $text-muted;
        padding-left: 1;
    }
    MoodLogScreen #mood-note {
        margin-bottom: 1;
    }
    MoodLogScreen #emotion-groups {
        height: auto;
    }
    MoodLogScreen .emotion-group {
        width: 1fr;
        height: auto;
    }
    MoodLogScreen .emotion-group Label {
        color: $text-muted;
        padding-left: 1;
    }
    MoodLogScreen .emotion-group SelectionList {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        /* Only the list being used shows its cursor; five at once would be noise. */
        &:blur > .option-list--option-highlighted {
            background: transparent;
            color: $foreground;
            text-style: none;
        }
    }
    MoodLogScreen #emotion-line {
        color: $text-muted;
        height: 1;
    }
    MoodLogScreen #mood-buttons {
        height: auto;
        align-horizontal: right;
    }
    MoodLogScreen #mood-buttons Button {
        margin-left: 2;
    }
    """

    def __init__(self, store: Store, moods: MoodContent, mood: int = 5) -> None:
        super().__init__()
        self.store = store
        self.moods = moods
        self.start_mood = mood
        self.lines = {emotion.word: emotion.line for emotion in moods.emotions}
        """What each emotion word can feel like, shown under the lists."""

    def compose(self) -> ComposeResult:
        with Vertical(id="mood-box") as box:
            box.border_title = "Log a mood"
            yield Static("How are you right now?", classes="question")
            yield MoodSlider(self.start_mood, labels=self.moods.labels, id="mood-slider")
            yield Static(
                "left and right, or a number key, move it; tab goes on to the note.",
                classes="hint",
            )
            yield Static("A note, if you like", classes="question")
            yield Input(placeholder="What is on your mind?", id="mood-note")
            yield Static("What is here? Pick any that fit.", classes="question")
            with Horizontal(id="emotion-groups"):
                for group in self.moods.groups:
                    with Vertical(classes="emotion-group"):
                        yield Label(group.name)
                        yield SelectionList[str](
                            *(Selection(emotion.word, emotion.word) for emotion in group.emotions)
                        )
            yield Static(" ", id="emotion-line")
            with Horizontal(id="mood-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(MoodSlider).focus()

    def explain(self, picker: SelectionList[str] | None) -> None:
        """Show what the emotion under the cursor can feel like, while a list is in use."""
        line = " "
        if picker is not None and picker.highlighted is not None:
            word = picker.get_option_at_index(picker.highlighted).value
            line = f"{word}: {self.lines.get(word, '')}"
        self.query_one("#emotion-line", Static).update(line)

    @on(SelectionList.SelectionHighlighted)
    def emotion_highlighted(self, event: SelectionList.SelectionHighlighted) -> None:
        if event.selection_list.has_focus:
            self.explain(event.selection_list)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.explain(event.widget if isinstance(event.widget, SelectionList) else None)

    def chosen_tags(self) -> tuple[str, ...]:
        """The emotion words ticked, in the order of the lists."""
        return tuple(word for picker in self.query(SelectionList) for word in picker.selected)

    def action_save(self) -> None:
        """Save the mood log and close, or say why it could not be saved and stay."""
        try:
            log = MoodLog(
                at=now(),
                mood=self.query_one(MoodSlider).value,
                note=clean_text(self.query_one("#mood-note", Input).value).strip(),
                tags=self.chosen_tags(),
                source="app",
            )
            self.store.add(log)
        except (StoreError, ValidationError) as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=30)
            return
        self.dismiss(log)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)

    @on(Input.Submitted, "#mood-note")
    def note_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()
