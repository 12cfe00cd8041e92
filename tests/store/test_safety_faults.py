"""A save that fails half way leaves the old file byte for byte, no temp file, and says so."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from safety_helpers import snapshot, temp_files

from tui.clock import now
from tui.store import atomic, lock
from tui.store.records import MoodLog
from tui.store.store import Store, StoreError


@pytest.fixture
def store(data_dir: Path) -> Store:
    """A store whose November shard exists and already has today's backup."""
    opened = Store.open(data_dir)
    opened.add(MoodLog(at=now(), mood=4, note="first", source="cli"))
    opened.add(MoodLog(at=now(), mood=6, note="second", source="cli"))
    return opened


def _failing(error_number: int, real: Callable, calls_before: int = 0) -> Callable:
    """A stand-in for an os function that works `calls_before` times, then raises."""
    calls = [0]

    def fake(*args: object) -> object:
        calls[0] += 1
        if calls[0] > calls_before:
            raise OSError(error_number, os.strerror(error_number))
        return real(*args)

    return fake


def _half_then_fail(error_number: int) -> Callable:
    """os.write that writes half of the first buffer, then fails like a disk filling up."""
    real = os.write
    calls = [0]

    def fake(fd: int, data: bytes) -> int:
        calls[0] += 1
        if calls[0] == 1:
            return real(fd, bytes(data[: len(data) // 2]))
        raise OSError(error_number, os.strerror(error_number))

    return fake


FAULTS = {
    "replace": lambda number: ("replace", _failing(number, os.replace)),
    "fsync": lambda number: ("fsync", _failing(number, os.fsync)),
    "write": lambda number: ("write", _failing(number, os.write)),
    "write half": lambda number: ("write", _half_then_fail(number)),
}


@pytest.mark.parametrize("error_number", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_failed_save_changes_nothing_and_says_not_saved(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch, fault: str, error_number: int
) -> None:
    """os.replace, os.fsync or os.write failing: files byte-identical, no temp, "Not saved"."""
    before = snapshot(data_dir)
    name, fake = FAULTS[fault](error_number)
    with monkeypatch.context() as patch:
        patch.setattr(atomic.os, name, fake)
        with pytest.raises(StoreError) as raised:
            store.add(MoodLog(at=now(), mood=2, note="third, never saved", source="cli"))
    assert str(raised.value).startswith("Not saved")
    assert "third" not in str(raised.value)
    assert snapshot(data_dir) == before
    assert temp_files(data_dir) == []
    assert [mood.note for mood in Store.open(data_dir).moods()] == ["second", "first"]


def test_the_disk_full_message_says_what_happened(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC reads as a full disk, in one sentence a person can act on."""
    monkeypatch.setattr(atomic.os, "write", _failing(errno.ENOSPC, os.write))
    with pytest.raises(StoreError) as raised:
        store.set_setting("country", "GB")
    assert str(raised.value) == (
        "Not saved: the disk is full, and nothing you had before was changed."
    )


def test_a_filesystem_that_cannot_sync_folders_still_saves(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fsync on a folder answering EINVAL (some filesystems do) does not fail the save."""
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    store.add(MoodLog(at=now(), mood=8, note="third", source="cli"))
    assert len(Store.open(data_dir).moods()) == 3


DISK_FULL_CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from tui.clock import now
    from tui.store.records import MoodLog
    from tui.store.store import Store, StoreError

    limit = int(sys.argv[1])
    # Without this the kernel ends the process with SIGXFSZ instead of failing the write.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    store = Store.open()
    try:
        store.add(MoodLog(at=now(), mood=3, note="a long evening " * 400, source="cli"))
    except StoreError as error:
        print(error)
    else:
        print("saved")
    """
)


@pytest.mark.slow
def test_a_real_disk_full_run_under_rlimit_fsize(store: Store, data_dir: Path) -> None:
    """A writer that may not grow any file past its limit: the old file stays, no temp file."""
    shard = store.shard_path("moods", now())
    before = snapshot(data_dir)
    limit = shard.stat().st_size + 100
    result = subprocess.run(
        [sys.executable, "-c", DISK_FULL_CHILD, str(limit)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.startswith("Not saved: the file would be larger than this system allows")
    assert snapshot(data_dir) == before
    assert temp_files(data_dir) == []


def test_temp_files_left_by_a_crash_are_removed_at_start(data_dir: Path) -> None:
    """Hidden *.tmp files of dead writers go at the next open; a live writer's and others stay."""
    Store.open(data_dir).add(MoodLog(at=now(), mood=5, source="cli"))
    stale = [
        data_dir / ".tracker.json.999999999.0a1b2c3d.tmp",
        data_dir / "moods" / ".2026-11.json.999999999.0a1b2c3d.tmp",
        data_dir / "backups" / "moods" / ".2026-11.json.2026-11-23.bak.999999999.00ff00ff.tmp",
    ]
    kept = [
        data_dir / "notes.tmp",
        data_dir / "moods" / "2026-11.json.corrupt-20261101T000000",
        data_dir / f".summary.json.{os.getpid()}.0a1b2c3d.tmp",  # a live writer's
    ]
    for path in [*stale, *kept]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b'{"half": "writ')
    Store.open(data_dir)
    assert [path for path in stale if path.exists()] == []
    assert all(path.exists() for path in kept)


def test_a_writer_that_never_lets_go_gives_a_clear_not_saved(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holding the lock far too long: the save fails in words, not a hang."""
    import fcntl

    monkeypatch.setattr(lock, "LOCK_TIMEOUT", 0.2)
    before = snapshot(data_dir)
    with open(data_dir / ".lock", "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        stuck = Store(data_dir)
        with pytest.raises(StoreError) as raised:
            stuck.add(MoodLog(at=now(), mood=5, source="cli"))
    assert str(raised.value).startswith("Not saved: another copy of the app kept the data folder")
    assert snapshot(data_dir) == before
