"""Backups: one a day per file before its first change, the newest few kept, put back on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.cli import main
from tui.clock import now
from tui.store.records import MoodLog
from tui.store.store import Store

BACKUPS = Path("backups") / "moods"


def _log_on(monkeypatch: pytest.MonkeyPatch, day: int, note: str, times: int = 1) -> None:
    monkeypatch.setenv("NOCONTACT_NOW", f"2026-11-{day:02d}T09:00:00+00:00")
    store = Store.open()
    for _ in range(times):
        store.add(MoodLog(at=now(), mood=5, note=note, source="cli"))


def _backup_names(data_dir: Path) -> list[str]:
    return sorted(path.name for path in (data_dir / BACKUPS).glob("*.bak"))


def test_the_first_change_of_a_day_is_backed_up_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three logs on one day: one backup, holding the file as it was before that day's first."""
    _log_on(monkeypatch, 20, "the 20th")
    assert _backup_names(data_dir) == []  # a brand-new file has nothing to keep yet
    shard = data_dir / "moods" / "2026-11.json"
    before = shard.read_bytes()
    _log_on(monkeypatch, 21, "the 21st", times=3)
    assert _backup_names(data_dir) == ["2026-11.json.2026-11-21.bak"]
    assert (data_dir / BACKUPS / "2026-11.json.2026-11-21.bak").read_bytes() == before


def test_only_the_newest_three_days_are_kept(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backups rotate: after six days of logging, the three newest remain."""
    for day in range(15, 21):
        _log_on(monkeypatch, day, f"day {day}")
    assert _backup_names(data_dir) == [
        "2026-11.json.2026-11-18.bak",
        "2026-11.json.2026-11-19.bak",
        "2026-11.json.2026-11-20.bak",
    ]


def test_reading_takes_no_backup(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a change makes a backup: opening and reading on a new day costs nothing."""
    _log_on(monkeypatch, 20, "the 20th")
    monkeypatch.setenv("NOCONTACT_NOW", "2026-11-21T09:00:00+00:00")
    Store.open().moods()
    assert _backup_names(data_dir) == []


def test_restore_lists_and_puts_back_a_backup(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`nocontact restore` lists copies; `restore FILE --day` puts one back, keeping the current."""
    _log_on(monkeypatch, 19, "the 19th")
    _log_on(monkeypatch, 20, "the 20th")
    _log_on(monkeypatch, 21, "the 21st")
    current = (data_dir / "moods" / "2026-11.json").read_bytes()

    assert main(["restore"]) == 0
    listing = capsys.readouterr().out
    assert "moods/2026-11.json: Sat 21 Nov 2026, Fri 20 Nov 2026" in listing

    assert main(["restore", "moods/2026-11.json", "--day", "2026-11-20", "--yes"]) == 0
    said = capsys.readouterr().out
    assert "\nPut back moods/2026-11.json as it was on Fri 20 Nov 2026;" in said
    assert [mood.note for mood in Store.open().moods()] == ["the 19th"]
    [replaced] = (data_dir / "moods").glob("2026-11.json.before-restore-*")
    assert replaced.read_bytes() == current
    assert replaced.stat().st_mode & 0o777 == 0o600


def test_restore_of_a_file_without_backups_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Asking for a file that has no backup: exit 2 and one line naming the way to list them."""
    Store.open(data_dir)
    assert main(["restore", "moods/1999-01.json"]) == 2
    assert capsys.readouterr().err == (
        "nocontact: There is no backup of moods/1999-01.json; "
        "`nocontact restore --list` lists the files that have one.\n"
    )
