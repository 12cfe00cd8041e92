"""The settings screen: reached from home and the palette, each change saved, the theme kept."""

from __future__ import annotations

import json
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Select

from tui.app import NoContactApp, create_app
from tui.screens.home import HomeScreen
from tui.screens.settings import SettingsScreen

SIZE = (100, 32)


def settings(data_dir: Path) -> dict[str, object]:
    path = data_dir / "profile.json"
    if not path.exists():
        return {}
    rows = json.loads(path.read_text(encoding="utf-8")).get("settings", {}).values()
    return {row["key"]: row["value"] for row in rows}


async def choose(pilot: Pilot[None], key: str, value: str) -> None:
    pilot.app.screen.query_one(f"#{key}", Select).value = value
    await pilot.pause()


async def test_s_on_home_and_the_palette_open_it_and_escape_closes_it(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Settings", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SettingsScreen)


async def test_each_change_is_saved_at_once(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, "country", "ca")
        await choose(pilot, "quiet", "on")
        await choose(pilot, "prompt", "mood")
        checkin = app.screen.query_one("#checkin", Input)
        checkin.value = "7:30"
        await checkin.action_submit()
        await pilot.pause()
        assert checkin.value == "07:30"
        assert settings(data_dir) == {
            "country": "ca",
            "quiet": True,
            "prompt": ["mood"],
            "checkin": "07:30",
        }
        # The prompt's status file follows at once.
        status = (data_dir / "prompt-status").read_text().split()
        assert status[1:6] == ["m", "-", "-", "-", "27000"]
        checkin.value = "half past seven"
        await checkin.action_submit()
        await pilot.pause()
        assert settings(data_dir)["checkin"] == "07:30"
        toasts = "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "takes a time of day such as 20:00, or off" in toasts


async def change_theme_in_the_palette(pilot: Pilot[None], name: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Colours", "enter")
    await pilot.pause(0.3)
    await pilot.press(*name, "enter")
    await pilot.pause(0.3)


async def test_a_theme_chosen_in_the_palette_is_kept_for_the_next_start(data_dir: Path) -> None:
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await change_theme_in_the_palette(pilot, "dracula")
        assert app.theme == "dracula"
    assert settings(data_dir)["theme"] == "dracula"
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "dracula"


async def test_a_theme_chosen_in_settings_is_applied_and_kept(data_dir: Path) -> None:
    app: NoContactApp = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await choose(pilot, "theme", "nord")
        await pilot.pause()
        assert app.theme == "nord"
    assert settings(data_dir) == {"theme": "nord"}


async def test_an_unknown_saved_theme_starts_in_the_default(data_dir: Path) -> None:
    profile = {"_schema": 1, "settings": {"1": {"key": "theme", "value": "neon"}}}
    data_dir.mkdir(mode=0o700)
    (data_dir / "profile.json").write_text(json.dumps(profile), encoding="utf-8")
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    assert settings(data_dir) == {"theme": "neon"}  # left as it was: nothing was chosen


async def test_escape_keeps_a_check_in_time_typed_but_not_entered(data_dir: Path) -> None:
    """A time typed into the check-in field and then escape: saved, as enter would have."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        field = app.screen.query_one("#checkin", Input)
        field.focus()
        field.value = ""
        await pilot.press(*"21:30", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert settings(data_dir)["checkin"] == "21:30"
