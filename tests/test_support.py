"""Care: the support panel by country, the safety plan, the blank screen, the gentle offers."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from textual.widgets import Select, Static, TextArea

from tui.app import NoContactApp, create_app
from tui.cli import main
from tui.content.loader import ContentError, load_json
from tui.content.support import ANYWHERE, load_support, parse_support
from tui.content.tracker import load_tracker_text
from tui.screens.blank import BlankScreen
from tui.screens.home import HomeScreen
from tui.screens.safety_plan import SafetyPlanScreen
from tui.screens.support import SupportScreen
from tui.screens.tracker_actions import ReasonsForm
from tui.store.store import Store

SIZE = (100, 32)
PLAN = {
    "warning_signs": "Scrolling old photos after midnight.",
    "what_helps": "A hot shower, then a walk round the block.",
    "people": "Sam 07700 900123, then my sister.",
}


def shown(app: NoContactApp) -> str:
    """Every line the current screen shows in its Static widgets (labels and buttons too)."""
    return "\n".join(str(widget.render()) for widget in app.screen.query(Static))


def toasts(app: NoContactApp) -> str:
    """The text of every notification laid out on screen."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast") if toast.region)


class TestContent:
    """The lines in data/support.json: real numbers, by country, with a fallback."""

    def test_the_required_lines_are_there(self) -> None:
        """988 in the US and Canada, Samaritans in the UK and Ireland, Lifeline in Australia."""
        support = load_support()
        assert "988" in support.country("us").lines[0].contact
        assert support.country("us").emergency == "911"
        assert "116 123" in support.country("uk").lines[0].contact
        assert "116 123" in support.country("ie").lines[0].contact
        assert "988" in support.country("ca").lines[0].contact
        assert "13 11 14" in support.country("au").lines[0].contact
        assert support.country("au").emergency == "000"

    def test_specialist_help_for_abuse_and_stalking(self) -> None:
        """Every country has somewhere to turn where abuse or stalking is the issue."""
        support = load_support()
        contacts = {c.code: " ".join(x.contact for x in c.abuse_lines) for c in support.countries}
        assert "1-800-799-7233" in contacts["us"]
        assert "0808 2000 247" in contacts["uk"]
        assert "1800 737 732" in contacts["au"]
        assert all(contacts.values())

    def test_an_unknown_country_falls_back_to_anywhere(self) -> None:
        """A saved code that no longer exists shows the "anywhere" lines, not an error."""
        support = load_support()
        assert support.country("atlantis").code == ANYWHERE
        assert support.country(None).code == ANYWHERE
        contacts = " ".join(line.contact for line in support.country(None).lines)
        assert "112" in contacts and "findahelpline.com" in contacts


class TestSupportPanel:
    """F2 from anywhere opens the panel, with the person's country and plan."""

    async def test_f2_on_home_shows_the_lines_for_the_country(self, data_dir: Path) -> None:
        """With the country set to the US, the panel shows 911, 988 and the DV hotline."""
        Store.open(data_dir).set_setting("country", "us")
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2")
            assert isinstance(app.screen, SupportScreen)
            text = shown(app)
            assert "911" in text and "Call or text 988" in text
            assert "1-800-799-7233" in text
            assert "talk to someone you trust" in text.lower()
            assert "not therapy" in text

    async def test_changing_the_country_saves_it_and_changes_the_lines(
        self, data_dir: Path
    ) -> None:
        """Opened from the palette, choosing the UK saves it and shows Samaritans and 999."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+p", *"Support", "enter")
            await pilot.pause()
            assert isinstance(app.screen, SupportScreen)
            assert "findahelpline.com" in shown(app)
            app.screen.query_one("#country", Select).value = "uk"
            await pilot.pause()
            text = shown(app)
            assert "116 123" in text and "999 or 112" in text
            assert "0808 2000 247" in text
        assert Store.open(data_dir).setting("country") == "uk"

    async def test_f2_works_from_inside_a_text_field(self, data_dir: Path) -> None:
        """Typing in a form, F2 still opens support; escape goes back to the form as it was."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(ReasonsForm(app.store, load_tracker_text()))
            await pilot.pause()
            assert isinstance(app.focused, TextArea)
            await pilot.press("h", "i", "f2")
            assert isinstance(app.screen, SupportScreen)
            await pilot.press("f2")
            assert len([s for s in app.screen_stack if isinstance(s, SupportScreen)]) == 1
            await pilot.press("escape")
            assert isinstance(app.screen, ReasonsForm)
            assert app.screen.query_one(TextArea).text == "hi"


