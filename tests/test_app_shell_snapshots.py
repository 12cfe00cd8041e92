"""What home, help and the mood log look like at 100x32, empty and with a few weeks of data."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from tui.app import create_app
from tui.sample_data import fill_sample_history
from tui.store.store import Store

SIZE = (100, 32)
TALL = (100, 80)
"""Tall enough to show the whole help page without a scrollbar."""


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()


class TestHome:
    """Home, where every visit starts."""

    def test_empty(self, snap_compare, data_dir: Path) -> None:
        """A first visit: five stages not tried yet and an invitation to log a mood."""
        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=settle)

    def test_with_three_weeks_of_data(self, snap_compare, data_dir: Path) -> None:
        """After three weeks: progress per stage, the latest mood, the tracker and the card."""
        fill_sample_history(Store.open(data_dir))
        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=settle)


class TestHelp:
    """The help screen opened from home."""

    def test_from_home(self, snap_compare, data_dir: Path) -> None:
        """Home's keys and the app's keys, then how this works."""

        async def open_help(pilot: Pilot[None]) -> None:
            await pilot.press("question_mark")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=open_help)

    def test_the_care_section(self, snap_compare, data_dir: Path) -> None:
        """The whole page down to the care section: not therapy, where to turn about abuse.

        Tall enough that nothing scrolls: a scrollbar's thumb part way down is placed by
        float sums that Python 3.12 made exact, so it sat a row lower than on 3.11.
        """

        async def open_help(pilot: Pilot[None]) -> None:
            await pilot.press("f1")
            await pilot.pause()
            scroll = pilot.app.screen.query_one("#help-scroll")
            assert scroll.max_scroll_y == 0, "the page outgrew TALL: make it taller"

        assert snap_compare(create_app(data_dir), terminal_size=TALL, run_before=open_help)


class TestMoodLog:
    """The quick mood log over home."""

    def test_filled_in(self, snap_compare, data_dir: Path) -> None:
        """Mood 3 set by its digit, a note typed and one emotion ticked, its line shown."""

        async def fill(pilot: Pilot[None]) -> None:
            await pilot.press("m")
            await pilot.pause()
            await pilot.press("3", "tab", *"long day", "tab", "down", "space")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=fill)
