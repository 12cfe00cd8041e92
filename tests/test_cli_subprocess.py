"""The command line as a shell runs it: exit codes, stderr without tracebacks, no Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

QUICK_COMMANDS = """
import sys
from tui.cli import main

for argv in (
    ["log", "5", "a note", "--tag", "tired", "--at", "yesterday 21:00"],
    ["status", "--short"],
    ["status"],
    ["history"],
    ["history", "--json"],
    ["urge", "4"],
    ["slip", "--at", "3 days ago"],
    ["start", "2 weeks ago"],
    ["export", "--format", "md"],
    ["export", "--format", "csv"],
    ["export"],
):
    assert main(argv) == 0, argv
    loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
    assert not loaded, (argv, loaded)
print("no textual")
"""


def nocontact(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *argv], capture_output=True, text=True, timeout=60
    )


def test_quick_commands_never_import_textual() -> None:
    done = subprocess.run(
        [sys.executable, "-c", QUICK_COMMANDS], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("no textual\n")


def test_bad_input_exits_2_with_one_line_and_no_traceback(data_dir: Path) -> None:
    done = nocontact("log", "11", "too", "much")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == "nocontact: The mood must be from 0 to 10, not 11.\n"
    done = nocontact("slip", "--at", "tomorrow")
    assert done.returncode == 2
    assert done.stderr.startswith("nocontact: A slip cannot be in the future")
    assert not data_dir.exists() or not any(data_dir.rglob("*.json"))


def test_a_failure_exits_1_with_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    done = nocontact("--data-dir", str(blocker), "log", "6")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("nocontact: ")
    assert done.stderr.count("\n") == 1


def test_a_good_log_prints_one_line_and_exit_0() -> None:
    done = nocontact("log", "8", "lighter today")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Logged mood 8 (Lighter) for today 20:15.\n"
