"""Class 6: whatever a file holds, it is kept aside (or, for a cache, ignored and rebuilt).

Never "Something went wrong": every command still runs, the file is kept byte for byte,
and everything else keeps working.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from attack_helpers import mood_document, run_cli, run_in_process, shard_bytes, write_data_file

from tui.store.records import MoodLog
from tui.store.store import Store
from tui.store.summary import SUMMARY_FILE

AT = "2026-10-20T21:00:00+00:00"
NOVEMBER = datetime(2026, 11, 20, 21, tzinfo=UTC)


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


HOSTILE = {
    "a number longer than Python reads": (
        b'{"_schema":1,"_default":{"1":{"at":"'
        + AT.encode()
        + b'","mood":'
        + b"7" * 5000
        + b',"id":"a"}}}'
    ),
    "a document id longer than Python reads": (
        b'{"_schema":1,"_default":{"'
        + b"1" * 5000
        + b'":'
        + json.dumps(mood_document(AT)).encode()
        + b"}}"
    ),
    "nesting deeper than the app writes": shard_bytes([mood_document(AT)], 1).replace(
        b'"tags":[]', b'"tags":[],"extra":' + _deep(60).encode()
    ),
    "nesting deeper than the parser goes": b'{"_schema":1,"_default":{"1":'
    + b"[" * 200_000
    + b"]" * 200_000
    + b"}}",
    "a record that is a number": b'{"_schema":1,"_default":{"1":5}}',
    "a mood that is text": shard_bytes([mood_document(AT, mood="seven")]),  # type: ignore[arg-type]
    "tags that are a number": shard_bytes([mood_document(AT, tags=3)]),
    "a time in the year 1 with a big offset": shard_bytes(
        [mood_document("0001-01-01T00:00:00+23:59"), mood_document(AT)]
    ),
    "a table that is a list": b'{"_schema":1,"_default":[1,2]}',
    "a schema that is text": b'{"_schema":"1","_default":{}}',
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_any_content_is_kept_aside_and_every_command_runs(
    data_dir: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A month shard holding it: status, history, export and log all exit 0, the shard is
    kept aside byte for byte, and November's moods are still there."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=NOVEMBER, mood=8, note="november is fine"))
    raw = HOSTILE[name]
    write_data_file(data_dir, "moods/2026-10.json", raw)
    for arguments in (
        ["status"],
        ["history", "--json"],
        ["export", "--format", "csv"],
        ["export", "--format", "md"],
        ["log", "4", "--at", "2026-10-21 09:00"],
    ):
        code, out, err = run_in_process(capsys, *arguments)
        assert code == 0, (arguments, err)
        assert "Something went wrong" not in err
    [aside] = (data_dir / "moods").glob("2026-10.json.corrupt-*")
    assert aside.read_bytes() == raw
    notes = [mood.note for mood in Store.open(data_dir).moods()]
    assert notes == ["november is fine", ""]


@pytest.mark.parametrize(
    ("relative", "raw"),
    [
        ("profile.json", b'{"_schema":1,"settings":{"1":{"key":"boundaries_card","value":7}}}'),
        ("profile.json", b'{"_schema":1,"settings":{"1":{"key":"letters","value":[1,2]}}}'),
        ("tracker.json", b'{"_schema":1,"start":{"1":{"date":"0001-01-01"}}}'),
        ("drafts.json", b'{"_schema":1,"drafts":{"1":{"stage":9}}}'),
    ],
    ids=["a card that is a number", "letters that are numbers", "start in year 1", "stage 9"],
)
def test_settings_and_tracker_of_the_wrong_shape_are_kept_aside(
    data_dir: Path, relative: str, raw: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the screens would trip on later is caught on open: kept aside, the rest runs."""
    write_data_file(data_dir, relative, raw)
    for arguments in (["status"], ["urge", "4"], ["export", "--format", "md"]):
        code, _, err = run_in_process(capsys, *arguments)
        assert code == 0 and "Something went wrong" not in err, err
    [aside] = data_dir.glob(f"{relative}.corrupt-*")
    assert aside.read_bytes() == raw


def test_a_pipe_or_a_folder_in_place_of_a_month_is_kept_aside(data_dir: Path) -> None:
    """A FIFO would block a plain read for ever; a folder would fail it. Neither stops anything."""
    Store.open(data_dir)
    os.makedirs(data_dir / "moods", exist_ok=True)
    os.mkfifo(data_dir / "moods" / "2026-10.json")
    (data_dir / "moods" / "2026-09.json").mkdir()
    done = run_cli(data_dir, "history")
    assert done.returncode == 0
    assert done.stderr.count("could not be read (it is a link or not a plain file)") == 2
    assert len(list((data_dir / "moods").glob("2026-1?.json.corrupt-*"))) == 1
    assert len(list((data_dir / "moods").glob("2026-09.json.corrupt-*"))) == 1


@pytest.mark.parametrize(
    "mangle",
    [
        lambda entry: entry["aggregate"].update(count=-40),
        lambda entry: entry["aggregate"].update(count=10**30),
        lambda entry: entry["aggregate"].update(latest=None),
        lambda entry: entry["aggregate"].update(latest={"at": "not a time", "mood": 99}),
        lambda entry: entry.update(aggregate="everything"),
    ],
    ids=["negative count", "huge count", "count without latest", "impossible latest", "text"],
)
def test_impossible_cached_numbers_are_recomputed_not_shown(
    data_dir: Path, mangle: object, capsys: pytest.CaptureFixture[str]
) -> None:
    """summary.json edited by hand, its stat keys still matching: status shows the truth."""
    store = Store.open(data_dir)
    for mood in (3, 6):
        store.add(MoodLog(at=NOVEMBER, mood=mood))
    store.overview()
    summary = json.loads((data_dir / SUMMARY_FILE).read_bytes())
    mangle(summary["shards"]["moods/2026-11.json"])  # type: ignore[operator]
    (data_dir / SUMMARY_FILE).write_text(json.dumps(summary))
    code, out, _ = run_in_process(capsys, "status")
    assert code == 0
    assert "Latest mood: 6" in out
    overview = Store.open(data_dir).overview()
    assert overview.mood_count == 2 and overview.latest_mood is not None


def test_a_huge_number_in_the_summary_is_only_a_cache_rebuilt(data_dir: Path) -> None:
    """A number too long to parse in summary.json: rebuilt quietly, nothing kept aside."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=NOVEMBER, mood=4))
    (data_dir / SUMMARY_FILE).write_bytes(b'{"version":1,"shards":' + b"9" * 5000 + b"}")
    assert Store.open(data_dir).overview().mood_count == 1
    assert Store.open(data_dir).notices == []
