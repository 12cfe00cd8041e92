"""A file that cannot be read is kept aside byte for byte, the person is told, and all starts."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_helpers import mood_at, write_shard

from tui.cli import main
from tui.clock import now
from tui.store.records import MoodLog
from tui.store.store import Store

SHARD = "moods/2026-11.json"


def _valid_bytes() -> bytes:
    """The bytes of a sound November shard with three moods, one with a non-ASCII note."""
    with tempfile.TemporaryDirectory() as scratch:
        records = [mood_at(1), mood_at(2), mood_at(3)]
        records[1] = MoodLog(at=records[1].at, mood=2, note="søvnløs — a long night 🌙", id="m2")
        return write_shard(Path(scratch), records).read_bytes()


VALID = _valid_bytes()
BROKEN = {
    "empty": b"",
    "blank": b" \n\t\n",
    "truncated": VALID[: len(VALID) // 2],
    "cut at the last brace": VALID[:-1],
    "trailing garbage": VALID + b'{"_default": {}}',
    "a list": b'[{"at": "2026-11-01T00:01:00+00:00", "mood": 5}]',
    "a string": b'"moods"',
    "invalid UTF-8": VALID.replace("ø".encode(), b"\xff", 1),
    "NUL bytes": b"\x00" * 64,
    "a record that is a list": b'{"_schema": 1, "_default": {"1": [1, 2]}}',
    "a mood out of range": VALID.replace(b'"mood":2', b'"mood":55', 1),
    "a time without offset": VALID.replace(b"+00:00", b"", 1),
    "a lone surrogate": b'{"_schema": 1, "_default": {"1": {"at": "2026-11-01T00:00:00+00:00",'
    b' "mood": 5, "note": "\\ud800", "id": "x"}}}',
}
"""A file written by a newer version is not broken: see tests/attacks/test_attack_newer.py."""


def _corrupt_copies(data_dir: Path) -> list[Path]:
    return sorted((data_dir / "moods").glob("2026-11.json.corrupt-*"))


@pytest.mark.parametrize("name", list(BROKEN))
def test_a_broken_file_is_kept_aside_byte_for_byte_and_told(data_dir: Path, name: str) -> None:
    """Each broken shard: moved aside unchanged, one sentence naming where, the store opens."""
    assert BROKEN[name] != VALID
    shard = data_dir / SHARD
    shard.parent.mkdir(parents=True)
    shard.write_bytes(BROKEN[name])
    store = Store.open(data_dir)
    assert store.moods() == []
    [aside] = _corrupt_copies(data_dir)
    assert aside.read_bytes() == BROKEN[name]
    [notice] = store.notices
    assert notice.startswith(f"{SHARD} could not be read (")
    assert f"kept aside unchanged as {aside}" in notice
    assert notice.endswith("there was no earlier copy to put back, so it starts again empty.")
    assert notice.count(". ") == 0, "one sentence"
    # A save after that writes a fresh file and never touches the one kept aside.
    store.add(MoodLog(at=now(), mood=5, source="cli"))
    assert aside.read_bytes() == BROKEN[name]
    assert len(Store.open(data_dir).moods()) == 1


def test_the_last_good_backup_is_put_back(data_dir: Path) -> None:
    """With a backup, the broken file goes aside and the last good copy takes its place."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=now(), mood=3, note="kept", source="cli"))
    store.add(MoodLog(at=now(), mood=4, note="after the backup", source="cli"))
    (data_dir / SHARD).write_bytes(b'{"_schema": 1, "_default": {"1": ')
    reopened = Store.open(data_dir)
    assert [mood.note for mood in reopened.moods()] == ["kept"]
    [notice] = reopened.notices
    assert notice.endswith(
        ", and the last good copy, from Monday 23 November 2026, was put back in its place."
    )


