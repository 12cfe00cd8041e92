"""Activities in the mood log: one key each, kept in a draft, editable, saved as tags."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.activities import (
    MAX_ACTIVITIES,
    activity_keys,
    check_activities,
    parse_activities,
    read_activities,
)
from tui.app import create_app
from tui.content.activities import load_activity_text
from tui.screens.activities_form import ActivitiesForm
from tui.screens.home import HomeScreen
from tui.screens.mood_log import MoodLogScreen
from tui.store import setting_keys
from tui.store.store import Store
from tui.store.validation import ValidationError
from tui.widgets.activity_keys import ActivityKeys

SIZE = (100, 32)
USUAL = load_activity_text().defaults


def saved_moods(data_dir: Path) -> list[dict]:
    """Every mood log on disk, read straight from the JSON files."""
    found: list[dict] = []
    for path in sorted((data_dir / "moods").glob("*.json")):
        found.extend(json.loads(path.read_text())["_default"].values())
    return found


def saved_setting(data_dir: Path, key: str) -> object:
    """A setting as profile.json holds it, read straight from the file."""
    documents = json.loads((data_dir / "profile.json").read_text())["settings"].values()
    return next((d["value"] for d in documents if d["key"] == key), "not there")


def chips(pilot: Pilot[None]) -> ActivityKeys:
    return pilot.app.screen.query_one(ActivityKeys)


class TestTheSet:
    def test_the_usual_ones_each_have_their_own_letter(self) -> None:
        """A key from the first letters of an activity's words, else its other letters."""
        assert activity_keys(USUAL) == [
            ("w", "walk"),
            ("f", "friend"),
            ("e", "exercise"),
            ("o", "outside"),
            ("r", "work"),
            ("c", "cried"),
            ("s", "slept-badly"),
            ("t", "saw-their-posts"),
        ]

    def test_a_word_without_a_free_letter_takes_the_first_free_one(self) -> None:
        keyed = activity_keys(["aa", "a", "日記", *(f"x{n}" for n in range(25))])
        assert keyed[:3] == [("a", "aa"), ("b", "a"), ("c", "日記")]
        assert len({key for key, _ in keyed if key}) == 26
        assert keyed[-2:] == [(None, "x23"), (None, "x24")]

    def test_typed_words_become_tags(self) -> None:
        """One to a line or between commas; spaces join with dashes; repeats go."""
        typed = "Walk\n  slept badly , Saw their   posts\n\nwalk\n"
        assert parse_activities(typed) == ("walk", "slept-badly", "saw-their-posts")
        assert parse_activities(" \n ,") == ()

    def test_too_many_are_refused_in_one_sentence(self) -> None:
        typed = "\n".join(f"thing{n}" for n in range(MAX_ACTIVITIES + 1))
        with pytest.raises(ValidationError) as refused:
            parse_activities(typed)
        assert str(refused.value) == (
            "Up to 12 activities, so that each has a key of its own; this list has 13."
        )

    @pytest.mark.parametrize(
        "saved",
        ["walk", ["two words"], ["Walk"], ["walk", "walk"], [3], [f"t{n}" for n in range(13)]],
    )
    def test_a_setting_that_is_not_a_set_reads_as_the_usual_ones(self, saved: object) -> None:
        """A hand-edited profile.json never stops the mood log."""
        store = Store.open()
        store.set_setting(setting_keys.ACTIVITIES, saved)
        assert read_activities(store) == USUAL
        with pytest.raises(ValidationError):
            check_activities(saved)

    def test_nothing_saved_and_null_are_the_usual_ones(self) -> None:
        store = Store.open()
        assert read_activities(store) == USUAL
        store.set_setting(setting_keys.ACTIVITIES, None)
        assert read_activities(store) == USUAL
        store.set_setting(setting_keys.ACTIVITIES, ["tea", "gym"])
        assert read_activities(store) == ("tea", "gym")


