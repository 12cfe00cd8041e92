"""SIGKILL a writer at random moments: the file always holds the state before or after."""

from __future__ import annotations

import gc
import os
import random
import select
import shutil
import signal
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from safety_helpers import documents_by_id, mood_at, temp_files, write_shard

from tui import clock
from tui.store import journal, storage
from tui.store.recovery import load_tables
from tui.store.store import Store

HISTORY = 5_000
"""Records in the shard before the test starts: about 3 MB of JSON."""
NOTE_LENGTH = 500
KILLS = 100
SEED = 20261123


def _operations(kind: str, rng: random.Random, count: int) -> list[tuple[str, object]]:
    """`count` operations of one kind, each touching a different record."""
    if kind == "insert":
        return [("insert", mood_at(HISTORY + n, NOTE_LENGTH)) for n in range(count)]
    chosen = rng.sample(range(HISTORY), count)
    if kind == "update":
        return [
            ("update", mood_at(n, NOTE_LENGTH).replace(mood=(n + 5) % 11, note="now"))
            for n in chosen
        ]
    return [("delete", mood_at(n).id) for n in chosen]


def _apply(store: Store, operation: tuple[str, object]) -> None:
    kind, value = operation
    if kind == "insert":
        store.add(value)  # type: ignore[arg-type]
    elif kind == "update":
        store.update(value)  # type: ignore[arg-type]
    else:
        store.delete("moods", value)  # type: ignore[arg-type]


def _model_after(model: dict[str, dict], operation: tuple[str, object]) -> dict[str, dict]:
    kind, value = operation
    changed = dict(model)
    if kind == "delete":
        del changed[value]  # type: ignore[arg-type]
    else:
        # Every save stamps the record with the moment it is written: the pinned clock's.
        written = value.stamped(clock.now())  # type: ignore[attr-defined]
        changed[value.id] = written.to_dict()  # type: ignore[attr-defined]
    return changed


def _announce_writes(report: int) -> None:
    """In the child only: say "W" on the pipe as each new data file starts to be written,
    whether alone or staged in the journal with others (an edit and its note for undo)."""
    for module in (storage, journal):
        write = module.atomic_write_bytes

        def announced(path: Path, data: bytes, durable: bool = True, write=write) -> None:
            os.write(report, b"W\n")
            write(path, data, durable)

        module.atomic_write_bytes = announced  # type: ignore[assignment]


def _writer(root: Path, operations: list, start: int, report: int) -> None:
    """The child: open the store and run operations from `start`, saying when each begins/ends."""
    try:
        _announce_writes(report)
        store = Store.open(root)
        os.write(report, b"R\n")
        for index in range(start, len(operations)):
            os.write(report, f"S{index}\n".encode())
            started = time.perf_counter()
            _apply(store, operations[index])
            os.write(report, f"D{index}:{time.perf_counter() - started:.4f}\n".encode())
    except BaseException as error:  # the parent fails the test on "E"
        os.write(report, f"E{type(error).__name__}: {error}\n".encode())
        os._exit(1)
    os._exit(0)


def _wait_ready(fd: int) -> str:
    """What the child wrote up to and including its "R" (ready) line."""
    seen = b""
    while not seen.endswith(b"R\n") and select.select([fd], [], [], 10)[0]:
        chunk = os.read(fd, 1)
        if not chunk:
            break
        seen += chunk
    return seen.decode()


