"""SIGKILL an encrypt or a decrypt at random moments: the journal opens, whole, every record in.

The child is a real process (forked) converting a journal of a few dozen files; it says on
a pipe each time it is about to replace a file. The parent kills it at a random one of
those moments, plus a random few milliseconds, then opens the journal as the next command
would. It must be wholly encrypted or wholly plain (an encrypt killed once its keys were
written is finished; a decrypt killed is put back to encrypted), and hold every record.
"""

from __future__ import annotations

import os
import random
import select
import shutil
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from vault_helpers import (
    JOURNAL_SECRET,
    PASS,
    TOKEN,
    as_another_process,
    encrypt,
    holders,
    plain_files,
)

from tui.store import conversion
from tui.store.atomic import AGE_MAGIC
from tui.store.keyring import KeyPair
from tui.store.records import MoodLog, Urge
from tui.store.store import Store

KILLS = 7
SEED = 20261123
MONTHS = 24


def make_journal(root: Path) -> None:
    """Two years of moods and urges, a day's backups, the summary cache and settings."""
    store = Store.open(root)
    start = datetime(2024, 6, 1, 9, tzinfo=UTC)
    records: list[Any] = []
    for day in range(0, MONTHS * 30, 3):
        moment = start + timedelta(days=day)
        records.append(MoodLog(at=moment, mood=day % 11, note=f"day {day} {TOKEN}"))
        if day % 9 == 0:
            records.append(Urge(at=moment, strength=5, note=f"urge {TOKEN}"))
    store.add_many(records)
    store.add(MoodLog(at=datetime(2026, 11, 23, 9, tzinfo=UTC), mood=5))  # a backup too
    store.set_setting("reasons", f"reasons {TOKEN}")
    store.overview()


def contents(store: Store) -> tuple[Any, ...]:
    """Everything a person would miss: every record and setting."""
    return (
        sorted(mood.id for mood in store.moods()),
        sorted(urge.id for urge in store.urges()),
        store.settings(),
    )


def announce_each_file(report: int) -> None:
    """In the child: say "W" just before each file of the conversion is replaced."""
    write = conversion.atomic_write_bytes

    def announced(path: Path, data: bytes, durable: bool = True) -> None:
        os.write(report, b"W\n")
        write(path, data, durable)

    conversion.atomic_write_bytes = announced  # type: ignore[assignment]


def kill_at_random(work: Any, rng: random.Random, writes: int) -> None:
    """Fork a child running `work(report)`; SIGKILL it at a random announced moment."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            announce_each_file(write_end)
            work()
        finally:
            os._exit(0)
    os.close(write_end)
    target, seen = rng.randint(1, writes), 0
    while seen < target and select.select([read_end], [], [], 30)[0]:
        chunk = os.read(read_end, 4096)
        if not chunk:
            break
        seen += chunk.count(b"W")
    time.sleep(rng.random() * 0.004)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(read_end)


def check_whole(root: Path, expected: tuple[Any, ...]) -> bool:
    """The journal as the next command opens it: whole one way or the other, nothing lost.
    Returns whether it is encrypted."""
    store = as_another_process(root)  # taking the lock finishes what the kill stopped
    assert not (root / ".sealing").exists()
    sealed = (root / "recipients.txt").exists()
    assert store.sealed == sealed
    if sealed:
        assert plain_files(root) == []
        assert holders(root) == []
        store.unlock(PASS)
    else:
        assert not (root / "key.age").exists()
        assert not [p for p in root.rglob("*") if p.is_file() and p.read_bytes()[:22] == AGE_MAGIC]
    assert contents(store) == expected
    return sealed


@pytest.mark.slow
def test_encrypt_killed_anywhere_leaves_a_whole_journal(tmp_path: Path) -> None:
    template = tmp_path / "template"
    make_journal(template)
    expected = contents(Store.open(template))
    writes = len(conversion.files_to_convert(template)) + 4  # the key files and the intent
    keys = KeyPair(JOURNAL_SECRET)
    # scrypt paid here once, not in every child (see conftest.py)
    Store.open(tmp_path / "warm-up").encrypt(PASS, keys=keys)
    rng = random.Random(SEED)
    outcomes = set()
    for attempt in range(KILLS):
        root = tmp_path / f"kill-{attempt}"
        shutil.copytree(template, root)
        kill_at_random(lambda root=root: Store.open(root).encrypt(PASS, keys=keys), rng, writes)
        outcomes.add(check_whole(root, expected))
    assert True in outcomes  # most kills land after the keys: the encrypt is finished


@pytest.mark.slow
def test_decrypt_killed_anywhere_leaves_a_whole_journal(tmp_path: Path) -> None:
    template = tmp_path / "template"
    make_journal(template)
    expected = contents(Store.open(template))
    encrypt(template)
    writes = len(conversion.files_to_convert(template)) + 4
    rng = random.Random(SEED + 1)
    for attempt in range(KILLS):
        root = tmp_path / f"kill-{attempt}"
        shutil.copytree(template, root)
        store = as_another_process(root)
        store.unlock(PASS)
        kill_at_random(store.decrypt, rng, writes)
        check_whole(root, expected)


def encrypt_under_size_limit(root: Path, limit: int, keys: KeyPair) -> str:
    """Encrypt `root` in a forked child whose files may not grow past `limit` bytes (as on
    a full disk or a quota); return what the child was told."""
    import resource

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        told = b"finished"
        try:
            # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG.
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
            Store.open(root).encrypt(PASS, keys=keys)
        except BaseException as error:
            told = str(error).encode()
        finally:
            os.write(write_end, told)
            os._exit(0)
    os.close(write_end)
    told = b""
    while chunk := os.read(read_end, 4096):
        told += chunk
    os.waitpid(pid, 0)
    os.close(read_end)
    return told.decode()


@pytest.mark.slow
def test_encrypt_on_a_full_disk_says_so_and_leaves_no_plain_copy(tmp_path: Path) -> None:
    """RLIMIT_FSIZE stops encrypt half way: one sentence, and the next command finds a journal
    wholly encrypted, every record in, no word of it readable anywhere in the folder."""
    root = tmp_path / "journal"
    make_journal(root)
    expected = contents(Store.open(root))
    sizes = sorted(size for _, size in conversion.files_to_convert(root))
    keys = KeyPair(JOURNAL_SECRET)
    Store.open(tmp_path / "warm-up").encrypt(PASS, keys=keys)  # scrypt paid once, here
    # Big enough for the key files and the smaller half sealed; too small for the rest.
    limit = sizes[len(sizes) // 2] + 300
    told = encrypt_under_size_limit(root, limit, keys)
    assert told.startswith("Not saved: ") and "nothing you had before was changed" in told
    assert TOKEN not in told
    assert (root / ".sealing").exists()  # stopped before the end
    assert check_whole(root, expected)  # the next lock-taker finished it: encrypted
