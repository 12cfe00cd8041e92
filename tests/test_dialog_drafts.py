"""Every dialog with something typed: escape keeps it for next time, a save clears it, one look."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, Input, TextArea

from tui.app import NoContactApp, create_app
from tui.clock import now
from tui.content.activities import load_activity_text
from tui.content.moods import load_moods
from tui.content.support import load_support
from tui.content.tracker import load_tracker_text
from tui.screens import drafting
from tui.screens.activities_form import ActivitiesForm
from tui.screens.dialog import ESCAPE_KEEPS, KEPT_FROM_LAST_TIME, Dialog
from tui.screens.draft_prompt import DraftPrompt
from tui.screens.home import HomeScreen
from tui.screens.mood_log import MoodLogScreen
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.stage3_urges import UrgeCheckIn
from tui.screens.tracker_actions import (
    LogisticsForm,
    ReasonsForm,
    SlipForm,
    StartDayForm,
    UrgeForm,
)
from tui.store.records import Draft
from tui.store.store import Store
from tui.widgets.mood_slider import MoodSlider

SIZE = (100, 32)

DIALOGS: dict[str, tuple[Callable[[Store], Screen[Any]], str, str]] = {
    "mood_log": (lambda s: MoodLogScreen(s, load_moods()), "#mood-note", "a long day"),
    "urge": (lambda s: UrgeForm(s, load_tracker_text()), "#urge-note", "to hear their voice"),
    "slip": (lambda s: SlipForm(s, load_tracker_text()), "#slip-note", "I replied to a photo"),
    "logistics": (lambda s: LogisticsForm(s, load_tracker_text()), "#logistics-note", "rent"),
    "reasons": (lambda s: ReasonsForm(s, load_tracker_text()), "#reasons", "my own peace"),
    "start_day": (lambda s: StartDayForm(s, load_tracker_text()), "#start-day", "3 days ago"),
    "safety_plan": (
        lambda s: SafetyPlanScreen(s, load_support()),
        "#plan-warning_signs",
        "not sleeping",
    ),
    "activities": (
        lambda s: ActivitiesForm(s, load_activity_text(), ()),
        "#activities-list",
        "swim",
    ),
}
"""Each dialog with typed fields: how it is made, one field of it and words to type there."""

SLIDERS = {"mood_log": "#mood-slider", "urge": "#urge-strength"}
"""The dialogs that cannot be saved until their slider is set."""


def records_on_disk(data_dir: Path) -> dict[str, bytes]:
    """Every data file but drafts.json (and backups and the lock), by name, as bytes."""
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in data_dir.rglob("*.json")
        if path.name != "drafts.json" and "backups" not in path.parts
    }


def text_in(screen: Screen[Any], selector: str) -> str:
    field = screen.query_one(selector)
    return field.text if isinstance(field, TextArea) else field.value  # type: ignore[attr-defined]


async def type_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    field = pilot.app.screen.query_one(selector)
    field.focus()
    await pilot.pause()
    if isinstance(field, TextArea):
        field.insert(text)
    else:
        assert isinstance(field, Input)
        field.value = ""
        field.insert_text_at_cursor(text)
    await pilot.pause()


async def test_escape_keeps_the_words_for_next_time_and_a_save_clears_them(
    data_dir: Path,
) -> None:
    """In each dialog in turn: closed untouched, it leaves no draft; escape after typing
    closes it and saves nothing; opened again, the words are back, marked "kept from last
    time"; saving then writes the entry and the draft goes."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        for form, (make, selector, words) in sorted(DIALOGS.items()):
            app.push_screen(make(app.store))
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert Store.open(data_dir).form_draft(form) is None, f"{form} kept nothing typed"
            before = records_on_disk(data_dir)
            app.push_screen(make(app.store))
            await pilot.pause()
            await type_into(pilot, selector, words)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), form
            assert records_on_disk(data_dir) == before, f"escape in {form} saved an entry"
            kept = Store.open(data_dir).form_draft(form)
            assert kept is not None and kept.values[selector[1:]] == words, form
            app.push_screen(make(app.store))
            await pilot.pause()
            assert text_in(app.screen, selector) == words, form
            assert app.screen.query_one("#dialog").border_subtitle == KEPT_FROM_LAST_TIME
            if form in SLIDERS:
                app.screen.query_one(SLIDERS[form], MoodSlider).value = 6
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen), form
            assert records_on_disk(data_dir) != before, f"the save in {form} wrote nothing"
            assert Store.open(data_dir).form_draft(form) is None, form


