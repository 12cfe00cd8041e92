"""Class 4: a file written by a newer version is never rolled back, moved or rewritten.

It stays byte for byte where it is; the commands and the app say so in one sentence, refuse
to write to it, and go on reading everything else.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from attack_helpers import mood_document, run_cli, shard_bytes, write_data_file
from disk_files import files_under
from textual.widgets import Select

from tui.store.records import MoodLog
from tui.store.storage import SCHEMA_VERSION
from tui.store.store import Store

NEWER = shard_bytes([mood_document("2026-10-20T21:00:00+00:00", 3, "from a newer app")], 7)
UNKNOWN_TABLE = (
    b'{"_schema":%d,"start":{"1":{"date":"2026-10-01"}},"slips":{},"logistics":{},'
    b'"shared_with":{"1":{"who":"a future feature"}}}' % SCHEMA_VERSION
)


NOVEMBER = datetime(2026, 11, 20, 21, tzinfo=UTC)


def _seed(data_dir: Path) -> None:
    Store.open(data_dir).add(MoodLog(at=NOVEMBER, mood=6, note="november"))


def test_a_newer_month_stays_as_it_is_and_the_rest_is_read(data_dir: Path) -> None:
    """A shard with a higher _schema: every command leaves it byte-identical, says so once,
    shows the other months, and a log into that month is refused with one line."""
    _seed(data_dir)
    newer = write_data_file(data_dir, "moods/2026-10.json", NEWER)
    before = files_under(data_dir)
    history = run_cli(data_dir, "history")
    assert history.returncode == 0
    assert "november" in history.stdout and "from a newer app" not in history.stdout
    [notice] = history.stderr.splitlines()
    assert notice == (
        "nocontact: moods/2026-10.json was written by a newer version of No Contact Coach, "
        "so this version leaves it exactly as it is and does not show what it holds."
    )
    for arguments in (["status"], ["status", "--short"], ["export", "--format", "csv"]):
        assert run_cli(data_dir, *arguments).returncode == 0
    refused = run_cli(data_dir, "log", "4", "into october", "--at", "2026-10-21 09:00")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[-1] == (
        "nocontact: Not saved: moods/2026-10.json was written by a newer version of No Contact "
        "Coach, which this version never changes; nothing you had before was changed."
    )
    assert newer.read_bytes() == NEWER
    after = files_under(data_dir)
    assert {name: raw for name, raw in after.items() if name != "summary.json"} == {
        name: raw for name, raw in before.items() if name != "summary.json"
    }
    assert list(data_dir.rglob("*.corrupt-*")) == []


def test_an_unknown_table_is_a_newer_file_read_as_far_as_it_is_known(data_dir: Path) -> None:
    """tracker.json with a table this version does not know: the start day still shows, a
    slip is refused, and the file is never kept aside or replaced by a backup."""
    Store.open(data_dir).set_no_contact_start(NOVEMBER.date())  # leaves a backup behind
    tracker = write_data_file(data_dir, "tracker.json", UNKNOWN_TABLE)
    status = run_cli(data_dir, "status")
    assert status.returncode == 0
    assert "since Thu 1 Oct" in status.stdout
    assert "reads only what it knows in it" in status.stderr
    slip = run_cli(data_dir, "slip", "they called")
    assert slip.returncode == 1 and "newer version" in slip.stderr
    assert "they called" not in slip.stderr
    assert tracker.read_bytes() == UNKNOWN_TABLE
    assert list(data_dir.glob("tracker.json.*")) == []


def test_restore_never_rolls_a_newer_file_back(data_dir: Path) -> None:
    """Even asked with --yes, a backup is not put over a file a newer version wrote."""
    _seed(data_dir)
    _seed(data_dir)  # the day's second save: the first copy of the month is in backups/
    shard = data_dir / "moods" / "2026-11.json"
    shard.write_bytes(shard_bytes([mood_document("2026-11-21T09:00:00+00:00")], 3))
    newer = shard.read_bytes()
    done = run_cli(data_dir, "restore", "moods/2026-11.json", "--yes")
    assert done.returncode == 1
    assert "newer version" in done.stderr
    assert shard.read_bytes() == newer


async def test_the_app_starts_says_so_and_refuses_to_save_over_it(data_dir: Path) -> None:
    """Home paints with a newer profile.json; a save to it is "Not saved", the file intact."""
    from tui.app import create_app
    from tui.screens.home import HomeScreen
    from tui.screens.support import SupportScreen

    _seed(data_dir)
    raw = b'{"_schema":%d,"settings":{"1":{"key":"country","value":"GB"}}}' % (SCHEMA_VERSION + 1)
    profile = write_data_file(data_dir, "profile.json", raw)
    app = create_app(data_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "profile.json was written by a newer version" in toasts
        await pilot.press("f2")
        await pilot.pause()
        support = app.screen
        assert isinstance(support, SupportScreen)
        support.query_one("#country", Select).value = "us"
        await pilot.pause()
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "Not saved: profile.json was written by a newer version" in toasts
    assert profile.read_bytes() == raw