class TestSafetyPlan:
    """The person's own plan: written in the editor, kept in the store, shown in the panel."""

    async def test_writing_the_plan_saves_it_and_shows_it(self, data_dir: Path) -> None:
        """Three fields typed and saved land in profile.json and appear in the panel."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2")
            assert "not written a safety plan" in shown(app)
            await pilot.click("#edit-plan")
            assert isinstance(app.screen, SafetyPlanScreen)
            for key, text in PLAN.items():
                app.screen.query_one(f"#plan-{key}", TextArea).text = text
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, SupportScreen)
            text = shown(app)
            assert PLAN["what_helps"] in text and PLAN["people"] in text
        assert Store.open(data_dir).setting("safety_plan") == PLAN

    async def test_escape_keeps_a_draft_and_saves_nothing(self, data_dir: Path) -> None:
        """Escape keeps what was written as a draft, as every dialog does; only Save saves.

        The support panel still shows no plan; the editor opened again has the words back.
        """
        app = create_app(data_dir)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(SafetyPlanScreen(app.store, load_support()))
            await pilot.pause()
            await pilot.press(*"Not sleeping", "escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert Store.open(data_dir).setting("safety_plan") is None
            await pilot.press("f2")
            assert "not written a safety plan" in shown(app)
            await pilot.click("#edit-plan")
            await pilot.pause()
            assert isinstance(app.screen, SafetyPlanScreen)
            assert app.screen.query_one("#plan-warning_signs", TextArea).text == "Not sleeping"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, SupportScreen)
            assert "Not sleeping" in shown(app)
        fresh = Store.open(data_dir)
        assert fresh.setting("safety_plan")["warning_signs"] == "Not sleeping"
        assert fresh.form_draft("safety_plan") is None


class TestBlankScreen:
    """F12 hides everything at once and brings it back, from anywhere."""

    async def test_f12_from_a_text_field_blanks_and_restores(self, data_dir: Path) -> None:
        """Mid-sentence in a form, F12 shows only a prompt; F12 again returns to the sentence."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            app.notify("Something private")
            app.push_screen(ReasonsForm(app.store, load_tracker_text()))
            await pilot.pause()
            await pilot.press(*"because", "f12")
            assert isinstance(app.screen, BlankScreen)
            assert shown(app).strip() == "$"
            assert toasts(app) == ""
            app.notify("A milestone while blanked")
            await pilot.pause()
            assert toasts(app) == ""
            await pilot.press("m", "f2", "question_mark", "ctrl+p", "x")
            assert isinstance(app.screen, BlankScreen)
            await pilot.press("f12")
            assert isinstance(app.screen, ReasonsForm)
            assert app.screen.query_one(TextArea).text == "because"
            await pilot.press("ctrl+p")
            assert app.screen.id == "--command-palette"


class TestOffers:
    """A low mood brings a quiet word that support is near; nothing is pushed in the way."""

    async def test_a_low_mood_log_offers_support(self, data_dir: Path) -> None:
        """A mood of 3 brings no offer; a mood of 2 does, as a notification; home stays in front."""
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.press("m", "3", "ctrl+s")
            await pilot.pause()
            assert "press F2" not in toasts(app)
            await pilot.press("m", "2", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert "press F2" in toasts(app)


@pytest.fixture
def store_with_plan(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    store.set_setting("country", "uk")
    store.set_setting("safety_plan", PLAN)
    return store


class TestLooks:
    """Snapshots of the care screens at 100x32."""

    def test_support_panel(self, snap_compare, store_with_plan: Store) -> None:
        """The panel for the UK: 999/112 in the first sentence, Samaritans, the person's plan."""

        async def run_before(pilot) -> None:
            await pilot.press("f2")

        assert snap_compare(
            create_app(store_with_plan.root), terminal_size=SIZE, run_before=run_before
        )

    def test_safety_plan_editor(self, snap_compare, store_with_plan: Store) -> None:
        """The editor holding a plan: three labelled fields, hints, and Save."""

        async def run_before(pilot) -> None:
            await pilot.press("f2", "e")
            for area in pilot.app.screen.query(TextArea):
                area.cursor_blink = False

        assert snap_compare(
            create_app(store_with_plan.root), terminal_size=SIZE, run_before=run_before
        )

    def test_blank_screen(self, snap_compare, store_with_plan: Store) -> None:
        """After F12 only an idle prompt shows: no title, no footer, no words of the app."""

        async def run_before(pilot) -> None:
            await pilot.press("f12")

        assert snap_compare(
            create_app(store_with_plan.root), terminal_size=SIZE, run_before=run_before
        )


def test_the_safety_plan_is_exported(data_dir: Path, tmp_path: Path) -> None:
    """`nocontact export --format json` carries the plan and the country with the settings."""
    store = Store.open(data_dir)
    store.set_setting("safety_plan", PLAN)
    store.set_setting("country", "ie")
    target = tmp_path / "export.json"
    assert main(["export", "--format", "json", "-o", str(target)]) == 0
    settings = json.loads(target.read_text())["settings"]
    assert settings["safety_plan"] == PLAN
    assert settings["country"] == "ie"


@pytest.mark.parametrize(
    ("field", "placeholder"),
    [("danger", "{emergency}"), ("offer_low_mood_shell", "{lines}")],
)
def test_a_sentence_without_its_placeholder_is_refused(field: str, placeholder: str) -> None:
    """support.json's fill-in sentences must keep their slot, or the number would be lost."""
    data = copy.deepcopy(load_json("support.json"))
    data[field] = data[field].replace(placeholder, "")
    with pytest.raises(ContentError, match=f"field '{field}' needs"):
        parse_support(data)