def _wait_for_write(fd: int, timeout: float) -> str:
    """What the child wrote up to its "W" (it began writing the new file), or to `timeout`."""
    seen = b""
    deadline = time.monotonic() + timeout
    while not seen.endswith(b"W\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 1)
        if not chunk:
            break
        seen += chunk
    return seen.decode()


def _read_all(fd: int) -> str:
    chunks = []
    while select.select([fd], [], [], 5)[0]:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode()


@pytest.fixture
def no_gc() -> Iterator[None]:
    """Keep the collector from walking this test's large heap after every parse."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@pytest.fixture
def kill_dir(data_dir: Path) -> Iterator[Path]:
    """A data dir in memory when the machine has one (/dev/shm), else the usual one.

    A SIGKILL does not lose the page cache, so what survives a killed writer is the same
    on tmpfs as on a disk; tmpfs only spares the test waiting on fsync, 300 times.
    """
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        yield data_dir
        return
    root = Path(tempfile.mkdtemp(prefix="nocontact-kill-", dir=shm))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["insert", "update", "delete"])
@pytest.mark.usefixtures("no_gc")
def test_a_killed_writer_leaves_the_state_before_or_after(kill_dir: Path, kind: str) -> None:
    """100 SIGKILLs at random moments of a writer over a 3 MB shard: never a torn file."""
    data_dir = kill_dir
    rng = random.Random(f"{SEED}-{kind}")
    path = write_shard(data_dir, [mood_at(n, NOTE_LENGTH) for n in range(HISTORY)])
    assert path.stat().st_size > 3_000_000
    operations = _operations(kind, rng, KILLS * 3)
    model = documents_by_id(path)
    applied, mid_operation, in_write, kills = 0, 0, 0, 0
    store = Store.open(data_dir)
    _apply(store, operations[0])  # takes today's backup, so the timed run below is typical
    started = time.perf_counter()
    _apply(store, operations[1])  # sets the range of kill delays
    operation_time = time.perf_counter() - started
    started = time.perf_counter()
    storage.atomic_write_bytes(path, path.read_bytes())
    write_time = time.perf_counter() - started
    model = _model_after(_model_after(model, operations[0]), operations[1])
    applied = 2
    seen_bytes, seen_state = path.read_bytes(), model

    while kills < KILLS:
        assert applied < len(operations), "ran out of operations before enough kills"
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _writer(data_dir, operations, applied, write_end)
        os.close(write_end)
        early = _wait_ready(read_end)
        assert early.endswith("R\n"), early
        if kills % 2:
            # Any moment of the operation: reading, checking, serialising, writing.
            time.sleep(rng.uniform(0, operation_time * 1.1))
        else:
            # The moment that tears files: while the new file is written and renamed.
            early += _wait_for_write(read_end, operation_time * 3)
            time.sleep(rng.uniform(0, write_time * 1.1))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        messages = (early + _read_all(read_end)).split()
        os.close(read_end)
        kills += 1
        assert not [m for m in messages if m.startswith("E")], messages
        # Killed after a data file began to be written (W) and before the operation ended.
        in_write += messages[-1:] == ["W"]
        messages = [m for m in messages if m not in ("R", "W")]

        begun = [int(m[1:]) for m in messages if m.startswith("S")]
        finished = [m[1:].split(":") for m in messages if m.startswith("D")]
        done = {int(index) for index, _ in finished}
        # The child's operations set the range of later delays, so kills cover them whole.
        operation_time = max([operation_time, *(float(took) for _, took in finished)])
        before = model
        for index in done:
            before = _model_after(before, operations[index])
        last = begun[-1] if begun and begun[-1] not in done else None
        # The next open finishes a change to several files decided before the kill.
        reopened = Store.open(data_dir)
        raw = path.read_bytes()
        if raw != seen_bytes:  # the same bytes as last time hold the state checked last time
            seen_bytes, seen_state = raw, documents_by_id(path)
        found = seen_state
        if last is None:
            assert found == before
        else:
            mid_operation += 1
            after = _model_after(before, operations[last])
            assert found in (before, after), f"torn state after kill {kills} in operation {last}"
            if found == after:
                done.add(last)
                before = after
        model, applied = before, applied + len(done)

        # Whatever the kill left, the next open leaves no temp file and reads it cleanly.
        assert temp_files(data_dir) == []
        if kills % 10 == 0:
            tables, notice = load_tables(data_dir, path, reopened._lock)
            assert notice is None and len(tables["_default"]) == len(model)

    print(
        f"{kind}: {kills} kills, {mid_operation} inside an operation, {in_write} while writing"
        f" the new file, {applied} operations applied, {operation_time * 1000:.0f} ms each"
        f" ({write_time * 1000:.0f} ms writing)"
    )
    assert in_write >= KILLS // 20, "too few kills landed while the new file was written"
    assert mid_operation >= KILLS // 3, "too few kills landed inside an operation"
    assert list(data_dir.rglob("*.corrupt-*")) == []
