"""The tracker on home and its forms: what they save through the Store and what they show."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, RadioButton, Static

from tui.app import NoContactApp, create_app
from tui.clock import now, today
from tui.content.tracker import ACTIONS, load_tracker_text
from tui.screens.home import HomeScreen, read_tracker
from tui.screens.tracker_actions import (
    LogisticsForm,
    ReasonsForm,
    SlipForm,
    StartDayForm,
    UrgeForm,
)
from tui.store.records import Slip, Urge
from tui.store.store import Store
from tui.widgets.mood_slider import MoodSlider
from tui.widgets.tracker_panel import TrackerPanel

SIZE = (100, 32)


def panel_text(app: NoContactApp) -> str:
    """What the tracker panel on home shows."""
    panel = app.query_one(TrackerPanel)
    # Only what is laid out on screen: the hidden half of the panel has no region.
    return "\n".join(str(widget.render()) for widget in panel.query(Static) if widget.region)


async def click_link(pilot, action: str) -> None:
    """Click the tracker's link for `action` ("urge", "slip", ...), one line each."""
    await pilot.click("#tracker-links", offset=(2, ACTIONS.index(action)))
    await pilot.pause()


def toasts(app: NoContactApp) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def days_ago(days: int) -> date:
    return today() - timedelta(days=days)


def seen_all_milestones(store: Store) -> None:
    """Mark every milestone of the current run as seen, so no toast covers a snapshot."""
    store.set_setting("milestones_seen", read_tracker(store, today()).marked_with_new([]))


