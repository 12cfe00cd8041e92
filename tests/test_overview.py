"""Store.overview, kept incremental by summary.json, always equals a walk through history."""

from __future__ import annotations

import json
import os
import random
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from tui.store.records import MoodLog, Session, Urge
from tui.store.storage import AtomicJSONStorage
from tui.store.store import Overview, Store
from tui.store.summary import SUMMARY_FILE

ZONES = (UTC, timezone(timedelta(hours=1)), timezone(timedelta(hours=-5)))


def brute_force(store: Store) -> Overview:
    """The overview computed the slow way, from every record."""
    per_stage: dict[int, int] = {}
    last: dict[int, datetime] = {}
    for session in store.sessions():
        per_stage[session.stage] = per_stage.get(session.stage, 0) + 1
        last.setdefault(session.stage, session.saved_at)
    urges = store.urges()
    acted = sum(1 for urge in urges if urge.acted)
    return Overview(
        sessions_per_stage=per_stage,
        last_session_per_stage=last,
        latest_mood=store.latest_mood(),
        mood_count=len(store.moods()),
        urges_resisted=len(urges) - acted,
        urges_acted=acted,
    )


def random_record(rng: random.Random) -> MoodLog | Session | Urge:
    """A record somewhere in three months around a month boundary, in one of a few zones."""
    moment = datetime(2026, 9, 28, tzinfo=UTC) + timedelta(minutes=rng.randrange(60 * 24 * 70))
    moment = moment.astimezone(rng.choice(ZONES))
    if rng.random() < 0.2:  # the same second as another record: insertion order decides
        moment = moment.replace(minute=0, second=0)
    kind = rng.choice(("moods", "sessions", "urges"))
    if kind == "moods":
        return MoodLog(at=moment, mood=rng.randint(0, 10), note=f"note {rng.random()}")
    if kind == "sessions":
        return Session(
            stage=rng.randint(1, 5),
            started_at=moment - timedelta(minutes=5),
            saved_at=moment,
            mood_before=rng.randint(0, 10),
            mood_after=rng.randint(0, 10),
            answers={"what_is": "text"},
        )
    return Urge(at=moment, strength=rng.randint(0, 10), acted=rng.random() < 0.3)


def rewrite_shard(path: Path, change: Any) -> None:
    """Update or delete documents in a shard the way any TinyDB writer would."""
    database = TinyDB(path, storage=AtomicJSONStorage)
    try:
        change(database)
    finally:
        database.close()


def store_change(store: Store, rng: random.Random) -> None:
    """Update a record through the store (perhaps into another month), or delete one."""
    kind = rng.choice(("moods", "sessions", "urges"))
    saved = list(store.records(kind))
    if not saved:
        return
    record = rng.choice(saved)
    if rng.random() < 0.4:
        store.delete(kind, record.id)
        return
    moved = random_record(rng).when
    if kind == "sessions":
        store.update(record.replace(saved_at=moved, stage=rng.randint(1, 5)))
    elif kind == "moods":
        store.update(record.replace(at=moved, mood=rng.randint(0, 10)))
    else:
        store.update(record.replace(at=moved, acted=not record.acted))


def random_change(store: Store, rng: random.Random) -> None:
    """Add, update or delete through the store or behind its back, or lose a whole shard."""
    shards = [path for kind in ("moods", "sessions", "urges") for path in store.shard_paths(kind)]
    choice = rng.random()
    if not shards or choice < 0.4:
        store.add(random_record(rng))
    elif choice < 0.65:
        store_change(store, rng)
    elif choice < 0.95:
        path = rng.choice(shards)
        ids = [document.doc_id for document in TinyDB(path, storage=AtomicJSONStorage).all()]
        if not ids:
            return
        doc_id = rng.choice(ids)
        if choice < 0.8:
            fields = {"mood": 0, "stage": 2, "acted": True}
            kind_field = {"moods": "mood", "sessions": "stage", "urges": "acted"}[path.parent.name]
            update = {kind_field: fields[kind_field]}
            rewrite_shard(path, lambda database: database.update(update, doc_ids=[doc_id]))
        else:
            rewrite_shard(path, lambda database: database.remove(doc_ids=[doc_id]))
    else:
        rng.choice(shards).unlink()


def test_overview_equals_brute_force_through_random_changes(data_dir: Path) -> None:
    """After every add, update, delete or lost shard, the cached overview is exact."""
    store = Store.open(data_dir)
    rng = random.Random(6)
    assert store.overview() == brute_force(store)
    for _ in range(120):
        random_change(store, rng)
        assert store.overview() == brute_force(store)
    assert store.overview().mood_count > 0


