"""The app shell as a person meets it: home, the stage keys, the mood log, help, the palette."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from tui.app import NoContactApp, create_app
from tui.content.stages import load_stages
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.mood_log import MoodLogScreen
from tui.store.records import MoodLog
from tui.store.store import Store, StoreError
from tui.widgets.mood_slider import MoodSlider
from tui.widgets.stage_card import StageCard

SIZE = (100, 32)


def screen_text(app: NoContactApp) -> str:
    """Every line of text the current screen shows in its Static widgets."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def toast_text(app: NoContactApp) -> str:
    """The text of every notification on screen."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def saved_moods(data_dir: Path) -> list[dict]:
    """Every mood log on disk, read straight from the JSON files."""
    found: list[dict] = []
    for path in sorted((data_dir / "moods").glob("*.json")):
        found.extend(json.loads(path.read_text())["_default"].values())
    return found


async def test_home_shows_the_five_stages(data_dir: Path) -> None:
    """Home lists the five stages by number and title, with their progress."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True):
        assert isinstance(app.screen, HomeScreen)
        cards = list(app.screen.query(StageCard))
        assert [card.number for card in cards] == [1, 2, 3, 4, 5]
        text = screen_text(app)
        for stage in load_stages().values():
            assert stage.title in text
        assert text.count("Not tried yet") == 5
        assert "Nothing logged yet" in text


async def test_each_number_key_opens_its_stage(data_dir: Path) -> None:
    """Keys 1-5 on home open that stage; escape comes back to home."""
    from tui.screens.stage import StageScreen

    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        for number in range(1, 6):
            await pilot.press(str(number))
            await pilot.pause()
            assert isinstance(app.screen, StageScreen)
            assert app.screen.stage.number == number
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)


async def test_a_click_on_a_stage_opens_it(data_dir: Path) -> None:
    """The mouse works: clicking the third stage opens stage 3."""
    from tui.screens.stage import StageScreen

    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.click("#stage-3")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.screen.stage.number == 3


async def test_initial_stage_opens_on_start(data_dir: Path) -> None:
    """`nocontact stage 4` opens stage 4 over home."""
    from tui.screens.stage import StageScreen

    app = create_app(data_dir, initial_stage=4)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert app.screen.stage.number == 4
        assert isinstance(app.screen_stack[0], HomeScreen)


async def test_mood_log_saves_a_mood_from_the_app(data_dir: Path) -> None:
    """m opens the mood log; a digit, a note, an emotion and enter save it to disk, source app."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen)
        assert app.screen.query_one(MoodSlider).has_focus
        await pilot.press("6", "tab")
        await pilot.press(*"slept well")
        await pilot.click("SelectionList", offset=(4, 1))
        app.screen.query_one(Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [saved] = saved_moods(data_dir)
        assert saved["mood"] == 6
        assert saved["note"] == "slept well"
        assert saved["source"] == "app"
        assert saved["tags"] == ["heartbroken"]
        assert saved["at"] == "2026-11-23T20:15:00+00:00"
        assert "Mood 6 (Holding steady) saved." in toast_text(app)
        assert "6  Holding steady" in screen_text(app), "home shows the new latest mood"


async def test_escape_cancels_the_mood_log(data_dir: Path) -> None:
    """escape closes the mood log and nothing is written."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "2", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert saved_moods(data_dir) == []
        assert "saved" not in toast_text(app)


async def test_a_low_mood_offers_support_gently(data_dir: Path) -> None:
    """A mood of 0-2 is saved, and a notification says support is one key away."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "1")
        await pilot.click("#save")
        await pilot.pause()
        assert saved_moods(data_dir)[0]["mood"] == 1
        assert "F2" in toast_text(app)


async def test_a_failed_save_says_so_and_never_claims_saved(data_dir: Path) -> None:
    """When the store cannot save, the modal stays open with the store's message."""
    store = Store.open(data_dir)

    def refuse(record: MoodLog) -> MoodLog:
        raise StoreError("Not saved: the disk is full.")

    store.add = refuse  # type: ignore[method-assign]
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m", "7")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen)
        toasts = toast_text(app)
        assert "the disk is full" in toasts
        assert "saved." not in toasts


async def test_m_in_a_text_field_types_an_m(data_dir: Path) -> None:
    """In a stage's text field, m is a letter: it is typed, and no mood log opens."""
    from tui.screens.stage import StageScreen

    app = create_app(data_dir, initial_stage=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("tab")
        field = app.focused
        assert isinstance(field, Input | TextArea)
        await pilot.press(*"mum")
        await pilot.pause()
        assert isinstance(app.screen, StageScreen)
        assert "mum" in (field.text if isinstance(field, TextArea) else field.value)
        field.blur()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen), "outside a text field, m opens the log"


async def test_kept_aside_files_are_told_once_at_start(data_dir: Path) -> None:
    """A store notice about an unreadable file shows as a warning that stays up."""
    store = Store.open(data_dir)
    store.notices.append("moods/2026-11.json could not be read, so it was kept aside.")
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "could not be read" in toast_text(app)
        assert store.notices == []


async def test_help_lists_every_binding_of_home_and_the_app(data_dir: Path) -> None:
    """? opens help; every described binding of home and the app is listed by its key."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        expected = {
            binding.description  # type: ignore[union-attr]
            for binding in [*HomeScreen.BINDINGS, *NoContactApp.BINDINGS]
        }
        assert {"Open stage", "History", "Quit", "Help", "Log mood"} <= expected
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for description in expected:
            assert description in text
        for keys in ("1-5", "? / f1", "m", "h", "q", "^p"):
            assert any(line.startswith(keys + " ") for line in text.splitlines()), keys
        assert "not therapy" in text
        assert "1-800-799-7233" in text and "0808 2000 247" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_help_on_a_stage_lists_the_slider_keys(data_dir: Path) -> None:
    """f1 on a stage lists the stage's keys and, with the slider focused, the digits."""
    app = create_app(data_dir, initial_stage=1)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        stage = app.screen
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        for binding in stage.BINDINGS:
            assert binding.description in text  # type: ignore[union-attr]
        assert isinstance(stage.focused, MoodSlider), "a stage opens with its mood slider focused"
        assert "0-9" in text and "Mood to that number" in text