class TestPanel:
    """The count, the longest run and the total, beside each other."""

    async def test_without_a_start_it_invites_and_sets_one(self, data_dir: Path) -> None:
        """No start yet: a kind invitation; its link's form saves the day typed."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            assert "When you are ready" in panel_text(app)
            await pilot.click("#tracker-links")
            assert isinstance(app.screen, StartDayForm)
            app.screen.query_one("#start-day", Input).value = days_ago(40).isoformat()
            await pilot.press("ctrl+s")
            assert "Day 40" in panel_text(app)
            assert "1 month, 9 days" in panel_text(app)
        assert Store.open(data_dir).no_contact_start() == days_ago(40)

    async def test_a_start_in_the_future_is_refused(self, data_dir: Path) -> None:
        """ "tomorrow" shows one clear line in the form and writes nothing."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(StartDayForm(app.store, load_tracker_text()))
            await pilot.pause()
            app.screen.query_one("#start-day", Input).value = "tomorrow"
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, StartDayForm)
            error = str(app.screen.query_one("#form-error", Static).render())
            assert "cannot be in the future" in error
        assert Store.open(data_dir).no_contact_start() is None

    async def test_a_slip_restarts_the_count_and_keeps_the_rest(
        self, data_dir: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Start 40 days ago, a slip 10 days ago: day 10, longest 30, total 40; then midnight."""
        store = Store.open(data_dir)
        store.set_no_contact_start(days_ago(40))
        store.add_slip(Slip(at=now() - timedelta(days=10)))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE):
            text = panel_text(app)
            assert "Day 10" in text
            assert "30 days" in text and "40 days" in text
            assert "The count began again on Fri 13 Nov" in text
            monkeypatch.setenv("NOCONTACT_NOW", "2026-11-24T00:00:30+00:00")
            home = app.screen
            assert isinstance(home, HomeScreen)
            home.look_for_changes()
            assert "Day 11" in panel_text(app)


class TestForms:
    """Each form writes one record through the Store, then home shows it."""

    async def test_logging_a_slip_saves_every_part(self, data_dir: Path) -> None:
        """Who reached out, what happened, how it felt and the mood all land in tracker.json."""
        Store.open(data_dir).set_no_contact_start(days_ago(40))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await click_link(pilot, "slip")
            form = app.screen
            assert isinstance(form, SlipForm)
            form.query_one("#slip-when", Input).value = "yesterday 21:00"
            form.query_one("#slip-they", RadioButton).value = True
            form.query_one("#slip-note").insert("They sent a birthday message.")
            form.query_one("#slip-feeling", Input).value = "shaky"
            form.query_one("#slip-mood", MoodSlider).value = 4
            await pilot.press("ctrl+s")
            assert "Day 1" in panel_text(app)
            assert "longest run and your total stay" in toasts(app)
        (slip,) = Store.open(data_dir).slips()
        assert slip.at == datetime.fromisoformat("2026-11-22T21:00:00+00:00")
        assert slip.they_reached_out is True
        assert slip.note == "They sent a birthday message."
        assert (slip.feeling, slip.mood) == ("shaky", 4)

    async def test_the_slip_mood_is_optional_and_a_low_one_offers_support(
        self, data_dir: Path
    ) -> None:
        """An untouched slider saves no mood (not a made-up 5); a mood of 1 brings the offer.

        The first slip is dated before the start day, and the note says the count is unchanged.
        """
        Store.open(data_dir).set_no_contact_start(days_ago(5))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            text = load_tracker_text()
            app.push_screen(SlipForm(app.store, text))
            await pilot.pause()
            app.screen.query_one("#slip-when", Input).value = "10 days ago"
            await pilot.press("ctrl+s")
            assert "before your start day" in toasts(app)
            assert "press F2" not in toasts(app)
            assert "Day 5" in panel_text(app)
            app.push_screen(SlipForm(app.store, text))
            await pilot.pause()
            app.screen.query_one("#slip-mood", MoodSlider).value = 1
            await pilot.press("ctrl+s")
            assert "press F2" in toasts(app)
        moods = [slip.mood for slip in Store.open(data_dir).slips()]
        assert sorted(moods, key=str) == [1, None]

    async def test_an_urge_shows_the_reasons_and_is_saved(self, data_dir: Path) -> None:
        """From the palette, the urge form shows "why I started"; the urge lands in urges/."""
        store = Store.open(data_dir)
        store.set_no_contact_start(days_ago(5))
        store.set_setting("reasons", "I deserve someone who stays.")
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p", *"Log an urge", "enter")
            await pilot.pause()
            assert isinstance(app.screen, UrgeForm)
            reasons = app.screen.query_one("#urge-reasons", Static)
            assert "I deserve someone who stays." in str(reasons.render())
            app.screen.query_one("#urge-strength", MoodSlider).focus()
            await pilot.press("8")
            await pilot.press("ctrl+s")
            assert re.search(r"\b1  urges ridden out\n", panel_text(app))
        (urge,) = Store.open(data_dir).urges()
        assert (urge.strength, urge.acted, urge.source) == (8, False, "app")

    async def test_logistics_contact_breaks_nothing(self, data_dir: Path) -> None:
        """Logistics is saved with its note and the day count stays as it was."""
        Store.open(data_dir).set_no_contact_start(days_ago(12))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await click_link(pilot, "logistics")
            assert isinstance(app.screen, LogisticsForm)
            app.screen.query_one("#logistics-note", Input).value = "school pickup times"
            await pilot.press("ctrl+s")
            assert "Day 12" in panel_text(app)
        (contact,) = Store.open(data_dir).logistics()
        assert contact.note == "school pickup times"

    async def test_reasons_are_written_and_kept(self, data_dir: Path) -> None:
        """ "Why I started" writes the reasons setting; escape leaves it as saved."""
        Store.open(data_dir).set_no_contact_start(days_ago(2))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await click_link(pilot, "reasons")
            assert isinstance(app.screen, ReasonsForm)
            await pilot.press(*"I want my peace back")
            await pilot.press("ctrl+s")
            await click_link(pilot, "reasons")
            await pilot.press(*" and more", "escape")
        assert Store.open(data_dir).setting("reasons") == "I want my peace back"


class TestMilestones:
    """A milestone is marked once, quietly, and remembered."""

    async def test_a_milestone_is_noted_once(self, data_dir: Path) -> None:
        """Day 7 brings one calm toast; the next visit brings none."""
        Store.open(data_dir).set_no_contact_start(days_ago(7))
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "A week of choosing yourself" in toasts(app)
            assert toasts(app).count("Day ") == 1
        seen = Store.open(data_dir).setting("milestones_seen")
        assert seen == [f"{days_ago(7).isoformat()}+{days}" for days in (1, 3, 7)]
        again = create_app(data_dir)
        async with again.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert "A week" not in toasts(again)


@pytest.fixture
def after_a_slip(data_dir: Path) -> Path:
    """Started 100 days ago, a slip 45 days ago, two urges ridden out since."""
    store = Store.open(data_dir)
    store.set_no_contact_start(days_ago(100))
    store.add_slip(Slip(at=now() - timedelta(days=45), they_reached_out=True, mood=3))
    for days in (30, 3):
        store.add(Urge(at=now() - timedelta(days=days), strength=6))
    seen_all_milestones(store)
    return data_dir


class TestLooks:
    """Snapshots of home with the tracker, and of the slip form."""

    def test_home_day_zero(self, snap_compare, data_dir: Path) -> None:
        """Started today: "Day 0", the first-day line, the next milestone, the five links."""
        Store.open(data_dir).set_no_contact_start(today())
        assert snap_compare(create_app(data_dir), terminal_size=SIZE)

    def test_home_day_45_after_a_slip(self, snap_compare, after_a_slip: Path) -> None:
        """Day 45 beside a longest run of 55 and 100 days in all, and the restart said kindly."""
        assert snap_compare(create_app(after_a_slip), terminal_size=SIZE)

    def test_slip_form(self, snap_compare, after_a_slip: Path) -> None:
        """The slip form: a few kind words, when, who, what happened, how it felt, a mood."""

        async def run_before(pilot) -> None:
            await pilot.pause()
            await click_link(pilot, "slip")
            pilot.app.screen.query_one("#slip-when", Input).cursor_blink = False

        assert snap_compare(create_app(after_a_slip), terminal_size=SIZE, run_before=run_before)
