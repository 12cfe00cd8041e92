"""Class 11: the supported systems are named, and any other says so instead of misbehaving."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_names_the_supported_systems_and_no_windows_folder() -> None:
    """Linux and macOS, tested on Linux; no Windows data folder promised."""
    text = README.read_text(encoding="utf-8")
    assert "Linux and macOS are supported" in text
    assert "tested on Linux" in text
    assert "LOCALAPPDATA" not in text and "on Windows;" not in text


def test_a_system_without_fcntl_locks_says_so_and_writes_nothing(tmp_path: Path) -> None:
    """Where fcntl does not exist (Windows), a command says in one line that the system is
    not supported, and writes no record (no unlocked write could lose another window's)."""
    data_dir = tmp_path / "data"
    code = (
        "import sys; sys.modules['fcntl'] = None\n"
        "from tui.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, "--data-dir", str(data_dir), "log", "6", "a quiet night"],
        capture_output=True,
        text=True,
        env={**os.environ, "NOCONTACT_NOW": "2026-11-23T20:15:00+00:00"},
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.endswith(
        "No Contact Coach runs on Linux and macOS; this system cannot lock the data folder.\n"
    )
    assert done.stderr.count("\n") == 1
    assert not (data_dir / "moods").exists()
