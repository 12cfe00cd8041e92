"""What has helped before, where an urge is met: stage 3, the urge form, support, the plan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from insight_history import urge_session
from textual.pilot import Pilot
from textual.widgets import SelectionList, Static, TextArea

from tui.app import NoContactApp, create_app
from tui.content.tracker import load_tracker_text
from tui.screens.helped_chooser import HelpedChooser
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.tracker_actions import UrgeForm
from tui.store.store import Store
from tui.widgets.helped_list import HelpedList
from tui.widgets.urge_timer import UrgeTimer

SIZE = (100, 32)
SISTER = "Called my sister: the urge fell from 7 to 3, 4 times."
SAM = "Texted Sam: the urge fell from 8 to 5, 2 times."
OLD = "An old habit: the urge fell from 9 to 0, 9 times."


def fill(store: Store) -> None:
    """Their own words over the last year, and one thing from long ago that is not shown."""
    store.add_many(
        [
            *(urge_session(day, "Called my sister.", 7, 3) for day in range(1, 5)),
            *(urge_session(day, "Texted Sam", 8, 5) for day in range(5, 7)),
            urge_session(8, "Scrolled their photos", 5, 6),
            *(urge_session(400 + day, "An old habit", 9, 0) for day in range(9)),
        ]
    )


def shown(pilot: Pilot[Any]) -> str:
    """What the screen's HelpedList says, or "" while it is hidden."""
    found = pilot.app.screen.query_one(HelpedList)
    return str(found.content) if found.display else ""


async def settled(pilot: Pilot[Any]) -> None:
    """Once what has helped is read. Only those readers are awaited: the plan's ctrl+o is
    itself a worker, waiting on the chooser, so waiting for every worker would never end."""
    while any(worker.group == "helped" and worker.is_running for worker in pilot.app.workers):
        await pilot.pause(0.01)
    await pilot.pause()


async def ride_it_out(pilot: Pilot[Any]) -> None:
    """Stage 3 from home, on to step 4 where the timer is."""
    await pilot.press("3")
    await pilot.pause()
    for _ in range(3):
        await pilot.press("ctrl+n")
        await pilot.pause()
    await settled(pilot)
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # type: ignore[attr-defined]
    pilot.app.screen.query_one(UrgeTimer).live = False


async def test_stage3_shows_what_helped_beside_the_timer(data_dir: Path) -> None:
    """The last year's own words, best first; what never helped and what is older, not."""
    fill(Store.open(data_dir))
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ride_it_out(pilot)
        said = shown(pilot)
        assert said.splitlines() == ["What has helped you before:", f"· {SISTER}", f"· {SAM}"]
        step = pilot.app.screen.query_one("#step-3")
        assert pilot.app.screen.query_one(HelpedList) in step.query(HelpedList)


