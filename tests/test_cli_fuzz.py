"""Generated notes, tags, dates and import files never crash a command or corrupt the data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.cli import main
from tui.store.store import Store
from tui.store.validation import ValidationError, clean_tags, clean_text

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
WHEN_PHRASES = st.sampled_from(
    ["now", "yesterday 21:00", "3 days ago", "last monday", "tomorrow", "2026-02-30", "9pm", ""]
)
WHENS = st.one_of(
    st.none(),
    WHEN_PHRASES,
    st.text(max_size=20),
    st.datetimes(
        min_value=datetime(1800, 1, 1), max_value=datetime(2300, 1, 1), timezones=st.just(UTC)
    ).map(datetime.isoformat),
)


def ids(store: Store) -> dict[str, object]:
    return {mood.id: mood for mood in store.moods()}


def tags_are_words(tags: list[str]) -> bool:
    try:
        clean_tags(tags)
    except ValidationError:
        return False
    return True


def assert_clean_failure(code: int, err: str) -> None:
    assert code == 2, err
    assert err.startswith("nocontact: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


@FUZZ
@given(
    mood=st.integers(min_value=-3, max_value=13),
    words=st.lists(st.text(max_size=30), max_size=4),
    tags=st.lists(st.text(max_size=12), max_size=3),
    when=WHENS,
)
def test_log_never_crashes_and_keeps_exactly_what_it_says(
    capsys: pytest.CaptureFixture[str],
    mood: int,
    words: list[str],
    tags: list[str],
    when: str | None,
) -> None:
    before = ids(Store.open())
    argv = ["log", str(mood)]
    for tag in tags:
        argv += ["--tag", tag]
    if when is not None:
        argv += ["--at", when]
    argv += ["--", *words]
    code = main(argv)
    out, err = capsys.readouterr()
    store = Store.open()
    after = ids(store)
    assert store.notices == []
    if code == 0:
        [new_id] = set(after) - set(before)
        record = after[new_id]
        assert record.mood == mood  # type: ignore[attr-defined]
        assert record.note == clean_text(" ".join(words)).strip()  # type: ignore[attr-defined]
        assert out.startswith(f"Logged mood {mood} (")
    else:
        assert_clean_failure(code, err)
        assert after.keys() == before.keys()
        # A value that starts with a dash reads as an option (`--tag -x` wants `--tag=-x`).
        dashed = any(tag.startswith("-") for tag in tags)
        assert not (0 <= mood <= 10 and when is None and tags_are_words(tags) and not dashed), err


@FUZZ
@given(words=st.lists(st.text(max_size=20), max_size=3), when=WHENS)
def test_slip_and_history_survive_any_text(
    capsys: pytest.CaptureFixture[str], words: list[str], when: str | None
) -> None:
    argv = ["slip", "--they"] + ([] if when is None else ["--at", when]) + ["--", *words]
    code = main(argv)
    _, err = capsys.readouterr()
    if code != 0:
        assert_clean_failure(code, err)
    assert main(["history", "--json"]) == 0
    history = json.loads(capsys.readouterr().out)
    assert all(item["kind"] == "slip" for item in history)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)
VALID = {
    "format": "nocontact-coach",
    "version": 1,
    "exported_at": "2026-11-23T20:15:00+00:00",
    "no_contact_start": "2026-10-01",
    "settings": {"reasons": "calm"},
    "moods": [
        {
            "at": "2026-11-20T21:00:00+00:00",
            "mood": 6,
            "note": "ok",
            "tags": ["calm"],
            "source": "cli",
            "id": "a1",
        }
    ],
    "slips": [
        {
            "at": "2026-11-10T12:00:00+00:00",
            "they_reached_out": True,
            "note": "",
            "feeling": "",
            "mood": None,
            "id": "b2",
        }
    ],
}


@FUZZ
@given(
    path=st.sampled_from(
        [
            (),
            ("settings",),
            ("moods",),
            ("moods", 0),
            ("moods", 0, "mood"),
            ("moods", 0, "at"),
            ("moods", 0, "tags"),
            ("slips", 0, "mood"),
            ("no_contact_start",),
        ]
    ),
    key=st.sampled_from(["note", "mood", "at", "id", "x", "version", "sessions"]),
    value=JSON_VALUES,
)
def test_import_of_a_spoiled_file_imports_all_or_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], path: tuple, key: str, value: object
) -> None:
    document = json.loads(json.dumps(VALID))
    holder: object = document
    for step in path[:-1]:
        holder = holder[step]  # type: ignore[index]
    if path:
        holder[path[-1]] = value  # type: ignore[index]
    else:
        document[key] = value
    source = tmp_path / "spoiled.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / f"target-{abs(hash(source.read_text()))}"
    code = main(["--data-dir", str(target), "import", str(source)])
    _, err = capsys.readouterr()
    if code != 0:
        assert_clean_failure(code, err)
        assert not target.exists() or not any(target.rglob("*.json"))
        return
    store = Store.open(target)
    assert store.notices == []
    assert main(["--data-dir", str(target), "export"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert len(again["moods"]) <= 1


@FUZZ
@given(when=WHENS)
def test_start_keeps_a_day_that_is_never_in_the_future(
    capsys: pytest.CaptureFixture[str], when: str | None
) -> None:
    code = main(["start"] if when is None else ["start", when])
    _, err = capsys.readouterr()
    start = Store.open().no_contact_start()
    if code == 0:
        assert start is not None
        assert start <= datetime(2026, 11, 23).date()
    else:
        assert_clean_failure(code, err)
