"""Class 2: an import adds everything or nothing, whatever stops it half way.

An export spanning a year (moods, sessions and urges in twelve month files, slips, the
start day, settings) is imported by a process killed at random moments, or stopped by a
real file size limit. After each, the next start sees the journal before the kill or the
journal with the whole import: never some months in and others out.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from attack_helpers import Child, mood_document, run_cli, shard_bytes, write_data_file
from disk_files import files_under

from tui.commandline.exchange import add_to_store, build_export, read_export
from tui.store import journal
from tui.store.records import MoodLog, Session, Slip, Urge
from tui.store.store import Store, StoreError

KILLS = 16


@pytest.fixture
def roots(tmp_path: Path) -> Iterator[Path]:
    """A scratch folder in memory when the machine has one: a SIGKILL loses no page cache,
    so what survives is the same as on a disk, without waiting on fsync."""
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        yield tmp_path
        return
    root = Path(tempfile.mkdtemp(prefix="nocontact-import-", dir=shm))
    try:
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _year_export(source: Path) -> dict[str, object]:
    """An export of a year in another journal: twelve months of everything."""
    store = Store.open(source)
    start = datetime(2025, 11, 1, tzinfo=UTC)
    records: list[MoodLog | Session | Urge] = []
    for day in range(0, 360, 2):
        moment = start + timedelta(days=day, hours=20)
        records.append(MoodLog(at=moment, mood=day % 11, note=f"day {day} of the year"))
        records.append(Urge(at=moment, strength=day % 11, note="it passed"))
        if day % 10 == 0:
            records.append(Session(2, moment, moment, 3, 5, {"what_is": f"day {day}"}))
    store.add_many(records)
    for day in (40, 200):
        store.add_slip(Slip(at=start + timedelta(days=day), note="one message"))
    store.set_no_contact_start(start.date())
    store.set_setting("reasons", "I want my evenings back.")
    return build_export(store)


def _state(root: Path) -> tuple[object, ...]:
    """What a person would see of a journal: every id, the start day, the settings."""
    store = Store.open(root)
    return (
        sorted(
            record.id for kind in ("moods", "sessions", "urges") for record in store.records(kind)
        ),
        sorted(slip.id for slip in store.slips()),
        store.no_contact_start(),
        store.settings(),
    )


def _journal_here(roots: Path) -> tuple[Path, dict[str, object], Path]:
    """A small journal of our own (the template), and the year's export to bring in."""
    document = _year_export(roots / "elsewhere")
    template = roots / "template"
    store = Store.open(template)
    store.add(MoodLog(at=datetime(2026, 11, 20, 21, tzinfo=UTC), mood=6, note="already here"))
    store.set_setting("country", "uk")
    return template, document, roots / "work"


def _importing(root: Path, document: dict[str, object], announce: str) -> object:
    def work(report: int) -> None:
        if announce == "commit":
            real = journal.commit

            def announced(*args: object) -> None:
                os.write(report, b"C")
                real(*args)  # type: ignore[arg-type]

            journal.commit = announced  # type: ignore[assignment]
        store = Store.open(root)
        incoming = read_export(document)
        os.write(report, b"S")
        add_to_store(store, incoming)
        os.write(report, b"D")

    return work


@pytest.mark.slow
def test_a_killed_import_adds_everything_or_nothing(roots: Path) -> None:
    """SIGKILL at random moments of a year's import, half of them during the commit itself:
    the next start shows the journal as it was, or with everything in."""
    template, document, work_dir = _journal_here(roots)
    before = _state(template)
    shutil.copytree(template, work_dir)
    probe = Child(_importing(work_dir, document, "start"))
    started = time.monotonic()
    assert probe.wait_for(b"S")
    assert probe.finish() == 0
    whole = time.monotonic() - started
    after = _state(work_dir)
    assert len(after[0]) > len(before[0]) + 300  # type: ignore[arg-type]
    rng = random.Random(2026)
    outcomes = []
    for kill in range(KILLS):
        shutil.rmtree(work_dir)
        shutil.copytree(template, work_dir)
        during_commit = kill % 2 == 1
        child = Child(_importing(work_dir, document, "commit" if during_commit else "start"))
        assert child.wait_for(b"C" if during_commit else b"S")
        time.sleep(rng.uniform(0, 0.01 if during_commit else whole))
        child.kill()
        state = _state(work_dir)
        assert state in (before, after), f"kill {kill}: a partial import"
        assert list((work_dir / ".journal").glob("*.staged")) == []
        outcomes.append(state == after)
    assert any(outcomes) and not all(outcomes), "the kills never landed on both sides"


