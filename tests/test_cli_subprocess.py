"""The command line as a shell runs it: exit codes, stderr without tracebacks, no Textual."""

from __future__ import annotations

import shlex
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
    assert done.stdout == "Logged mood 8 (Lighter) for today at 20:15.\n"


def test_a_reader_that_stops_early_is_no_failure(data_dir: Path) -> None:
    """`nocontact history --json | head`: no error line, exit 0, records untouched."""
    from datetime import UTC, datetime, timedelta

    from tui.store.records import MoodLog
    from tui.store.store import Store

    start = datetime(2026, 11, 1, tzinfo=UTC)
    logs = [
        MoodLog(at=start + timedelta(hours=n), mood=n % 11, note="a note " * 40) for n in range(400)
    ]
    Store.open(data_dir).add_many(logs)
    script = (
        f"{shlex.quote(sys.executable)} -m tui history --json | head -c 10; "
        'status=("${PIPESTATUS[@]}"); echo; echo "rc=${status[0]}"'
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60)
    assert done.stderr == ""
    assert done.stdout.startswith("[\n  {\n")
    assert done.stdout.rstrip().endswith("rc=0")
    assert len(Store.open(data_dir).moods()) == 400