async def test_a_mood_with_two_activities_in_four_keys(data_dir: Path) -> None:
    """m, 7, w, s, enter: the mood and both activities land on disk as tags."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "7", "w", "s")
        await pilot.pause()
        assert chips(pilot).answer == ["walk", "slept-badly"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [saved] = saved_moods(data_dir)
    assert (saved["mood"], saved["tags"], saved["source"]) == (7, ["walk", "slept-badly"], "app")


async def test_a_second_press_unmarks_and_letters_in_the_note_are_words(data_dir: Path) -> None:
    """w twice leaves walk unmarked; in the note, w and s are letters typed; a click on a
    chip marks it; the emotions follow the activities in the tags."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "5", "w", "w", "tab")
        await pilot.press(*"was slow")
        await pilot.pause()
        assert pilot.app.screen.query_one("#mood-note", Input).value == "was slow"
        assert chips(pilot).answer == []
        # "f friend" is the second chip, after "w walk ", a space and two of gap.
        await pilot.click(ActivityKeys, offset=(1 + 11, 0))
        await pilot.press("tab", "down", "space")  # the first list's second word
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = saved_moods(data_dir)
    assert saved["tags"] == ["friend", "heartbroken"]
    assert saved["note"] == "was slow"


async def test_escape_keeps_the_activities_marked_for_next_time(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "4", "t", "c", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert saved_moods(data_dir) == []
        kept = Store.open(data_dir).form_draft("mood_log")
        assert kept is not None and kept.values["activities"] == ["cried", "saw-their-posts"]
        await pilot.press("m")
        await pilot.pause()
        assert chips(pilot).answer == ["cried", "saw-their-posts"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = saved_moods(data_dir)
    assert saved["tags"] == ["cried", "saw-their-posts"]
    assert Store.open(data_dir).form_draft("mood_log") is None


async def test_the_list_is_changed_from_the_mood_log(data_dir: Path) -> None:
    """ctrl+t opens the list; a save keeps it in profile.json, the mood log shows it at once
    with new keys, and what was marked stays marked."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "6", "w", "ctrl+t")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActivitiesForm)
        assert editor.query_one(TextArea).text == "\n".join(USUAL)
        editor.query_one(TextArea).text = "walk\nSang in the car\nMet Jo"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen)
        assert saved_setting(data_dir, "activities") == ["walk", "sang-in-the-car", "met-jo"]
        assert chips(pilot).keyed == [("w", "walk"), ("s", "sang-in-the-car"), ("m", "met-jo")]
        await pilot.press("m", "f")  # m marks Met Jo; f belongs to nothing now
        await pilot.pause()
        assert chips(pilot).answer == ["walk", "met-jo"]
        await pilot.press("enter")
        await pilot.pause()
    assert saved_moods(data_dir)[0]["tags"] == ["walk", "met-jo"]


async def test_a_list_too_long_is_refused_and_nothing_changes(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "ctrl+t")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "\n".join(f"thing{n}" for n in range(13))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActivitiesForm)
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "Up to 12 activities" in toasts
        assert not (data_dir / "profile.json").exists() or (
            saved_setting(data_dir, "activities") == "not there"
        )
        # Emptied and saved: the usual ones again.
        app.screen.query_one(TextArea).text = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved_setting(data_dir, "activities") is None
        assert [word for _, word in chips(pilot).keyed] == list(USUAL)


async def test_a_marked_activity_taken_off_the_list_is_not_lost(data_dir: Path) -> None:
    """A draft marked "cried"; the list no longer has it: it shows again, still marked."""
    store = Store.open(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "3", "c", "escape")
        await pilot.pause()
        store.set_setting(setting_keys.ACTIVITIES, ["walk", "tea"])
        await pilot.press("m")
        await pilot.pause()
        assert [word for _, word in chips(pilot).keyed] == ["walk", "tea", "cried"]
        assert chips(pilot).answer == ["cried"]


async def test_help_lists_the_activity_keys_in_use(data_dir: Path) -> None:
    Store.open(data_dir).set_setting(setting_keys.ACTIVITIES, ["tea", "gym"])
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m", "f1")
        await pilot.pause()
        text = "\n".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "g / t" in text and "Mark an activity" in text
        assert "Activities" in text


class TestLooks:
    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
    def test_the_mood_log_with_activity_keys(
        self, snap_compare: Callable[..., bool], data_dir: Path, size: tuple[int, int]
    ) -> None:
        """Mood 6, a walk and a friend marked by their keys, their chips standing out."""

        async def mark(pilot: Pilot[None]) -> None:
            await pilot.press("m")
            await pilot.pause()
            await pilot.press("6", "w", "f")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=size, run_before=mark)
