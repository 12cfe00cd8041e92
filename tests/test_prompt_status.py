"""The prompt's status file: kept current by every save, private, and holding only the segment."""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path

import pytest

from tui.cli import main
from tui.store.records import LogisticsContact, MoodLog, Session
from tui.store.store import Store

STATUS = "prompt-status"


def midnight(day: str, zone: tzinfo = UTC) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=zone).timestamp())


def fields(data_dir: Path) -> list[str]:
    text = (data_dir / STATUS).read_text(encoding="ascii")
    assert text.endswith("\n") and text.count("\n") == 1
    return text.split()


def nocontact(*argv: str) -> None:
    assert main(list(argv)) == 0, argv


def test_no_journal_no_file(data_dir: Path) -> None:
    nocontact("status", "--short")
    assert not (data_dir / STATUS).exists()


def test_after_log_start_and_a_contact(data_dir: Path) -> None:
    nocontact("log", "7", "a private note")
    assert fields(data_dir) == ["1", "dm", "-", "7", str(midnight("2026-11-23")), "72000", "0"]
    nocontact("start", "2026-11-01")
    assert fields(data_dir)[2] == str(midnight("2026-11-01"))
    nocontact("slip", "--at", "2026-11-20 12:00", "they called")
    assert fields(data_dir)[2] == str(midnight("2026-11-20"))
    # Logistics contact breaks nothing.
    Store.open(data_dir).add_logistics(LogisticsContact(at=datetime(2026, 11, 22, 9, tzinfo=UTC)))
    assert fields(data_dir)[2] == str(midnight("2026-11-20"))


def test_private_and_holding_nothing_that_was_written(data_dir: Path) -> None:
    nocontact("log", "3", "token-in-a-note", "--tag", "tokentag")
    nocontact("slip", "token-in-a-slip")
    nocontact("urge", "8", "token-in-an-urge")
    nocontact("config", "country", "uk")
    status = data_dir / STATUS
    assert status.stat().st_mode & 0o777 == 0o600
    text = status.read_text(encoding="ascii")
    assert "token" not in text
    assert len(text) == 80 and len(text.rstrip()) < 64


def test_settings_decide_what_is_in_it(data_dir: Path) -> None:
    nocontact("start", "2026-11-01")
    nocontact("log", "6")
    nocontact("config", "quiet", "on")
    assert fields(data_dir)[1:4] == ["m", "-", "6"]
    # While the day is not shown, the day of a contact is not even written down here.
    nocontact("slip", "--at", "2026-11-10 12:00")
    nocontact("log", "7")
    assert fields(data_dir)[1:4] == ["m", "-", "7"]
    nocontact("config", "quiet", "off")
    nocontact("config", "prompt", "day")
    assert fields(data_dir)[1:4] == ["d", str(midnight("2026-11-10")), "-"]
    nocontact("log", "8")
    assert fields(data_dir)[3:5] == ["-", str(midnight("2026-11-23"))]
    nocontact("config", "checkin", "07:30")
    assert fields(data_dir)[5] == "27000"
    nocontact("config", "checkin", "off")
    assert fields(data_dir)[5] == "-"