async def test_a_draft_brought_back_and_closed_untouched_is_still_kept(data_dir: Path) -> None:
    """Typed, escape; opened again and closed again without a change: the words are still
    there the third time (the draft is not mistaken for an empty form)."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        for form, (make, selector, words) in sorted(DIALOGS.items()):
            app.push_screen(make(app.store))
            await pilot.pause()
            await type_into(pilot, selector, words)
            await pilot.press("escape")
            await pilot.pause()
            for _ in range(2):
                app.push_screen(make(app.store))
                await pilot.pause()
                assert text_in(app.screen, selector) == words, form
                await pilot.press("escape")
                await pilot.pause()
                kept = Store.open(data_dir).form_draft(form)
                assert kept is not None and kept.values[selector[1:]] == words, form


async def test_the_mood_log_reached_by_its_key_keeps_its_tags_and_mood(data_dir: Path) -> None:
    """m, a mood, a note and an emotion, escape; m again: all three are as they were."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "4", "tab", *"tired", "tab", "down", "space", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, MoodLogScreen)
        assert log.query_one(MoodSlider).value == 4
        assert log.query_one("#mood-note", Input).value == "tired"
        assert log.chosen_tags() == ("heartbroken",)
    assert Store.open(data_dir).moods() == []


async def test_a_draft_emptied_again_is_removed(data_dir: Path) -> None:
    """Words typed, kept, then deleted by hand: closing leaves no draft behind."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DIALOGS["logistics"][0](app.store))
        await pilot.pause()
        await type_into(pilot, "#logistics-note", "school")
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(DIALOGS["logistics"][0](app.store))
        await pilot.pause()
        await type_into(pilot, "#logistics-note", "")
        await pilot.press("escape")
        await pilot.pause()
    assert Store.open(data_dir).form_draft("logistics") is None


async def test_enter_saves_from_a_line_and_from_a_slider(data_dir: Path) -> None:
    """Enter in a tracker form's one-line field saves it; enter on the urge's slider too."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DIALOGS["logistics"][0](app.store))
        await pilot.pause()
        await type_into(pilot, "#logistics-note", "the school run")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.push_screen(DIALOGS["urge"][0](app.store))
        await pilot.pause()
        app.screen.query_one("#urge-strength").focus()
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store = Store.open(data_dir)
    assert [contact.note for contact in store.logistics()] == ["the school run"]
    assert [urge.strength for urge in store.urges()] == [7]


async def test_ctrl_q_with_a_dialog_open_keeps_its_words(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting over a half-written dialog keeps it, as a stage's page is kept (by ctrl+q
    itself: the draft kept while typing is held off for the test)."""
    monkeypatch.setattr(drafting, "DRAFT_EVERY", 3600)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(DIALOGS["reasons"][0](app.store))
        await pilot.pause()
        await type_into(pilot, "#reasons", "I want my evenings")
        await pilot.press("ctrl+q")
        await pilot.pause()
    kept = Store.open(data_dir).form_draft("reasons")
    assert kept is not None and kept.values["reasons"] == "I want my evenings"


def dialogs_to_look_at(store: Store) -> list[Screen[Any]]:
    draft = Draft(1, now(), now(), None, {"loved_before": "x"})
    return [
        *(make(store) for make, _, _ in DIALOGS.values()),
        DraftPrompt(draft, "Rediscovering who you are"),
        UrgeCheckIn(tuple(str(n) for n in range(11)), None, final=False),
    ]


async def test_every_dialog_has_one_frame_one_button_order_and_says_what_escape_does(
    data_dir: Path,
) -> None:
    """One Dialog base for all; the main action first, then the rest; the footer tells escape.

    Dialogs with typed words say "Close, keep draft" for escape; the others their own word.
    """
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        for dialog in dialogs_to_look_at(app.store):
            assert isinstance(dialog, Dialog), dialog
            app.push_screen(dialog)
            await pilot.pause()
            buttons = list(dialog.query_one(".dialog-buttons").query(Button))
            assert buttons[0].variant == "primary", dialog
            assert all(button.variant == "default" for button in buttons[1:]), dialog
            labels = [str(button.label) for button in buttons]
            assert labels[-1] in ("Close", "Not now", "Let it go"), labels
            footer = [str(key.description) for key in dialog.query("FooterKey")]
            if dialog.__class__ in {type(make(app.store)) for make, _, _ in DIALOGS.values()}:
                assert ESCAPE_KEEPS in footer and labels == ["Save", "Close"], footer
            app.pop_screen()
            await pilot.pause()