async def test_stage3_with_nothing_yet_says_where_it_will_come_from(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await ride_it_out(pilot)
        assert shown(pilot).splitlines() == [
            "What has helped you before:",
            "When you write what you could do instead, and the urge falls, it will show here "
            "the next time.",
        ]


async def test_the_urge_form_shows_it_after_the_reasons(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.set_setting("reasons", "My evenings back.")
    fill(store)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UrgeForm(app.store, load_tracker_text()))
        await settled(pilot)
        assert shown(pilot).splitlines()[1:] == [f"· {SISTER}", f"· {SAM}"]
        body = [widget.id for widget in pilot.app.screen.query_one("#dialog-body").children]
        assert body.index("urge-reasons") < body.index("urge-helped")


async def test_the_urge_form_without_anything_that_helped_stays_as_it_was(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(UrgeForm(app.store, load_tracker_text()))
        await settled(pilot)
        assert shown(pilot) == ""


async def test_the_support_panel_shows_it_under_the_plan(data_dir: Path) -> None:
    fill(Store.open(data_dir))
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settled(pilot)
        assert shown(pilot).splitlines() == [
            "What has helped you before:",
            f"· {SISTER}",
            f"· {SAM}",
        ]


async def test_the_support_panel_without_it_shows_nothing_in_its_place(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settled(pilot)
        assert shown(pilot) == ""


def saved_plan(data_dir: Path) -> object:
    path = data_dir / "profile.json"
    if not path.exists():
        return None
    documents = json.loads(path.read_text())["settings"].values()
    return next((d["value"] for d in documents if d["key"] == "safety_plan"), None)


async def open_plan(pilot: Pilot[Any]) -> SafetyPlanScreen:
    await pilot.press("f2", "e")
    await pilot.pause()
    plan = pilot.app.screen
    assert isinstance(plan, SafetyPlanScreen)
    return plan


async def test_the_plan_takes_only_what_the_person_ticks_and_saves_only_on_save(
    data_dir: Path,
) -> None:
    """ctrl+o offers what helped; one ticked and added goes into "What helps me" as their
    own words; nothing is on disk until the plan is saved."""
    store = Store.open(data_dir)
    fill(store)
    store.set_setting("safety_plan", {"what_helps": "A hot bath."})
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        plan = await open_plan(pilot)
        await pilot.press("ctrl+o")
        await settled(pilot)
        chooser = app.screen
        assert isinstance(chooser, HelpedChooser)
        choices = chooser.query_one(SelectionList)
        offered = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert offered[:3] == [OLD, SISTER, SAM]  # the plan looks at all of history
        await pilot.press("down", "down", "down", "space", "ctrl+s")  # Texted Sam only
        await pilot.pause()
        assert app.screen is plan
        helps = plan.query_one("#plan-what_helps", TextArea)
        assert helps.text == "A hot bath.\nTexted Sam"
        assert saved_plan(data_dir) == {"what_helps": "A hot bath."}
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert saved_plan(data_dir) == {
        "warning_signs": "",
        "what_helps": "A hot bath.\nTexted Sam",
        "people": "",
    }


async def test_closing_the_offer_adds_nothing_and_what_is_in_is_not_offered(
    data_dir: Path,
) -> None:
    store = Store.open(data_dir)
    fill(store)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        plan = await open_plan(pilot)
        helps = plan.query_one("#plan-what_helps", TextArea)
        await pilot.press("ctrl+o")
        await settled(pilot)
        await pilot.press("space", "escape")
        await pilot.pause()
        assert app.screen is plan and helps.text == ""
        helps.text = "called my sister\ntexted sam"
        await pilot.press("ctrl+o")
        await settled(pilot)
        choices = app.screen.query_one(SelectionList)
        offered = [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)]
        assert SISTER not in offered and SAM not in offered


async def test_with_nothing_that_helped_the_offer_says_so(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await open_plan(pilot)
        await pilot.press("ctrl+o")
        await settled(pilot)
        status = app.screen.query_one("#helped-status", Static)
        assert str(status.content).startswith("Nothing stands out yet.")
        assert not app.screen.query_one(SelectionList).display


class TestLooks:
    @pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["100x32", "80x24"])
    def test_stage3_beside_the_timer(
        self, snap_compare: Callable[..., bool], data_dir: Path, size: tuple[int, int]
    ) -> None:
        """Step 4 of stage 3: the timer, and under it what has helped before."""
        fill(Store.open(data_dir))
        app = NoContactApp(Store.open(data_dir))
        assert snap_compare(app, terminal_size=size, run_before=ride_it_out)

    def test_the_urge_form(self, snap_compare: Callable[..., bool], data_dir: Path) -> None:
        """The urge form: their reasons, then what has helped before, then the urge."""
        store = Store.open(data_dir)
        store.set_setting("reasons", "I want my evenings back.")
        fill(store)

        async def open_form(pilot: Pilot[Any]) -> None:
            pilot.app.push_screen(UrgeForm(pilot.app.store, load_tracker_text()))
            await settled(pilot)

        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=open_form)

    def test_the_offer_in_the_safety_plan(
        self, snap_compare: Callable[..., bool], data_dir: Path
    ) -> None:
        """ctrl+o in the plan: what has helped, one ticked, ready to add."""
        fill(Store.open(data_dir))

        async def offer(pilot: Pilot[Any]) -> None:
            await open_plan(pilot)
            await pilot.press("ctrl+o")
            await settled(pilot)
            await pilot.press("space")
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=SIZE, run_before=offer)
