"""The quick mood log: a slider, activities one key each, a note and a few emotion words,
saved in a moment."""

from __future__ import annotations

import string
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.activities import read_activities
from tui.clock import now
from tui.content.activities import load_activity_text
from tui.content.moods import MoodContent
from tui.content.support import load_support
from tui.screens.dialog import FormDialog
from tui.screens.support import offer_support
from tui.store.records import LOW_MOOD, MoodLog
from tui.store.store import Store
from tui.store.validation import ValidationError, clean_text
from tui.widgets.activity_keys import ActivityKeys
from tui.widgets.mood_slider import MoodSlider

SLIDER_HINT = "left and right, or a number key, set it; tab goes on to the note."
MOOD_NEEDED = "Not set yet: Save waits until the slider says how you are."


class MoodLogScreen(FormDialog[MoodLog]):
    """Asks how you are and saves one mood log from the app; escape keeps it for next time.

    Nothing is saved without a mood the person set: Save waits for the slider. Outside
    the note, a letter marks the activity it belongs to.
    """

    dialog_title = "Log a mood"
    form_name = "mood_log"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+t", "edit_activities", "Activities"),
        # Every letter is bound; those that belong to no activity are switched off in
        # check_action, so they do nothing and the help lists only the ones in use.
        *(
            Binding(letter, f"mark('{letter}')", "Mark an activity", show=False)
            for letter in string.ascii_lowercase
        ),
    ]

    DEFAULT_CSS = """
    MoodLogScreen {
        & > #dialog { width: 96; }
        .question { text-style: bold; margin-top: 1; }
        .hint { color: $text-muted; padding-left: 1; }
        .hint.-needed { color: $text-warning; }
        #mood-note { margin-bottom: 1; }
        #emotion-groups { height: auto; }
        .emotion-group { width: 1fr; height: auto; }
        .emotion-group Label { color: $text-muted; padding-left: 1; }
        .emotion-group SelectionList {
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
        #emotion-line { color: $text-muted; height: 1; }
    }
    """

    def __init__(self, store: Store, moods: MoodContent, mood: int | None = None) -> None:
        super().__init__(store)
        self.moods = moods
        self.start_mood = mood
        """Where the slider starts: a mood given a moment ago (in a stage), else not set."""
        self.lines = {emotion.word: emotion.line for emotion in moods.emotions}
        """What each emotion word can feel like, shown under the lists."""
        self.activity_text = load_activity_text()
        self.activities = read_activities(store, self.activity_text)
        """The person's own activities (a setting), or the usual ones."""

    def compose_body(self) -> ComposeResult:
        yield Static("How are you right now?", classes="question")
        yield MoodSlider(self.start_mood, labels=self.moods.labels, id="mood-slider")
        yield Static(SLIDER_HINT, id="mood-hint", classes="hint")
        question = Content.assemble(
            (self.activity_text.question, "bold"), "  ", (self.activity_text.hint, "not bold dim")
        )
        yield Static(question, id="activities-question", classes="question")
        yield ActivityKeys(self.activities, id="activities")
        yield Static("A note, if you like", classes="question")
        yield Input(placeholder="What is on your mind?", id="mood-note")
        yield Static("What is here? Pick any that fit.", classes="question")
        with Horizontal(id="emotion-groups"):
            for index, group in enumerate(self.moods.groups):
                with Vertical(classes="emotion-group"):
                    yield Label(group.name)
                    yield SelectionList[str](
                        *(Selection(emotion.word, emotion.word) for emotion in group.emotions),
                        id=f"emotions-{index}",
                    )
        yield Static(" ", id="emotion-line")

    def on_mount(self) -> None:
        # FormDialog's own on_mount runs after this one (Textual calls each class's handler),
        # and brings back the draft: calling it here as well would run it twice.
        self.show_mood_needed()
        self.query_one(MoodSlider).focus()

    # -- activities ------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark":
            keys = self.query(ActivityKeys)
            return bool(keys) and parameters[0] in set(keys.first().keys)
        return True

    def action_mark(self, key: str) -> None:
        """Mark the activity with this key, or unmark it."""
        self.query_one(ActivityKeys).toggle_key(key)

    @work
    async def action_edit_activities(self) -> None:
        """Change the set of activities; the ones marked here stay marked."""
        from tui.screens.activities_form import ActivitiesForm

        chips = self.query_one(ActivityKeys)
        form = ActivitiesForm(self.store, self.activity_text, chips.activities)
        saved = await self.app.push_screen_wait(form)
        if saved is not None:
            self.activities = saved
            chips.use(saved)
            self.refresh_bindings()

    def brought_back(self) -> None:
        # A mood given in a stage a moment ago is newer than one kept from last time.
        if self.start_mood is not None:
            self.query_one(MoodSlider).value = self.start_mood
        self.refresh_bindings()  # the draft may bring back activities with keys of their own

    @on(MoodSlider.Changed)
    def show_mood_needed(self) -> None:
        """Save waits for a mood; the hint under the slider says so while none is set."""
        missing = self.query_one(MoodSlider).value is None
        self.query_one("#save", Button).disabled = missing
        hint = self.query_one("#mood-hint", Static)
        hint.update(MOOD_NEEDED if missing else SLIDER_HINT)
        hint.set_class(missing, "-needed")

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
        """The activities marked, then the emotion words ticked, in the order they show."""
        emotions = [word for picker in self.query(SelectionList) for word in picker.selected]
        return tuple(dict.fromkeys([*self.query_one(ActivityKeys).answer, *emotions]))

    def save(self) -> MoodLog:
        mood = self.query_one(MoodSlider).value
        if mood is None:
            raise ValidationError(MOOD_NEEDED)
        log = MoodLog(
            at=now(),
            mood=mood,
            note=clean_text(self.query_one("#mood-note", Input).value).strip(),
            tags=self.chosen_tags(),
            source="app",
        )
        return self.store.add(log)

    def refused(self, error: Exception) -> None:
        if self.query_one(MoodSlider).value is None:
            self.query_one(MoodSlider).focus()  # the hint beside it already says why
            self.app.bell()
            return
        super().refused(error)

    def after_save(self, saved: MoodLog) -> None:
        """Confirm the mood, and offer support gently when it is low."""
        label = self.moods.label(saved.mood)
        self.app.notify(f"Mood {saved.mood} ({label}) saved.", title="Saved")
        if saved.mood <= LOW_MOOD:
            offer_support(self.app, load_support().offer_low_mood)