def test_a_session_leaves_it_alone(data_dir: Path) -> None:
    """The prompt's mood is the latest mood logged, as `status --short` shows it."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=datetime(2026, 11, 23, 8, tzinfo=UTC), mood=4))
    before = (data_dir / STATUS).read_bytes()
    store.add(
        Session(
            stage=2,
            started_at=datetime(2026, 11, 23, 19, tzinfo=UTC),
            saved_at=datetime(2026, 11, 23, 19, 20, tzinfo=UTC),
            mood_before=5,
            mood_after=6,
        )
    )
    assert (data_dir / STATUS).read_bytes() == before


def test_an_older_month_changes_nothing_and_a_deletion_falls_back(data_dir: Path) -> None:
    store = Store.open(data_dir)
    store.add(MoodLog(at=datetime(2026, 10, 10, 9, tzinfo=UTC), mood=2))
    newest = store.add(MoodLog(at=datetime(2026, 11, 23, 9, tzinfo=UTC), mood=8))
    before = (data_dir / STATUS).read_bytes()
    stamp = (data_dir / STATUS).stat().st_mtime_ns
    time.sleep(0.01)
    store.add(MoodLog(at=datetime(2026, 10, 11, 9, tzinfo=UTC), mood=1))
    assert (data_dir / STATUS).stat().st_mtime_ns == stamp
    assert (data_dir / STATUS).read_bytes() == before
    store.delete("moods", newest.id)
    assert fields(data_dir)[3:5] == ["1", str(midnight("2026-10-11"))]


def test_local_midnight_in_the_machines_zone(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    monkeypatch.setenv("NOCONTACT_NOW", "2026-11-23T20:15:00-05:00")
    nocontact("start", "2026-11-01")  # the day the clocks go back there
    zone = ZoneInfo("America/New_York")
    assert fields(data_dir)[2] == str(midnight("2026-11-01", zone))
    assert fields(data_dir)[6] == str(-5 * 3600)


def test_a_status_file_that_cannot_be_written_never_fails_the_save(data_dir: Path) -> None:
    nocontact("log", "5")
    (data_dir / STATUS).unlink()
    (data_dir / STATUS).mkdir()  # something in the way that cannot be replaced by a file
    nocontact("log", "6")
    assert [mood.mood for mood in Store.open(data_dir).moods()] == [6, 5]


def test_a_symlink_in_its_place_is_replaced_not_followed(data_dir: Path, tmp_path: Path) -> None:
    nocontact("log", "5")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    (data_dir / STATUS).unlink()
    os.symlink(outside, data_dir / STATUS)
    nocontact("log", "6")
    assert outside.read_text(encoding="utf-8") == "keep me"
    assert not (data_dir / STATUS).is_symlink()
    assert fields(data_dir)[3] == "6"


def test_a_start_day_still_to_come_is_kept_for_the_shell(data_dir: Path) -> None:
    Store.open(data_dir).set_no_contact_start(date(2026, 11, 30))
    assert fields(data_dir)[2] == str(midnight("2026-11-30"))


def test_a_change_is_written_in_place_once_the_file_is_ours(data_dir: Path) -> None:
    nocontact("log", "5")
    inode = (data_dir / STATUS).stat().st_ino
    nocontact("log", "6")
    assert (data_dir / STATUS).stat().st_ino == inode
    assert fields(data_dir)[3] == "6"


def test_a_hard_link_or_a_loosened_mode_is_never_written_through(
    data_dir: Path, tmp_path: Path
) -> None:
    nocontact("log", "5")
    elsewhere = tmp_path / "linked"
    os.link(data_dir / STATUS, elsewhere)
    before = elsewhere.read_bytes()
    nocontact("log", "6")
    assert elsewhere.read_bytes() == before
    assert fields(data_dir)[3] == "6"
    os.chmod(data_dir / STATUS, 0o644)
    nocontact("log", "7")
    assert (data_dir / STATUS).stat().st_mode & 0o777 == 0o600
    assert fields(data_dir)[3] == "7"


def test_a_fifo_in_its_place_does_not_hang_the_save(data_dir: Path) -> None:
    nocontact("log", "5")
    (data_dir / STATUS).unlink()
    os.mkfifo(data_dir / STATUS, 0o600)
    nocontact("log", "6")
    assert [mood.mood for mood in Store.open(data_dir).moods()] == [6, 5]


def test_a_changed_start_day_replaces_the_one_before(data_dir: Path) -> None:
    """The tracker keeps earlier start days on record; the prompt counts from the current."""
    nocontact("start", "2026-11-01")
    nocontact("start", "2026-11-05", "--change")
    assert fields(data_dir)[2] == str(midnight("2026-11-05"))
    nocontact("log", "5")
    nocontact("config", "quiet", "off")  # a whole rewrite reads the start from the file
    assert fields(data_dir)[2] == str(midnight("2026-11-05"))