def test_overview_sees_a_log_written_by_another_process(data_dir: Path) -> None:
    """A record saved from another shell shows up without that process touching the summary."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=datetime(2026, 11, 20, 9, tzinfo=UTC), mood=4))
    assert store.overview().mood_count == 1
    summary_before = (data_dir / SUMMARY_FILE).read_bytes()
    code = (
        "import sys; from datetime import datetime, UTC;"
        "from tui.store.store import Store; from tui.store.records import MoodLog;"
        "Store.open(sys.argv[1]).add(MoodLog(at=datetime(2026, 11, 23, 8, tzinfo=UTC), mood=7))"
    )
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True)
    assert (data_dir / SUMMARY_FILE).read_bytes() == summary_before
    overview = store.overview()
    assert overview == brute_force(store)
    assert overview.mood_count == 2
    assert overview.latest_mood is not None and overview.latest_mood.mood == 7


def test_overview_reads_only_the_shard_that_changed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the summary in place, a new log costs one shard read, not all of history."""
    store = Store.open(data_dir)
    start = datetime(2024, 1, 15, 12, tzinfo=UTC)
    store.add_many(MoodLog(at=start + timedelta(days=30 * month), mood=5) for month in range(24))
    store.overview()
    read: list[Path] = []
    original = store._read_tables
    monkeypatch.setattr(store, "_read_tables", lambda path: read.append(path) or original(path))
    store.add(MoodLog(at=datetime(2025, 12, 20, 9, tzinfo=UTC), mood=9))
    read.clear()
    overview = store.overview()
    assert read == [data_dir / "moods" / "2025-12.json"]
    assert overview == brute_force(store)
    assert overview.mood_count == 25


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xffnot json",
        b'{"version": 1, "shards": {"moods/2026-11.json": ',
        b"[1, 2, 3]",
        b'{"version": 99, "shards": {}}',
        b'{"version": 1, "shards": []}',
    ],
    ids=["empty", "binary", "truncated", "list", "future-version", "wrong-shape"],
)
def test_a_damaged_summary_is_rebuilt(data_dir: Path, damage: bytes) -> None:
    """A missing or unreadable summary.json is only a cache: rebuilt, nothing lost."""
    store = Store.open(data_dir)
    rng = random.Random(7)
    for _ in range(30):
        store.add(random_record(rng))
    expected = brute_force(store)
    assert store.overview() == expected
    (data_dir / SUMMARY_FILE).write_bytes(damage)
    assert store.overview() == expected
    rebuilt = json.loads((data_dir / SUMMARY_FILE).read_bytes())
    assert rebuilt["version"] == 1 and len(rebuilt["shards"]) == len(
        [path for kind in ("moods", "sessions", "urges") for path in store.shard_paths(kind)]
    )
    (data_dir / SUMMARY_FILE).unlink()
    assert store.overview() == expected


def test_a_cached_entry_with_a_broken_aggregate_is_recomputed(data_dir: Path) -> None:
    """An entry whose stat still matches but whose numbers are mangled is not trusted."""
    store = Store.open(data_dir)
    moment = datetime(2026, 11, 2, tzinfo=UTC)
    store.add(Session(stage=3, started_at=moment, saved_at=moment, mood_before=4, mood_after=6))
    expected = store.overview()
    summary = json.loads((data_dir / SUMMARY_FILE).read_bytes())
    summary["shards"]["sessions/2026-11.json"]["aggregate"] = {"counts": "many"}
    (data_dir / SUMMARY_FILE).write_text(json.dumps(summary))
    assert store.overview() == expected


def test_the_summary_is_private_to_its_owner(data_dir: Path) -> None:
    """summary.json holds the latest note, so it is 0600 like every data file."""
    old_umask = os.umask(0)
    try:
        store = Store.open(data_dir)
        store.add(MoodLog(at=datetime(2026, 11, 23, 8, tzinfo=UTC), mood=3, note="a hard day"))
        store.overview()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((data_dir / SUMMARY_FILE).stat().st_mode) == 0o600


def test_an_empty_history_has_an_empty_overview(data_dir: Path) -> None:
    """A first run shows zeros and no latest mood."""
    overview = Store.open(data_dir).overview()
    assert overview == Overview({}, {}, None, 0, 0, 0)


def test_urge_counts_since_a_day_match_the_records(data_dir: Path) -> None:
    """Urges resisted and acted on since a moment: whole months cached, one month read."""
    store = Store.open(data_dir)
    rng = random.Random(8)
    store.add_many(
        Urge(
            at=datetime(2025, 6, 1, tzinfo=UTC) + timedelta(hours=rng.randrange(24 * 500)),
            strength=5,
            acted=rng.random() < 0.2,
        )
        for _ in range(300)
    )
    for since in (
        None,
        *(datetime(2025, 6, 1, tzinfo=UTC) + timedelta(days=d) for d in (0, 45, 200, 499, 600)),
    ):
        urges = store.urges(since=since)
        expected = (sum(not urge.acted for urge in urges), sum(urge.acted for urge in urges))
        assert store.urge_counts(since) == expected
    assert store.urge_counts()[0] > 0


def test_a_broken_shard_leaves_the_overview_and_is_reported(data_dir: Path) -> None:
    """A month file that cannot be read is mended or kept aside; the counts follow, and say so."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=datetime(2026, 10, 5, 9, tzinfo=UTC), mood=3))
    store.add(MoodLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), mood=8))
    assert store.overview().mood_count == 2
    (data_dir / "moods" / "2026-11.json").write_bytes(b'{"_schema": 1, "_default": {"1": ')
    overview = store.overview()
    assert overview == brute_force(store)
    assert store.notices


def test_processes_logging_and_reading_at_once_leave_an_exact_overview(data_dir: Path) -> None:
    """Three processes log and read the overview at once; the cache they share stays exact."""
    code = (
        "import sys; from datetime import datetime, timedelta, UTC;"
        "from tui.store.store import Store; from tui.store.records import MoodLog;"
        "store = Store.open(sys.argv[1]); worker = int(sys.argv[2])\n"
        "for n in range(15):\n"
        "    moment = datetime(2026, 9 + n % 3, 1 + worker, 8, n, tzinfo=UTC)\n"
        "    store.add(MoodLog(at=moment, mood=n % 11)); store.overview()\n"
    )
    Store.open(data_dir).overview()
    workers = [
        subprocess.Popen([sys.executable, "-c", code, str(data_dir), str(worker)])
        for worker in range(3)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0]
    store = Store.open(data_dir)
    assert store.overview() == brute_force(store)
    assert store.overview().mood_count == 45
