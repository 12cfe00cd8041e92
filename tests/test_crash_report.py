"""A crash inside the app says what happened in one line, and never shows what was written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SECRET = "I still think about the night at the lake"

CRASHING_APP = f"""
import sys
from tui.app import NoContactApp
from tui.store.store import Store

class BrokenStore(Store):
    def overview(self):
        note = {SECRET!r}
        raise RuntimeError("the summary could not be read")

store = BrokenStore.open(sys.argv[1])
app = NoContactApp(store=store, debug=sys.argv[2] == "debug")
app.run(headless=True)
sys.exit(app.return_code)
"""


def crash(data_dir: Path, mode: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(data_dir), mode],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_crash_is_one_calm_line_without_the_persons_words(data_dir: Path) -> None:
    """Without --debug: exit 1, one sentence naming the error, no traceback, no locals."""
    done = crash(data_dir, "quiet")
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "the app stopped on an unexpected error (RuntimeError)" in output
    assert "Traceback" not in output
    assert SECRET not in output


def test_debug_shows_the_traceback_but_still_no_locals(data_dir: Path) -> None:
    """With --debug: the traceback says where it failed, and local variables stay hidden."""
    done = crash(data_dir, "debug")
    output = done.stdout + done.stderr
    assert done.returncode == 1
    assert "RuntimeError" in output and "the summary could not be read" in output
    assert "overview" in output
    assert SECRET not in output
