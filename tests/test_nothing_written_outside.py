"""Nothing is written outside the data dir, and a trial folder says it is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import NoContactApp, create_app
from tui.trial import TRIAL_SUBTITLE, TRIAL_VARIABLE

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


async def test_a_trial_folder_says_so_at_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on the folder `make run` made, the app says it is a trial that is not kept."""
    data_dir.mkdir(parents=True)
    monkeypatch.setenv(TRIAL_VARIABLE, str(data_dir))
    app = create_app(data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "trial folder" in toasts and "will not be kept" in toasts
        assert app.sub_title == TRIAL_SUBTITLE


async def test_a_real_journal_is_never_called_a_trial(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The trial mark names one folder: another folder, or none at all, is not a trial."""
    for marked in (str(tmp_path / "some-other-folder"), ""):
        monkeypatch.setenv(TRIAL_VARIABLE, marked)
        app = create_app(data_dir)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
            assert "trial" not in toasts and app.sub_title == ""
