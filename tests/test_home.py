"""Home as a person sees it: the latest mood from anywhere, news only when it is news, a title,
and no Textual words in the help or the palette."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Static

from tui.app import NoContactApp, create_app
from tui.clock import now, today
from tui.screens.blank import BlankScreen
from tui.screens.help import HelpScreen
from tui.screens.home import POLL_SECONDS, HomeScreen
from tui.store.records import MoodLog, Session
from tui.store.store import Store

SIZE = (100, 32)


def card(app: NoContactApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def toasts(app: NoContactApp) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


class TestLatestMood:
    """ "Latest mood" is the newest mood given anywhere, and it does not go stale."""

    async def test_a_mood_given_in_a_session_counts(self, data_dir: Path) -> None:
        """A session saved after the last mood log shows its closing mood, and where from."""
        store = Store.open(data_dir)
        store.add(MoodLog(at=now() - timedelta(hours=5), mood=3))
        store.add(
            Session(
                stage=3,
                started_at=now() - timedelta(hours=1),
                saved_at=now() - timedelta(minutes=30),
                mood_before=4,
                mood_after=7,
            )
        )
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            shown = card(app, "#latest-mood")
            assert shown.startswith("7  Doing okay")
            assert "today at 19:45" in shown and "In stage 3, Breaking the cycle" in shown

    async def test_a_log_from_another_shell_shows_without_leaving_home(
        self, data_dir: Path
    ) -> None:
        """`nocontact log` in another process while home is open: home shows it on its own."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            assert "Nothing logged yet" in card(app, "#latest-mood")
            done = subprocess.run(
                [sys.executable, "-m", "tui", "log", "8", "from the other window"],
                capture_output=True,
                text=True,
                env=os.environ,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            await asyncio.sleep(POLL_SECONDS + 0.5)
            await pilot.pause()
            assert card(app, "#latest-mood").startswith("8  Lighter")
            assert "from the other window" in card(app, "#latest-mood")

    async def test_looking_costs_nothing_when_nothing_changed(self, data_dir: Path) -> None:
        """The poll reads again only when a file was written (the store's stamp moved)."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            home = app.screen
            assert isinstance(home, HomeScreen)
            stamp = home.stamp
            home.look_for_changes()
            assert home.stamp == stamp == Store.open(data_dir).stamp()


class TestTracker:
    """The count is said once, and a milestone already behind is no news."""

    async def test_a_past_start_set_today_announces_no_old_milestone(self, data_dir: Path) -> None:
        """Start 20 days ago: day 20, no "Day 14 · Two weeks" toast; the marks are kept."""
        Store.open(data_dir).set_no_contact_start(today() - timedelta(days=20))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "Day 20" in card(app, "#tracker-current")
            assert "Day 14" not in toasts(app) and "Two weeks" not in toasts(app)
        seen = Store.open(data_dir).setting("milestones_seen")
        start = (today() - timedelta(days=20)).isoformat()
        assert seen == [f"{start}+{days}" for days in (1, 3, 7, 14)]

    async def test_a_milestone_reached_today_is_told(self, data_dir: Path) -> None:
        Store.open(data_dir).set_no_contact_start(today() - timedelta(days=14))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert toasts(app).count("Day ") == 1 and "Two weeks" in toasts(app)

    @pytest.mark.parametrize(
        ("days", "shown"), [(21, "Day 21"), (40, "Day 40  ·  1 month, 9 days")]
    )
    async def test_the_count_is_said_once(self, data_dir: Path, days: int, shown: str) -> None:
        """ "Day 21" above "21 days" said it twice; a span in months still adds something."""
        Store.open(data_dir).set_no_contact_start(today() - timedelta(days=days))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            assert card(app, "#tracker-current") == shown


class TestTitleAndWords:
    """Home has a title; the help and the palette speak only our words."""

    async def test_home_has_a_title(self, data_dir: Path) -> None:
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            assert card(app, "#home-title") == "No Contact Coach"

    async def test_help_lists_no_textual_keys(self, data_dir: Path) -> None:
        """Not "Focus Next", "Focus Previous" or "^c / super+c Copy selected text"."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = "\n".join(str(widget.render()) for widget in app.screen.query(Static))
            for textual_words in ("Focus Next", "Focus Previous", "Copy selected text"):
                assert textual_words not in text
            assert "Open stage" in text and "Blank screen" in text
            assert "Tab moves to the next part" in text

    async def test_the_palette_offers_no_textual_commands(self, data_dir: Path) -> None:
        """Not "Keys - Show help for the focused widget" nor "Maximize"."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and "Maximize" not in titles and "Minimize" not in titles
        assert {"Home", "History and review", "Contact happened", "Colours", "Quit"} <= set(titles)


class TestBlank:
    """The first f12 is as quick as every later one."""

    async def test_the_blank_screen_is_ready_before_the_first_f12(self, data_dir: Path) -> None:
        """Built with the app, its rules parsed at start-up: f12 only has to show it."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            sources_before = dict(app.stylesheet.source)
            await pilot.press("f12")
            assert app.screen is app.blank and isinstance(app.screen, BlankScreen)
            assert app.stylesheet.source == sources_before
            await pilot.press("f12")
            assert isinstance(app.screen, HomeScreen)


def test_the_app_refuses_to_draw_into_a_pipe(data_dir: Path) -> None:
    """`nocontact | cat`: one line pointing at the quick commands, exit 2, no escape codes."""
    done = subprocess.run([sys.executable, "-m", "tui"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert done.stderr.startswith("nocontact: The app needs a terminal to draw in.")
    assert "`nocontact log 6`" in done.stderr
    assert "\x1b" not in done.stderr
