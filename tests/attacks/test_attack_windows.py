"""Class 3: two windows never overwrite each other.

Two app windows on one journal (two Pilot apps on one data dir), or a window and another
process: each reads a setting, the person edits it in both, both save. What the other
window saved since is kept, field by field; where both changed the same text, both texts
stay, with a plain line between; nothing is dropped without a word.
"""

from __future__ import annotations

import multiprocessing
import os
from datetime import UTC, datetime
from pathlib import Path

from attack_helpers import Child
from textual.widgets import TextArea

from tui.app import create_app
from tui.content.support import load_support
from tui.content.tracker import load_tracker_text
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.stage import StageScreen
from tui.screens.tracker_actions import ReasonsForm
from tui.store import setting_keys
from tui.store.merge import BOTH_KEPT
from tui.store.store import Store

SIZE = (100, 32)


async def _open_plan(app: object, pilot: object) -> SafetyPlanScreen:
    app.push_screen(SafetyPlanScreen(app.store, load_support()))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    return app.screen  # type: ignore[attr-defined,no-any-return]


async def test_two_windows_editing_the_safety_plan_keep_what_each_wrote(data_dir: Path) -> None:
    """Both windows open on the same plan. A writes warning signs, B the people to call, and
    both change what helps: after both save, A's and B's own parts are there, and what helps
    holds both texts, the later save's first (before, the second save erased the first)."""
    Store.open(data_dir).set_setting(setting_keys.SAFETY_PLAN, {"what_helps": "Music"})
    first, second = create_app(data_dir), create_app(data_dir)
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        plan_a = await _open_plan(first, one)
        plan_b = await _open_plan(second, two)
        plan_a.query_one("#plan-warning_signs", TextArea).text = "Not sleeping, checking photos"
        plan_a.query_one("#plan-what_helps", TextArea).text = "Music, and calling my sister"
        plan_b.query_one("#plan-people", TextArea).text = "Sam, 07700 900123"
        plan_b.query_one("#plan-what_helps", TextArea).text = "Cold water on my face"
        await one.press("ctrl+s")
        await two.press("ctrl+s")
    assert Store.open(data_dir).setting(setting_keys.SAFETY_PLAN) == {
        "what_helps": f"Cold water on my face{BOTH_KEPT}Music, and calling my sister",
        "warning_signs": "Not sleeping, checking photos",
        "people": "Sam, 07700 900123",
    }


async def test_reasons_written_in_the_shell_meanwhile_are_kept(data_dir: Path) -> None:
    """ "Why I started" open in the app while another process adds to the reasons: the app's
    save keeps the other process's words too."""
    Store.open(data_dir).set_setting(setting_keys.REASONS, "I want my evenings back.")
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(ReasonsForm(app.store, load_tracker_text()))
        await pilot.pause()
        assert isinstance(app.screen, ReasonsForm)

        def other_process(report: int) -> None:
            store = Store.open(data_dir)
            before = store.setting(setting_keys.REASONS)
            store.edit_setting(setting_keys.REASONS, before, f"{before}\nI deserve kindness.")
            os.write(report, b"D")

        assert Child(other_process).finish() == 0
        app.screen.query_one(TextArea).text = "I want my evenings back, and my sleep."
        await pilot.press("ctrl+s")
    saved = Store.open(data_dir).setting(setting_keys.REASONS)
    assert "I want my evenings back, and my sleep." in saved
    assert "I deserve kindness." in saved


def _file_letters(data_dir: Path, count: int) -> None:
    store = Store.open(data_dir)
    for number in range(count):
        letters = store.setting(setting_keys.LETTERS, [])
        letter = {"session_id": f"other-{number}", "open_on": "2027-01-01", "text": f"n{number}"}
        store.edit_setting(setting_keys.LETTERS, letters, [*letters, letter])


async def test_letters_filed_by_another_process_while_a_stage_saves_are_all_kept(
    data_dir: Path,
) -> None:
    """Stage 5 saves a letter while another process files 40 letters as fast as it can:
    all 41 are there (before, the stage read the list and wrote it back outside the lock)."""
    app = create_app(data_dir, initial_stage=5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        screen.fields["letter"].text = "Dear me, you kept going."  # type: ignore[attr-defined]
        screen.fields["open_on"].query_one("Input").value = "2027-03-01"  # type: ignore[attr-defined]
        other = multiprocessing.get_context("fork").Process(
            target=_file_letters, args=(data_dir, 40)
        )
        other.start()
        await pilot.press("ctrl+s")
        await pilot.pause()
        other.join(60)
    letters = Store.open(data_dir).setting(setting_keys.LETTERS)
    assert len(letters) == 41
    assert [letter["text"] for letter in letters].count("Dear me, you kept going.") == 1


async def test_two_windows_saving_the_boundaries_card_keep_both(data_dir: Path) -> None:
    """Stage 4 finished in two windows opened on the same card: the card keeps both
    windows' "I need", and the steps either ticked."""
    when = datetime(2026, 11, 20, 9, tzinfo=UTC).isoformat()
    card = {
        "need": "Quiet mornings",
        "wont_accept": "",
        "line": "",
        "checklist": [],
        "saved_at": when,
    }
    Store.open(data_dir).set_setting(setting_keys.BOUNDARIES_CARD, card)
    first = create_app(data_dir, initial_stage=4)
    second = create_app(data_dir, initial_stage=4)
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        for app, pilot, need, tick in (
            (first, one, "Time with friends", "Muted their messages and calls"),
            (second, two, "Sleep before midnight", "Archived our chat"),
        ):
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StageScreen)
            screen.fields["need"].text = need  # type: ignore[attr-defined]
            screen.fields["checklist"].select(tick)  # type: ignore[attr-defined]
        await one.press("ctrl+s")
        await two.press("ctrl+s")
    saved = Store.open(data_dir).setting(setting_keys.BOUNDARIES_CARD)
    assert saved["need"] == f"Sleep before midnight{BOTH_KEPT}Time with friends"
    assert sorted(saved["checklist"]) == ["Archived our chat", "Muted their messages and calls"]