async def test_the_palette_opens_a_stage_by_its_name(data_dir: Path) -> None:
    """ctrl+p, a few letters of a stage's name and enter open that stage."""
    from tui.screens.stage import StageScreen

    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"boundar", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, StageScreen)
        assert app.screen.stage.number == 4


async def test_the_palette_reaches_every_screen(data_dir: Path) -> None:
    """The palette's commands open each stage, review, help, the mood log and home."""
    from tui.screens.review import ReviewScreen
    from tui.screens.stage import StageScreen

    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        commands = {command.title: command for command in app.get_system_commands(app.screen)}

        async def run(title: str) -> None:
            commands[title].callback()
            await pilot.pause()

        stage_titles = [f"Stage {n}: {stage.title}" for n, stage in load_stages().items()]
        assert set(stage_titles) <= set(commands)
        for number in (2, 5):
            await run(stage_titles[number - 1])
            assert isinstance(app.screen, StageScreen)
            assert app.screen.stage.number == number
            assert len(app.screen_stack) == 2, "a stage opens over home, not over another stage"
        await run("History and review")
        assert isinstance(app.screen, ReviewScreen)
        await run("Help")
        assert isinstance(app.screen, HelpScreen)
        await run("Log mood")
        assert isinstance(app.screen, MoodLogScreen)
        await pilot.press("escape")
        await run("Home")
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 1


async def test_home_reloads_when_shown_again(data_dir: Path) -> None:
    """A mood logged by another process shows on home when home is shown again."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        from tui.clock import now

        Store.open(data_dir).add(MoodLog(at=now(), mood=8, source="cli"))
        assert "Lighter" not in screen_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "8  Lighter" in screen_text(app)


async def test_home_shows_the_boundaries_card_and_an_opened_letter(data_dir: Path) -> None:
    """Stage 4's card and the newest letter whose day has come show on home."""
    store = Store.open(data_dir)
    store.set_setting(
        "boundaries_card",
        {
            "need": "Quiet evenings.",
            "wont_accept": "Being shouted at.",
            "line": "No replies.",
            "checklist": ["Archived our chat"],
            "saved_at": "2026-11-20T19:00:00+00:00",
        },
    )
    store.set_setting(
        "letters",
        [
            {
                "session_id": "a",
                "written_at": "2026-10-01T20:00:00+00:00",
                "open_on": "2026-11-01",
                "text": "An older letter.",
            },
            {
                "session_id": "b",
                "written_at": "2026-11-02T20:00:00+00:00",
                "open_on": "2026-11-23",
                "text": "You kept going.",
            },
            {
                "session_id": "c",
                "written_at": "2026-11-20T20:00:00+00:00",
                "open_on": "2026-12-24",
                "text": "Not yet.",
            },
        ],
    )
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "I need: Quiet evenings." in text
        assert "I won't accept: Being shouted at." in text
        assert "I draw the line: No replies." in text
        assert "You kept going." in text
        assert "written on Monday 2 November" in text
        assert "Another letter opens on Thursday 24 December." in text
        assert "An older letter." not in text
        assert "Not yet." not in text


async def test_a_letter_waits_until_its_day(data_dir: Path) -> None:
    """Before its opening day a letter stays sealed: home only says when it opens."""
    store = Store.open(data_dir)
    store.set_setting(
        "letters",
        [
            {
                "session_id": "c",
                "written_at": "2026-11-20T20:00:00+00:00",
                "open_on": "2026-11-24",
                "text": "Sealed words.",
            }
        ],
    )
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "Sealed words." not in text
        assert "A letter to future you is waiting. It opens on Tuesday 24 November." in text
        assert not app.screen.query_one("#boundaries").display


async def test_a_file_broken_while_open_is_told_when_home_reloads(data_dir: Path) -> None:
    """A mood file that turns unreadable is kept aside, and home says so when shown again."""
    from tui.clock import now

    store = Store.open(data_dir)
    store.add(MoodLog(at=now(), mood=5))
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        (data_dir / "moods" / "2026-11.json").write_text("{ not json")
        await pilot.press("question_mark")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "kept aside" in toast_text(app)
        assert "Nothing logged yet" in screen_text(app)


async def test_f1_over_the_mood_log_lists_its_keys(data_dir: Path) -> None:
    """f1 works over a modal too: help lists the modal's keys and the slider's."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for line in ("esc", "Close, keep draft", "^s", "Save", "0-9", "Mood to that number", "f1"):
            assert line in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MoodLogScreen)


async def test_a_malformed_letter_is_passed_over(data_dir: Path) -> None:
    """A letter with an unreadable date does not stop home; the others still show."""
    store = Store.open(data_dir)
    store.set_setting(
        "letters",
        [
            {"session_id": "x", "written_at": "?", "open_on": "someday", "text": "Lost date."},
            {"session_id": "y", "written_at": "bad", "open_on": "2026-11-20", "text": "Hello."},
        ],
    )
    app = NoContactApp(store=store)
    async with app.run_test(size=SIZE):
        text = screen_text(app)
        assert "Hello." in text and "A letter from you\n" in text + "\n"
        assert "Lost date." not in text
