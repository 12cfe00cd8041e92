"""What the welcome, the settings, the plan and the week look like, at 100x32 and 80x24."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app import create_app
from tui.sample_data import fill_sample_history
from tui.store import setting_keys
from tui.store.records import Session
from tui.store.store import Store

SIZE = (100, 32)
SMALL = (80, 24)


@pytest.fixture(autouse=True)
def british(monkeypatch: pytest.MonkeyPatch) -> None:
    """A language setting that names a country, so the welcome's guess is the same anywhere."""
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")


def to_step(steps: int):
    """Go on `steps` steps into the welcome with Skip (the first with Next)."""

    async def drive(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for index in range(steps):
            await pilot.click("#next" if index == 0 else "#skip")
            await pilot.pause()

    return drive


class TestWelcome:
    """The first-run welcome, over an empty journal."""

    def test_what_no_contact_is(self, snap_compare, data_dir: Path) -> None:
        """What it is and is not, not therapy, and no safety plan where there is abuse."""
        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=to_step(0))

    def test_where_you_are(self, snap_compare, data_dir: Path) -> None:
        """The country guessed from the language setting, for the person to confirm."""
        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=to_step(1))

    def test_your_first_day(self, snap_compare, data_dir: Path) -> None:
        """Today, a day that has passed, or one to come, with the day typed."""

        async def drive(pilot: Pilot[None]) -> None:
            await to_step(2)(pilot)
            await pilot.click("#start-later")
            await pilot.pause()

        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=drive)

    def test_day_counts(self, snap_compare, data_dir: Path) -> None:
        """Quiet mode offered, and Done in place of Next on the last step."""
        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=to_step(3))

    def test_what_no_contact_is_at_80x24(self, snap_compare, data_dir: Path) -> None:
        """The longest step fits a small terminal, its buttons in view."""
        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SMALL, run_before=to_step(0))


async def open_settings(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()


class TestSettings:
    def test_the_settings_screen(self, snap_compare, data_dir: Path) -> None:
        """Each setting with its value and what it means."""
        store = Store.open(data_dir)
        store.set_setting(setting_keys.COUNTRY, "uk")
        store.set_setting(setting_keys.CHECKIN, "21:00")
        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=open_settings)

    def test_the_settings_screen_at_80x24(self, snap_compare, data_dir: Path) -> None:
        """The same at 80x24, scrolled as needed."""
        assert snap_compare(create_app(data_dir), terminal_size=SMALL, run_before=open_settings)


def add_plan(store: Store, day: str) -> None:
    saved = datetime(2026, 11, 20, 21, tzinfo=UTC)
    store.add(
        Session(
            stage=1,
            started_at=saved,
            saved_at=saved,
            mood_before=4,
            mood_after=6,
            answers={"pick_what": "Swimming, early", "pick_day": day},
        )
    )


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()


class TestHome:
    def test_with_the_plan_card(self, snap_compare, data_dir: Path) -> None:
        """Stage 1's plan for Wednesday, two days ahead, beside the latest mood."""
        store = Store.open(data_dir)
        fill_sample_history(store)
        add_plan(store, "2026-11-25")
        store.set_setting(setting_keys.WEEK_SEEN, "2026-11-16")
        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=settle)

    def test_with_the_week_looked_back_on(self, snap_compare, data_dir: Path) -> None:
        """Monday evening, the first visit since the week ended: the week in a few lines."""
        fill_sample_history(Store.open(data_dir))
        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=settle)

    def test_with_the_week_looked_back_on_at_80x24(self, snap_compare, data_dir: Path) -> None:
        """The same at 80x24."""
        fill_sample_history(Store.open(data_dir))
        assert snap_compare(create_app(data_dir), terminal_size=SMALL, run_before=settle)

    def test_the_plan_asked_about(self, snap_compare, data_dir: Path) -> None:
        """Opened after the plan's day: did it happen? Any answer is fine, and it says so."""
        store = Store.open(data_dir)
        store.set_no_contact_start(datetime(2026, 11, 1).date())
        add_plan(store, "2026-11-21")
        store.set_setting(setting_keys.WEEK_SEEN, "2026-11-16")
        app = create_app(data_dir, greet=True)
        assert snap_compare(app, terminal_size=SIZE, run_before=settle)