def test_a_broken_backup_is_passed_over_for_an_older_good_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newest backup that reads cleanly is the one put back."""
    store = Store.open(data_dir)
    monkeypatch.setenv("NOCONTACT_NOW", "2026-11-20T09:00:00+00:00")
    store.add(MoodLog(at=now(), mood=3, note="the 20th", source="cli"))
    monkeypatch.setenv("NOCONTACT_NOW", "2026-11-21T09:00:00+00:00")
    store.add(MoodLog(at=now(), mood=4, note="the 21st", source="cli"))
    monkeypatch.setenv("NOCONTACT_NOW", "2026-11-22T09:00:00+00:00")
    store.add(MoodLog(at=now(), mood=5, note="the 22nd", source="cli"))
    (data_dir / "backups" / "moods" / "2026-11.json.2026-11-22.bak").write_bytes(b"{")
    (data_dir / SHARD).write_bytes(b"")
    reopened = Store.open(data_dir)
    assert [mood.note for mood in reopened.moods()] == ["the 20th"]
    assert "from Saturday 21 November 2026" in reopened.notices[0]


def test_every_command_still_runs_beside_a_broken_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """history, status, log and restore exit 0, and the first tells the person on stderr."""
    shard = data_dir / SHARD
    shard.parent.mkdir(parents=True)
    shard.write_bytes(BROKEN["truncated"])
    assert main(["history"]) == 0
    assert "could not be read" in capsys.readouterr().err
    assert main(["status"]) == 0
    assert main(["log", "6", "still here"]) == 0
    assert main(["restore"]) == 0
    [aside] = _corrupt_copies(data_dir)
    assert aside.read_bytes() == BROKEN["truncated"]
    assert [mood.note for mood in Store.open(data_dir).moods()] == ["still here"]


async def test_the_app_still_starts_and_tells_the_person(data_dir: Path) -> None:
    """The app opens on home beside a broken file and shows the notice as a toast."""
    from tui.app import NoContactApp
    from tui.screens.home import HomeScreen

    shard = data_dir / SHARD
    shard.parent.mkdir(parents=True)
    shard.write_bytes(BROKEN["invalid UTF-8"])
    app = NoContactApp(store=Store.open(data_dir), initial_stage=None)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "could not be read" in toasts
    [aside] = _corrupt_copies(data_dir)
    assert aside.read_bytes() == BROKEN["invalid UTF-8"]


MUTATION = st.tuples(
    st.sampled_from(["replace", "delete", "insert"]),
    st.integers(min_value=0, max_value=len(VALID) - 1),
    st.binary(min_size=1, max_size=3),
)


def _mutated(mutations: list[tuple[str, int, bytes]]) -> bytes:
    data = bytearray(VALID)
    for action, position, chunk in mutations:
        position %= max(len(data), 1)
        if action == "replace":
            data[position : position + len(chunk)] = chunk
        elif action == "delete":
            del data[position : position + len(chunk)]
        else:
            data[position:position] = chunk
    return bytes(data)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_mutated_bytes_are_read_whole_or_kept_aside_whole(
    mutations: list[tuple[str, int, bytes]],
) -> None:
    """Any mutation of a valid file: it reads without a crash, or it is kept aside unchanged."""
    broken = _mutated(mutations)
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shard = root / SHARD
        shard.parent.mkdir(parents=True)
        shard.write_bytes(broken)
        store = Store.open(root)
        moods = store.moods()
        store.overview()
        if store.notices and "newer version" in store.notices[0]:
            # A mangled table name reads as a table of a newer version: left as it is.
            assert shard.read_bytes() == broken
            assert moods == []
        elif store.notices:
            [aside] = sorted((root / "moods").glob("2026-11.json.corrupt-*"))
            assert aside.read_bytes() == broken
            assert moods == []
        elif shard.read_bytes() != broken:
            # Only a file that lost its format version is rewritten, after a backup of it.
            [backup] = (root / "backups" / "moods").glob("2026-11.json.*.before-v1.bak")
            assert backup.read_bytes() == broken
        else:
            assert len(moods) == len(json.loads(broken)["_default"])
