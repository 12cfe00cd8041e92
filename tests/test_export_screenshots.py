"""The screenshot script: its shots are well named, and it drives the real app into an SVG."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "export_screenshots.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("export_screenshots", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_every_screen_has_a_shot_with_its_own_name() -> None:
    """Home (empty and with data), each stage, help, the mood log, review and support."""
    names = [shot.name for shot in load_script().SHOTS]
    assert len(names) == len(set(names))
    expected = {"home", "home-empty", "help", "mood-log", "review", "support"}
    assert expected | {f"stage-{number}" for number in range(1, 6)} <= set(names)


def test_an_unknown_shot_is_refused() -> None:
    """Asking for a shot that does not exist exits 2 and writes nothing."""
    assert load_script().main(["no-such-shot"]) == 2


def test_a_shot_is_an_svg_of_the_real_app(tmp_path: Path, monkeypatch) -> None:
    """The help shot, taken into a temporary folder, holds the help screen's words."""
    script = load_script()
    monkeypatch.setattr(script, "OUT_DIR", tmp_path)
    [shot] = [shot for shot in script.SHOTS if shot.name == "help"]
    written = asyncio.run(script.take(shot, tmp_path / "data"))
    assert written == tmp_path / "help.svg"
    assert "How&#160;this&#160;works" in written.read_text()  # spaces are escaped in SVG
