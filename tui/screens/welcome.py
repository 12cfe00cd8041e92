"""The first-run welcome: what No Contact is, where you are, your first day, and quiet mode.

Shown once, over home, on an empty journal (tui/first_run.py decides). Each step saves
its own setting when the person goes on with Next; Skip goes on without saving it, and
Escape skips the rest. However it ends, it is marked as seen and never shown again.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    ContentSwitcher,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
)

from tui.clock import now
from tui.content.support import ANYWHERE, Support
from tui.content.welcome_text import WelcomeText
from tui.store import setting_keys
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.when import WhenError, parse_day, parse_when

STEPS = ("about", "country", "start", "quiet")
"""The welcome's steps, in order."""


def step_id(name: str) -> str:
    """The id of a step's container."""
    return f"step-{name}"


class StepRefused(Exception):
    """What was chosen in a step cannot be saved; the message says why, for the person."""


class WelcomeScreen(Screen[None]):
    """A few short steps over home, each skippable, and the whole of it too."""

    DEFAULT_CSS = """
    WelcomeScreen {
        align: center middle;
    }
    WelcomeScreen > #welcome-box {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        padding: 0 1;
    }
    WelcomeScreen #welcome-steps {
        height: auto;
    }
    WelcomeScreen .step {
        height: auto;
    }
    WelcomeScreen .step-title {
        text-style: bold;
        color: $primary;
    }
    WelcomeScreen .step-text {
        margin-top: 1;
    }
    WelcomeScreen .step-hint {
        color: $text-muted;
        margin-top: 1;
    }
    WelcomeScreen .step-field {
        margin-top: 1;
        width: 40;
    }
    WelcomeScreen #start-day-row {
        height: auto;
        margin-top: 1;
    }
    WelcomeScreen #start-day-row Label {
        padding: 1 1 0 0;
    }
    WelcomeScreen #start-day {
        width: 48;
    }
    WelcomeScreen #welcome-buttons {
        dock: bottom;
        height: auto;
        padding-top: 1;
    }
    WelcomeScreen #welcome-buttons #welcome-spacer {
        width: 1fr;
    }
    WelcomeScreen #welcome-buttons Button {
        margin-left: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "skip_all", "Skip the welcome"),
    ]

    step: var[int] = var(0)
    """The index in STEPS of the step on screen."""

    def __init__(
        self,
        store: Store,
        text: WelcomeText,
        support: Support,
        country: str | None,
        guessed: bool,
        quiet: bool,
    ) -> None:
        super().__init__()
        self.store = store
        self.text = text
        self.support = support
        self.country = country
        """The country to offer first: one already set, or the guess (tui/first_run.py)."""
        self.guessed = guessed
        """Whether `country` is a guess, which the step then asks the person to check."""
        self.quiet = quiet
        """Quiet mode as it is set now (a journal may have settings before its first start)."""

    # -- building ---------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome-box") as box:
            box.border_title = self.text.title
            with VerticalScroll(id="welcome-steps"), ContentSwitcher(initial=step_id(STEPS[0])):
                yield self.about_step()
                yield self.country_step()
                yield self.start_step()
                yield self.quiet_step()
            with Horizontal(id="welcome-buttons"):
                yield Button(self.text.buttons["skip_all"], id="skip-all", compact=True)
                yield Static(id="welcome-spacer")
                yield Button(self.text.buttons["back"], id="back", compact=True)
                yield Button(self.text.buttons["skip"], id="skip", compact=True)
                yield Button(self.text.buttons["next"], id="next", variant="primary", compact=True)
        yield Footer()

    def step_box(self, name: str, title: str, *children: Widget) -> Vertical:
        """One step: its title, then its words and fields."""
        heading = Label(title, classes="step-title")
        return Vertical(heading, *children, id=step_id(name), classes="step")

    def words(self, text: str, classes: str = "step-text") -> Static:
        return Static(text, classes=classes, markup=False)

    def about_step(self) -> Vertical:
        return self.step_box(
            "about", self.text.about_title, *(self.words(text) for text in self.text.about)
        )

    def country_step(self) -> Vertical:
        words = self.text.country
        codes = [country.code for country in self.support.countries]
        select: Select[str] = Select(
            [(country.name, country.code) for country in self.support.countries],
            value=self.country if self.country in codes else ANYWHERE,
            allow_blank=False,
            compact=True,
            id="country",
            classes="step-field",
        )
        hint = words["guessed"] if self.guessed else words["not_guessed"]
        return self.step_box(
            "country",
            words["title"],
            self.words(words["body"]),
            select,
            self.words(hint, "step-hint"),
        )

    def start_step(self) -> Vertical:
        words = self.text.start
        choice = RadioSet(
            RadioButton(words["today"], value=True, id="start-today"),
            RadioButton(words["past"], id="start-past"),
            RadioButton(words["later"], id="start-later"),
            id="start-choice",
            classes="step-field",
        )
        day_row = Horizontal(
            Label(words["day_label"]),
            Input(placeholder=words["past_hint"], id="start-day"),
            id="start-day-row",
        )
        day_row.display = False
        return self.step_box("start", words["title"], self.words(words["body"]), choice, day_row)

    def quiet_step(self) -> Vertical:
        words = self.text.quiet
        choice = RadioSet(
            RadioButton(words["show"], value=not self.quiet, id="quiet-off"),
            RadioButton(words["hide"], value=self.quiet, id="quiet-on"),
            id="quiet-choice",
            classes="step-field",
        )
        return self.step_box("quiet", words["title"], self.words(words["body"]), choice)

    # -- moving between steps -----------------------------------------------------

    def on_mount(self) -> None:
        self.show_step()

    def watch_step(self) -> None:
        if self.is_mounted:
            self.show_step()

    def show_step(self) -> None:
        """Bring the current step forward, name it in the border, and focus its field."""
        name = STEPS[self.step]
        self.query_one(ContentSwitcher).current = step_id(name)
        box = self.query_one("#welcome-box")
        box.border_subtitle = self.text.step_counter.format(step=self.step + 1, steps=len(STEPS))
        last = self.step == len(STEPS) - 1
        self.query_one("#next", Button).label = self.text.buttons["finish" if last else "next"]
        self.query_one("#back", Button).display = self.step > 0
        self.query_one("#skip", Button).display = name != "about"
        focus = {"about": "#next", "country": "#country", "start": "#start-choice"}
        self.query_one(focus.get(name, "#quiet-choice")).focus()

    def go_on(self) -> None:
        """The next step, or the end of the welcome after the last."""
        if self.step == len(STEPS) - 1:
            self.finish()
        else:
            self.step += 1

    def finish(self) -> None:
        """Mark the welcome as seen, whatever was skipped, and go home."""
        try:
            self.store.set_setting(setting_keys.WELCOMED, True)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error")
        self.dismiss()
        self.app.notify(self.text.finished)

    @on(Button.Pressed)
    def button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "next":
            self.action_next()
        elif event.button.id == "skip":
            self.go_on()
        elif event.button.id == "back":
            self.step = max(0, self.step - 1)
        elif event.button.id == "skip-all":
            self.action_skip_all()

    @on(Input.Submitted, "#start-day")
    def day_submitted(self) -> None:
        self.action_next()

    def action_next(self) -> None:
        """Save what this step chose, then go on; stay, saying why, if it cannot be saved."""
        try:
            self.save_step(STEPS[self.step])
        except StepRefused as refusal:
            self.notify(str(refusal), title="Not saved yet", severity="warning")
            return
        except (StoreError, ValidationError) as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        self.go_on()

    def action_skip_all(self) -> None:
        """Leave the welcome now, saving nothing more."""
        self.finish()

    # -- saving ------------------------------------------------------------------

    def save_step(self, name: str) -> None:
        if name == "country":
            code = self.query_one("#country", Select).value
            if isinstance(code, str):
                self.store.set_setting(setting_keys.COUNTRY, code)
        elif name == "start":
            self.store.set_no_contact_start(self.chosen_start())
        elif name == "quiet":
            quiet = self.query_one("#quiet-on", RadioButton).value
            self.store.set_setting(setting_keys.QUIET, quiet)

    def chosen_start(self) -> date:
        """The first day chosen: today, or a day typed that is past or to come as chosen."""
        choice = self.query_one("#start-choice", RadioSet).pressed_button
        today = now().date()
        if choice is None or choice.id == "start-today":
            return today
        words = self.text.start
        typed = self.query_one("#start-day", Input).value
        try:
            if choice.id == "start-later":
                # The words for days ahead ("next saturday", "in 3 days") read as the shell's.
                day = parse_day(typed)
            else:
                day = parse_when(typed).date() if typed.strip() else None
        except WhenError as error:
            raise StepRefused(str(error)) from error
        if day is None:
            raise StepRefused(words["need_day"])
        if choice.id == "start-past" and day > today:
            raise StepRefused(words["need_past"])
        if choice.id == "start-later" and day <= today:
            raise StepRefused(words["need_later"])
        return day

    @on(RadioSet.Changed, "#start-choice")
    def start_choice_changed(self, event: RadioSet.Changed) -> None:
        row = self.query_one("#start-day-row")
        row.display = event.pressed.id != "start-today"
        hint = "later_hint" if event.pressed.id == "start-later" else "past_hint"
        self.query_one("#start-day", Input).placeholder = self.text.start[hint]
