"""Nothing is written outside the data dir: the palette takes no screenshot."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import NoContactApp, create_app

SIZE = (100, 32)


def files_under(*roots: Path) -> set[Path]:
    return {path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()}


async def test_the_palette_offers_no_screenshot_and_nothing_lands_on_disk(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The palette has no "Screenshot"; searching for it and pressing enter writes no file
    anywhere (not in ~/Downloads, not in the folder the app was started from)."""
    workdir = tmp_path / "started-here"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Quit" in titles
        before = files_under(home, workdir, data_dir)
        await pilot.press("ctrl+p", *"Screenshot", "enter")
        await pilot.pause(0.5)
        assert files_under(home, workdir, data_dir) == before
    assert not any(path.suffix == ".svg" for path in files_under(tmp_path))


def test_no_key_takes_a_screenshot() -> None:
    """No binding of the app reaches Textual's screenshot action."""
    for cls in NoContactApp.__mro__:
        for binding in getattr(cls, "BINDINGS", []):
            action = binding.action if hasattr(binding, "action") else binding[1]
            assert "screenshot" not in action, cls
