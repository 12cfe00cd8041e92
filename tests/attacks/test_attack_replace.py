"""Class 1: a file is never absent, even for a moment, and every message is true.

Restore, the recovery of a broken file and a migration each replace a live file. A reader
polling the file from another process never finds it missing; a writer stopped by a real
size limit or killed at a random moment leaves the old file or the new one in place.
"""

from __future__ import annotations

import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from attack_helpers import Child, mood_document, run_cli, shard_bytes

from tui.store.records import MoodLog
from tui.store.store import Store

KILLS = 12
SHARD = "moods/2026-11.json"


def _month_with_a_backup(data_dir: Path, moods: int = 600) -> tuple[bytes, bytes]:
    """A November shard of a few moods, whose backup (taken today) holds `moods` + 1.

    Returns (the live bytes, the backup's bytes).
    """
    start = datetime(2026, 11, 1, tzinfo=UTC)
    store = Store.open(data_dir)
    store.add_many(
        MoodLog(at=start + timedelta(minutes=m), mood=m % 11, note="the long month " * 8)
        for m in range(moods)
    )
    store.add(MoodLog(at=start, mood=1))  # the day's second save: the copy is taken first
    backup = (data_dir / "backups" / f"{SHARD}.2026-11-23.bak").read_bytes()
    live = shard_bytes([mood_document("2026-11-20T21:00:00+00:00", 7, "after the backup")])
    (data_dir / SHARD).write_bytes(live)  # a later month, written by hand: not under test
    return live, backup


def test_restore_under_a_size_limit_leaves_the_month_in_place(data_dir: Path) -> None:
    """A backup larger than the process may write: "Not saved", exit 1, the month as it was
    (before, the month was moved aside first and left missing, with "nothing changed")."""
    live, backup = _month_with_a_backup(data_dir)
    done = run_cli(
        data_dir, "restore", SHARD, "--yes", file_limit=len(live) + (len(backup) - len(live)) // 2
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "nocontact: Not saved: the file would be larger than this system allows, "
        "and nothing you had before was changed."
    )
    assert (data_dir / SHARD).read_bytes() == live


def test_recovery_under_a_size_limit_leaves_the_broken_file_where_it_was(data_dir: Path) -> None:
    """A broken month whose good backup cannot be written now: the broken file stays at its
    name, byte for byte, no extra copy is left, and the sentence says exactly that."""
    _, backup = _month_with_a_backup(data_dir)
    broken = b'{"_schema": 1, "_default": {"1": '
    (data_dir / SHARD).write_bytes(broken)
    done = run_cli(data_dir, "status", file_limit=len(backup) // 2)
    assert done.returncode == 0
    assert done.stderr == (
        f"nocontact: {SHARD} could not be read (the file is not valid JSON: expecting value) "
        "and could not be mended now (the file would be larger than this system allows), "
        "so it was left exactly as it is.\n"
    )
    assert (data_dir / SHARD).read_bytes() == broken
    assert list((data_dir / "moods").glob("*.corrupt-*")) == []
    again = run_cli(data_dir, "status")  # without the limit, it is mended as usual
    assert "the last good copy, from Monday 23 November 2026, was put back" in again.stderr


def _watch(path: Path, report: int) -> None:
    """The watcher: stat `path` as fast as it can; say "M" if it is ever missing."""
    os.write(report, b"R")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.stat(path)
        except FileNotFoundError:
            os.write(report, b"M")
            return


@pytest.mark.slow
def test_a_reader_never_finds_the_month_missing(data_dir: Path) -> None:
    """Another process polls the month while it is restored 15 times and recovered from a
    broken copy 15 times: not once is the name missing."""
    _month_with_a_backup(data_dir, moods=200)
    path = data_dir / SHARD
    watcher = Child(lambda report: _watch(path, report))
    assert watcher.wait_for(b"R")
    store = Store.open(data_dir)
    for _ in range(15):
        store.restore(store.restore_plan([SHARD]))
        path.write_bytes(b"{ broken")
        Store.open(data_dir).moods()  # kept aside, the backup put back
    missing = watcher.wait_for(b"M", timeout=0.2)
    watcher.kill()
    assert not missing, "the month was missing while it was replaced"


def _restore_forever(data_dir: Path, report: int) -> None:
    store = Store.open(data_dir)
    os.write(report, b"R")
    while True:
        store.restore(store.restore_plan([SHARD]))


def _recover_forever(data_dir: Path, report: int) -> None:
    os.write(report, b"R")
    while True:
        # The breakage itself, written whole (a rename) so that only recovery is on trial.
        broken = data_dir / "broken-copy"
        broken.write_bytes(b"{ broken")
        os.replace(broken, data_dir / SHARD)
        Store.open(data_dir).moods()


@pytest.mark.slow
@pytest.mark.parametrize("work", [_restore_forever, _recover_forever], ids=["restore", "recover"])
def test_a_killed_replacement_leaves_the_old_file_or_the_new(data_dir: Path, work: object) -> None:
    """SIGKILL at random moments of restores (or recoveries) in a loop: the month is always
    there, and holds the backup, the file it replaced, or (recovering) the broken bytes."""
    live, backup = _month_with_a_backup(data_dir, moods=300)
    rng = random.Random(11)
    path = data_dir / SHARD
    for _ in range(KILLS):
        child = Child(lambda report: work(data_dir, report))  # type: ignore[operator]
        assert child.wait_for(b"R")
        time.sleep(rng.uniform(0.005, 0.12))
        child.kill()
        assert path.read_bytes() in (live, backup, b"{ broken")
        assert Store.open(data_dir).moods() != [] or path.read_bytes() == b"{ broken"
