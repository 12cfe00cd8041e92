"""The tracker's forms: the start day, a slip, an urge, logistics contact, why I started."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, RadioButton, RadioSet, Static, TextArea

from tui.clock import now
from tui.content.insights import load_insight_text
from tui.content.support import load_support
from tui.screens.helped import show_helped_lately
from tui.screens.support import offer_support
from tui.screens.tracker_form import WHEN_HINT, TrackerForm, field_row, read_day, read_moment
from tui.store import setting_keys
from tui.store.records import LOW_MOOD, LogisticsContact, Slip, Urge
from tui.store.validation import ValidationError, clean_text
from tui.widgets.helped_list import HelpedList
from tui.widgets.mood_slider import MoodSlider

STRENGTH_NEEDED = "How strong is the urge? Move the slider to say, then save."


def hint(text: str) -> Static:
    return Static(text, classes="form-hint", markup=False)


class StartDayForm(TrackerForm[date]):
    """Sets the day the no-contact period began."""

    dialog_title = "The day I started"
    form_name = "start_day"

    def intro(self) -> str:
        return self.text.start_intro

    def compose_fields(self) -> ComposeResult:
        started = self.store.no_contact_start()
        value = started.isoformat() if started else ""
        yield field_row("Start day", Input(value, placeholder="today", id="start-day"))

    def save(self) -> date:
        day = read_day(self.query_one("#start-day", Input).value, "The start day")
        self.store.set_no_contact_start(day)
        return day


class SlipForm(TrackerForm[Slip]):
    """Records contact that happened: it restarts the count and keeps everything else."""

    dialog_title = "Contact happened"
    form_name = "slip"

    def intro(self) -> str:
        return self.text.slip_intro

    def compose_fields(self) -> ComposeResult:
        yield field_row("When", Input(placeholder=WHEN_HINT, id="slip-when"))
        who = RadioSet(
            RadioButton("I did", value=True, id="slip-me"),
            RadioButton("They did", id="slip-they"),
            id="slip-who",
        )
        yield field_row("Who reached out", who)
        yield field_row("What happened", TextArea(id="slip-note", placeholder="if you like"))
        feeling = Input(placeholder="a few words, if you like", id="slip-feeling")
        yield field_row("How it felt", feeling)
        yield field_row("Mood now", MoodSlider(id="slip-mood"))
        yield hint("A mood is saved only if you move the slider.")

    def save(self) -> Slip:
        slip = Slip(
            at=read_moment(self.query_one("#slip-when", Input).value, "Contact"),
            they_reached_out=self.query_one("#slip-they", RadioButton).value,
            note=clean_text(self.query_one("#slip-note", TextArea).text.strip()),
            feeling=clean_text(self.query_one("#slip-feeling", Input).value.strip(), "How it felt"),
            mood=self.query_one("#slip-mood", MoodSlider).value,
        )
        return self.store.add_slip(slip)

    def after_save(self, saved: Slip) -> None:
        started = self.store.no_contact_start()
        if started is not None and saved.at.date() < started:
            self.app.notify("Logged. It is before your start day, so your count is unchanged.")
        elif saved.mood is None or saved.mood > LOW_MOOD:
            self.app.notify("Logged. Your longest run and your total stay as they were.")
        if saved.mood is not None and saved.mood <= LOW_MOOD:
            offer_support(self.app, load_support().offer_slip)


class UrgeForm(TrackerForm[Urge]):
    """Records an urge to reach out, with the person's own reasons in view."""

    dialog_title = "Log an urge"
    form_name = "urge"

    DEFAULT_CSS = """
    UrgeForm #urge-reasons {
        border: round $accent;
        padding: 0 1;
        margin-bottom: 1;
    }
    UrgeForm #urge-helped { padding: 0 1; margin-bottom: 1; }
    """

    def intro(self) -> str:
        return self.text.urge_intro

    def compose_fields(self) -> ComposeResult:
        reasons = self.store.setting(setting_keys.REASONS, "")
        if isinstance(reasons, str) and reasons.strip():
            shown = Static(reasons.strip(), id="urge-reasons", markup=False)
            shown.border_title = "Why I started"
            yield shown
        else:
            yield hint(self.text.reasons_empty)
        yield HelpedList(load_insight_text().say("helped", "intro"), id="urge-helped")
        strength = MoodSlider(labels=self.text.strength_labels, id="urge-strength")
        yield field_row("How strong", strength)
        yield field_row("What it wants", Input(placeholder="if you like", id="urge-note"))
        outcome = RadioSet(
            RadioButton("It passed, or I am riding it out", value=True, id="urge-passed"),
            RadioButton("I acted on it", id="urge-acted"),
            id="urge-outcome",
        )
        yield field_row("What happened", outcome)

    def on_mount(self) -> None:
        # FormDialog's on_mount runs after this one by itself (Textual calls each class's).
        show_helped_lately(self, self.store)

    def save(self) -> Urge:
        strength = self.query_one("#urge-strength", MoodSlider).value
        if strength is None:
            raise ValidationError(STRENGTH_NEEDED)
        urge = Urge(
            at=now(),
            strength=strength,
            note=clean_text(self.query_one("#urge-note", Input).value.strip()),
            acted=self.query_one("#urge-acted", RadioButton).value,
            source="app",
        )
        return self.store.add(urge)

    def after_save(self, saved: Urge) -> None:
        self.app.notify(self.text.urge_acted if saved.acted else self.text.urge_passed)


class LogisticsForm(TrackerForm[LogisticsContact]):
    """Records contact that had to happen; it breaks nothing."""

    dialog_title = "Logistics contact"
    form_name = "logistics"

    def intro(self) -> str:
        return self.text.logistics_intro

    def compose_fields(self) -> ComposeResult:
        yield field_row("When", Input(placeholder=WHEN_HINT, id="logistics-when"))
        note = Input(placeholder="the school run, the lease, money", id="logistics-note")
        yield field_row("What about", note)

    def save(self) -> LogisticsContact:
        contact = LogisticsContact(
            at=read_moment(self.query_one("#logistics-when", Input).value, "Contact"),
            note=clean_text(self.query_one("#logistics-note", Input).value.strip()),
        )
        return self.store.add_logistics(contact)

    def after_save(self, saved: LogisticsContact) -> None:
        self.app.notify("Logged. Your count goes on unbroken.")


class ReasonsForm(TrackerForm[str]):
    """Writes or edits the person's own reasons for going No Contact."""

    dialog_title = "Why I started"
    form_name = "reasons"

    DEFAULT_CSS = """
    ReasonsForm #reasons {
        height: 8;
    }
    """

    def intro(self) -> str:
        return self.text.reasons_intro

    def compose_fields(self) -> ComposeResult:
        reasons = self.store.setting(setting_keys.REASONS, "")
        self.reasons_before = reasons
        yield TextArea(
            reasons if isinstance(reasons, str) else "",
            id="reasons",
            soft_wrap=True,
            tab_behavior="focus",
        )

    def save(self) -> str:
        reasons = clean_text(self.query_one("#reasons", TextArea).text.strip(), "Your reasons")
        return str(self.store.edit_setting(setting_keys.REASONS, self.reasons_before, reasons))

    def after_save(self, saved: str) -> None:
        self.app.notify("Kept. They will be here when an urge comes.")