def test_an_import_stopped_by_a_size_limit_writes_nothing(roots: Path) -> None:
    """RLIMIT_FSIZE below one month's size (the others fit): exit 1, "Not saved", and every
    file of the journal byte for byte as before (before, the small months were in)."""
    template, document, work_dir = _journal_here(roots)
    big = [mood_document(f"2026-03-{day:02d}T12:00:00+00:00", 5, "x" * 900) for day in range(1, 29)]
    document["moods"] = [*document["moods"], *big]  # type: ignore[list-item]
    path = roots / "year.json"
    path.write_text(json.dumps(document))
    shutil.copytree(template, work_dir)
    before = files_under(work_dir)
    done = run_cli(work_dir, "import", str(path), file_limit=20_000)
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == (
        "nocontact: Not saved: the file would be larger than this system allows, "
        "and nothing you had before was changed."
    )
    after = files_under(work_dir)
    assert {name: raw for name, raw in after.items() if not name.startswith("backups/")} == {
        name: raw for name, raw in before.items()
    }


@pytest.mark.parametrize("moment", ["before the decision", "after the decision"])
def test_the_next_start_finishes_or_drops_an_interrupted_commit(roots: Path, moment: str) -> None:
    """Killed with every month staged but the intent not yet written: dropped, nothing in.
    Killed with the intent written: the next command finishes it, everything in."""
    template, document, work_dir = _journal_here(roots)
    before = _state(template)
    shutil.copytree(template, work_dir)

    def work(report: int) -> None:
        if moment == "before the decision":

            def stopped(root: Path, moves: list[tuple[str | None, str]]) -> None:
                os.write(report, b"C")  # every month staged, no intent written
                time.sleep(60)

            journal.commit = stopped  # type: ignore[assignment]
        else:
            real = journal._carry_out

            def carried_one(root: Path, moves: list[tuple[str | None, str]]) -> None:
                real(root, moves[:1])  # the intent written, one month renamed in
                os.write(report, b"C")
                time.sleep(60)

            journal._carry_out = carried_one  # type: ignore[assignment]
        add_to_store(Store.open(work_dir), read_export(document))

    child = Child(work)
    assert child.wait_for(b"C")
    child.kill()
    staged = list((work_dir / ".journal").glob("*.staged"))
    assert staged != []
    done = run_cli(work_dir, "status")
    assert done.returncode == 0
    state = _state(work_dir)
    if moment == "before the decision":
        assert state == before
    else:
        assert len(state[0]) > len(before[0]) + 300  # type: ignore[arg-type]
        assert state[2] is not None and "reasons" in state[3]  # type: ignore[operator]
    assert list((work_dir / ".journal").iterdir()) == []


def test_add_many_is_all_or_nothing_when_one_month_refuses(data_dir: Path) -> None:
    """One target month was written by a newer version: add_many writes no month at all."""
    write_data_file(
        data_dir, "moods/2026-03.json", shard_bytes([mood_document("2026-03-02T09:00:00+00:00")], 9)
    )
    store = Store.open(data_dir)
    records = [MoodLog(at=datetime(2026, month, 10, tzinfo=UTC), mood=5) for month in range(1, 7)]
    with pytest.raises(StoreError, match="newer version"):
        store.add_many(records)
    assert sorted(path.name for path in (data_dir / "moods").iterdir()) == ["2026-03.json"]
