"""`start` and `restore` change what exists only when asked, say what changes, and can be undone."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.cli import main
from tui.store.store import Store


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


class TestStart:
    """A start day already set moves only with --change, stays on record, and comes back."""

    def test_a_second_start_is_refused_without_change(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert run(capsys, "start", "2026-11-01")[0] == 0
        code, out, err = run(capsys, "start", "2026-11-10")
        assert (code, out) == (2, "")
        assert err == (
            "nocontact: Your start day is already Sun 1 Nov; to change it, add --change "
            "(the earlier day is kept, and `nocontact start --undo` puts it back).\n"
        )
        assert Store.open(data_dir).no_contact_start() == date(2026, 11, 1)

    def test_start_without_a_day_never_moves_a_set_one_silently(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "start", "2026-11-01")
        assert run(capsys, "start")[0] == 2
        assert Store.open(data_dir).no_contact_start() == date(2026, 11, 1)

    def test_change_keeps_the_earlier_day_and_undo_puts_it_back(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "start", "2026-11-01")
        code, out, _ = run(capsys, "start", "2026-11-10", "--change")
        assert code == 0
        assert out.startswith("The start moved from Sun 1 Nov to Tue 10 Nov;")
        store = Store.open(data_dir)
        assert store.no_contact_start() == date(2026, 11, 10)
        assert [day for day, _ in store.start_history()] == [date(2026, 11, 1)]
        code, out, _ = run(capsys, "start", "--undo")
        assert code == 0
        assert out.startswith("The start is Sun 1 Nov again (it was Tue 10 Nov")
        store = Store.open(data_dir)
        assert store.no_contact_start() == date(2026, 11, 1)
        assert [day for day, _ in store.start_history()] == [date(2026, 11, 10)]

    def test_undo_with_nothing_changed_is_a_usage_error(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "start", "2026-11-01")
        code, _, err = run(capsys, "start", "--undo")
        assert code == 2
        assert "nothing to undo" in err

    def test_the_same_day_again_changes_nothing(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "start", "2026-11-01")
        code, out, _ = run(capsys, "start", "2026-11-01")
        assert code == 0 and out == "Your start day is already Sun 1 Nov; nothing changed.\n"
        assert Store.open(data_dir).start_history() == []

    def test_the_history_of_start_days_round_trips_through_export(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        run(capsys, "start", "2026-10-01")
        run(capsys, "start", "2026-11-01", "--change")
        first = tmp_path / "first.json"
        assert run(capsys, "export", "-o", str(first))[0] == 0
        other = tmp_path / "other"
        assert run(capsys, "--data-dir", str(other), "import", str(first))[0] == 0
        second = tmp_path / "second.json"
        assert run(capsys, "--data-dir", str(other), "export", "-o", str(second))[0] == 0
        exported = [json.loads(path.read_text()) for path in (first, second)]
        for document in exported:
            document.pop("exported_at")
        assert exported[0] == exported[1]
        assert [entry["date"] for entry in exported[0]["start_history"]] == ["2026-10-01"]


def _three_days_of_moods(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Moods logged on the 20th, 21st and 22nd: backups of the 21st's and 22nd's start."""
    for day, count in ((20, 1), (21, 2), (22, 3)):
        os.environ["NOCONTACT_NOW"] = f"2026-11-{day}T09:00:00+00:00"
        for _ in range(count):
            run(capsys, "log", "5", f"on the {day}th")
    os.environ["NOCONTACT_NOW"] = "2026-11-23T20:15:00+00:00"


class TestRestore:
    """restore lists, shows what it will replace, asks or takes --yes, and undoes."""

    def test_list_shows_the_backups(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _three_days_of_moods(data_dir, capsys)
        code, out, _ = run(capsys, "restore", "--list")
        assert code == 0
        assert "moods/2026-11.json: Sun 22 Nov 2026, Sat 21 Nov 2026" in out

    def test_without_a_terminal_or_yes_nothing_changes(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _three_days_of_moods(data_dir, capsys)
        before = (data_dir / "moods" / "2026-11.json").read_bytes()
        code, out, err = run(capsys, "restore", "moods/2026-11.json", "--day", "2026-11-21")
        assert code == 2
        assert out == (
            "This puts back:\n"
            "  moods/2026-11.json: 6 records now; 1 record in the copy from Sat 21 Nov 2026.\n"
            "What it replaces is kept beside it; `nocontact restore --undo` puts it back.\n"
        )
        assert err == "nocontact: Nothing was changed: add --yes to do this without being asked.\n"
        assert (data_dir / "moods" / "2026-11.json").read_bytes() == before

    def test_yes_restores_and_undo_puts_back_what_it_replaced(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _three_days_of_moods(data_dir, capsys)
        shard = data_dir / "moods" / "2026-11.json"
        before = shard.read_bytes()
        code, out, _ = run(capsys, "restore", "moods/2026-11.json", "--day", "2026-11-21", "--yes")
        assert code == 0
        assert "\nPut back moods/2026-11.json as it was on Sat 21 Nov 2026;" in out
        assert len(Store.open(data_dir).moods()) == 1
        code, out, _ = run(capsys, "restore", "--undo", "--yes")
        assert code == 0
        assert "moods/2026-11.json: 1 record now; 6 records after." in out
        assert shard.read_bytes() == before
        assert run(capsys, "restore", "--undo", "--yes")[0] == 2

    def test_a_day_restores_every_file_backed_up_that_day(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _three_days_of_moods(data_dir, capsys)
        os.environ["NOCONTACT_NOW"] = "2026-11-22T10:00:00+00:00"
        run(capsys, "slip", "one message")
        run(capsys, "slip", "and another")
        os.environ["NOCONTACT_NOW"] = "2026-11-23T20:15:00+00:00"
        code, out, _ = run(capsys, "restore", "--day", "2026-11-22", "--yes")
        assert code == 0
        assert "  moods/2026-11.json: 6 records now; 3 records in the copy" in out
        assert "  tracker.json: 2 records now; 1 record in the copy" in out
        store = Store.open(data_dir)
        assert len(store.moods()) == 3 and len(store.slips()) == 1

    def test_a_day_without_a_backup_is_a_usage_error(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        _three_days_of_moods(data_dir, capsys)
        code, _, err = run(capsys, "restore", "moods/2026-11.json", "--day", "2026-11-02")
        assert code == 2
        assert err == (
            "nocontact: There is no backup of moods/2026-11.json from Mon 2 Nov 2026; "
            "`nocontact restore --list` shows the days there are.\n"
        )
        assert run(capsys, "restore", "--day", "2026-11-02")[0] == 2

    @pytest.mark.parametrize(("answer", "restored"), [("y", True), ("n", False), ("", False)])
    def test_at_a_terminal_it_asks(
        self, data_dir: Path, capsys: pytest.CaptureFixture[str], answer: str, restored: bool
    ) -> None:
        """A real pseudo-terminal: the question is asked, and only "y" restores."""
        _three_days_of_moods(data_dir, capsys)
        leader, follower = pty.openpty()
        child = subprocess.Popen(
            [sys.executable, "-m", "tui", "restore", "moods/2026-11.json", "--day", "2026-11-21"],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        os.close(follower)
        os.write(leader, f"{answer}\n".encode())
        out, _ = child.communicate(timeout=60)
        os.close(leader)
        assert child.returncode == 0
        assert "Put it back? [y/N]" in out
        assert len(Store.open(data_dir).moods()) == (1 if restored else 6)
        assert ("Nothing was changed." in out) is not restored
