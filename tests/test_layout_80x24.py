"""At 80x24, the smallest terminal the app is made for: nothing cut, no value wrapped.

Snapshots of home (with a start day, a letter and the boundaries card), a stage, the mood
log and the support panel, beside the 100x32 ones; and checks that hold whatever the
theme: every footer key shows whole, the tracker's rows and links keep to one line.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tui.app import NoContactApp, create_app
from tui.clock import now
from tui.content.tracker import ACTIONS, load_tracker_text
from tui.sample_data import fill_sample_history
from tui.screens.dialog import ESCAPE_KEEPS
from tui.store.records import Slip
from tui.store.store import Store
from tui.widgets.action_links import MARK, ActionLinks

SMALL = (80, 24)


def three_weeks(data_dir: Path) -> Path:
    """The sample history: a start day 20 days ago, a slip-free run, a card and letters."""
    fill_sample_history(Store.open(data_dir))
    return data_dir


def footer_labels(app: NoContactApp) -> dict[str, tuple[int, int]]:
    """Each footer key's description, with its right edge and the screen's width."""
    return {
        key.description: (key.region.right, app.size.width)
        for key in app.screen.query(FooterKey)
        if key.region
    }


def assert_footer_whole(app: NoContactApp, *descriptions: str) -> None:
    shown = footer_labels(app)
    for description in descriptions:
        assert description in shown, (description, sorted(shown))
        right, width = shown[description]
        assert right <= width, (description, right, width)


class TestNothingCut:
    """What an 80x24 terminal used to cut or wrap."""

    async def test_home_footer_keeps_support_whole(self, data_dir: Path) -> None:
        """It read "f2 Suppor" at 80 columns."""
        app = create_app(three_weeks(data_dir))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert_footer_whole(app, "Open stage", "History", "Quit", "Help", "Log mood")
            assert_footer_whole(app, "Support")

    async def test_stage_footer_keeps_help_mood_and_support(self, data_dir: Path) -> None:
        """A stage's footer dropped "? Help", "m Log mood" and "f2 Support"."""
        app = create_app(data_dir)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.press("3")
            await pilot.pause()
            assert_footer_whole(app, "Save", ESCAPE_KEEPS)
            assert_footer_whole(app, "Help", "Log mood", "Support")

    async def test_tracker_rows_and_links_keep_to_one_line(self, data_dir: Path) -> None:
        """ "Longest run 20" / "days" wrapped; "Contact happened" was cut to "Contact"."""
        store = Store.open(three_weeks(data_dir))
        # A slip makes the panel show the longest run and the total as well.
        store.add_slip(Slip(at=now() - timedelta(days=5)))
        app = create_app(data_dir)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            counts = app.screen.query_one("#tracker-counts", Static)
            rows = str(counts.render()).split("\n")
            assert len(rows) == 3 and counts.region.height == 3, rows
            links = app.screen.query_one("#tracker-links", ActionLinks)
            labels = [load_tracker_text().actions[action] for action in ACTIONS]
            assert links.region.height == len(labels)
            assert links.content_region.width >= max(len(MARK + label) for label in labels)
            assert app.screen.query_one("#letter").display
            assert app.screen.query_one("#boundaries").display


async def settle(pilot: Pilot[None]) -> None:
    await pilot.pause()


class TestLooks:
    """Snapshots at 80x24, beside the 100x32 ones."""

    def test_home(self, snap_compare, data_dir: Path) -> None:
        """Home with a start day (day 20, no milestone toast), a waiting letter and the card."""
        app = create_app(three_weeks(data_dir))
        assert snap_compare(app, terminal_size=SMALL, run_before=settle)

    def test_a_stage(self, snap_compare, data_dir: Path) -> None:
        """Stage 3's first step: the mood slider, the urge slider and the whole footer."""

        async def open_stage(pilot: Pilot[None]) -> None:
            await pilot.press("3")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SMALL, run_before=open_stage)

    def test_mood_log(self, snap_compare, data_dir: Path) -> None:
        """The quick mood log, filled in, fits the screen with its buttons."""

        async def fill(pilot: Pilot[None]) -> None:
            await pilot.press("m")
            await pilot.pause()
            await pilot.press("3", "tab", *"long day")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SMALL, run_before=fill)

    def test_support(self, snap_compare, data_dir: Path) -> None:
        """The support panel for the UK: hours and costs under each line."""
        Store.open(data_dir).set_setting("country", "uk")

        async def open_support(pilot: Pilot[None]) -> None:
            await pilot.press("f2")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SMALL, run_before=open_support)
