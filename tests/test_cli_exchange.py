"""Export and import: a lossless json round trip, csv and md, strict and idempotent import."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.store.records import Draft, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Store

T = datetime.fromisoformat


def fill(store: Store) -> None:
    """A little of everything a person keeps, including two records in the same second."""
    store.set_no_contact_start(date(2026, 10, 1))
    store.add(MoodLog(at=T("2026-10-02T08:00:00+02:00"), mood=2, note="=SUM(A1)", tags=("sad",)))
    store.add(MoodLog(at=T("2026-11-20T21:00:00+00:00"), mood=6, note="first", source="cli"))
    store.add(MoodLog(at=T("2026-11-20T21:00:00+00:00"), mood=7, note="same second\nline 2"))
    store.add(
        Session(
            stage=2,
            started_at=T("2026-11-21T19:00:00+00:00"),
            saved_at=T("2026-11-21T19:20:00+00:00"),
            mood_before=3,
            mood_after=6,
            answers={"emotions": {"sad": 7}, "what_is": "It ended | it hurts"},
        )
    )
    store.add(Urge(at=T("2026-11-22T23:00:00+00:00"), strength=8, note="photo", acted=False))
    store.add_slip(Slip(at=T("2026-11-10T12:00:00+00:00"), they_reached_out=True, mood=3))
    store.add_logistics(LogisticsContact(at=T("2026-11-12T09:00:00+00:00"), note="school run"))
    store.set_setting("reasons", "I want calm evenings.")
    store.set_setting("safety_plan", {"warning_signs": "Not sleeping", "people": "Sam"})
    store.set_setting("boundaries_card", {"need": "space", "line": "no texts"})
    store.set_setting("letters", [{"open_on": "2027-01-01", "text": "Dear me"}])
    store.save_draft(
        Draft(
            stage=4,
            started_at=T("2026-11-23T10:00:00+00:00"),
            updated_at=T("2026-11-23T10:05:00+00:00"),
            mood_before=5,
            answers={"need": "rest"},
        )
    )


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["export", *argv]) == 0
    return capsys.readouterr().out


def without_time(text: str) -> dict:
    document = json.loads(text)
    document.pop("exported_at")
    return document


def test_json_round_trip_is_lossless(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(Store.open())
    first = tmp_path / "first.json"
    assert main(["export", "--format", "json", "-o", str(first)]) == 0
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    empty = tmp_path / "elsewhere"
    assert main(["--data-dir", str(empty), "import", str(first)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(empty), "export"]) == 0
    second = capsys.readouterr().out
    original = first.read_text(encoding="utf-8")
    assert without_time(second) == without_time(original)
    # Byte for byte too, apart from the export time: same order, same spelling.
    assert second.replace(json.loads(second)["exported_at"], "") == original.replace(
        json.loads(original)["exported_at"], ""
    )


def test_json_export_holds_everything(capsys: pytest.CaptureFixture[str]) -> None:
    fill(Store.open())
    document = json.loads(export(capsys))
    assert document["format"] == "nocontact-coach"
    assert document["version"] == 1
    assert document["no_contact_start"] == "2026-10-01"
    assert set(document["settings"]) == {"reasons", "safety_plan", "boundaries_card", "letters"}
    assert [len(document[key]) for key in ("moods", "sessions", "urges", "slips", "logistics")] == [
        3,
        1,
        1,
        1,
        1,
    ]
    assert [mood["note"] for mood in document["moods"]] == [
        "=SUM(A1)",
        "first",
        "same second\nline 2",
    ]
    assert document["drafts"][0]["answers"] == {"need": "rest"}


def test_importing_the_same_file_twice_adds_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(Store.open())
    path = tmp_path / "export.json"
    path.write_text(export(capsys), encoding="utf-8")
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(path)]) == 0
    assert "3 moods, 1 session, 1 urge, 1 contact, 1 logistics contact, 4 settings" in (
        capsys.readouterr().out
    )
    assert main(["--data-dir", str(other), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "nothing new" in out
    assert "7 records were already here" in out
    imported = Store.open(other)
    assert len(imported.moods()) == 3
    assert len(imported.slips()) == 1


def test_import_keeps_settings_already_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill(Store.open())
    path = tmp_path / "export.json"
    path.write_text(export(capsys), encoding="utf-8")
    other = Store.open(tmp_path / "other")
    other.set_setting("reasons", "My own words here.")
    assert main(["--data-dir", str(other.root), "import", str(path)]) == 0
    assert "1 setting differs" in capsys.readouterr().out
    assert other.setting("reasons") == "My own words here."


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One valid export, made once: each malformed-file test spoils a copy of it."""
    from tui.commandline.exchange import build_export

    store = Store.open(tmp_path_factory.mktemp("source"))
    fill(store)
    return json.dumps(build_export(store))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something"), "not an export from No Contact Coach"),
        (lambda d: d.update(version=9), "export of another version 9"),
        (lambda d: d["moods"][1].update(mood=11), "moods[1]: Mood must be from 0 to 10, not 11."),
        (
            lambda d: d["moods"][0].update(mood="7"),
            "moods[0] has a value of the wrong kind in 'mood'",
        ),
        (lambda d: d["moods"][0].pop("at"), "moods[0] has no 'at'"),
        (lambda d: d["moods"][0].update(at="2026-11-20"), "moods[0]: A time must carry its UTC"),
        (
            lambda d: d["urges"][0].update(acted="no"),
            "urges[0] has a value of the wrong kind in 'acted'",
        ),
        (
            lambda d: d["slips"][0].update(colour="red"),
            "slips[0] has a field the app does not know",
        ),
        (lambda d: d["sessions"][0].update(stage=6), "sessions[0]: A stage must be a number"),
        (lambda d: d["logistics"].append("x"), "logistics[1] is not an object"),
        (lambda d: d.update(moods={}), "'moods' must be a list"),
        (lambda d: d.update(settings=[]), "'settings' must be an object"),
        (lambda d: d.update(no_contact_start="soon"), "'no_contact_start' is not a date"),
        (lambda d: d["moods"][2].update(note="bell\x07"), "moods[2]: The note holds an invisible"),
        (lambda d: d.update(extra=1), "a part the app does not know."),
    ],
)
def test_a_malformed_file_is_refused_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], exported: str, change, message: str
) -> None:
    document = json.loads(exported)
    change(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nocontact: {path} cannot be imported: ")
    assert message in err
    assert err.endswith("Nothing was written.\n")
    assert not any(target.rglob("*.json"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "is not valid JSON"),
        (b"\xff\xfe", "is not UTF-8 text"),
        (b"[]", "not an export"),
    ],
)
def test_unreadable_files_are_refused(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    assert main(["import", str(path)]) == 2
    assert message in capsys.readouterr().err
    assert not any(data_dir.rglob("*.json"))


def test_a_missing_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(tmp_path / "nope.json")]) == 2
    assert capsys.readouterr().err == f"nocontact: There is no file {tmp_path / 'nope.json'}.\n"


def test_csv_has_one_row_per_record_with_numeric_moods(capsys: pytest.CaptureFixture[str]) -> None:
    fill(Store.open())
    rows = list(csv.DictReader(io.StringIO(export(capsys, "--format", "csv"))))
    assert len(rows) == 7
    assert [row["kind"] for row in rows] == [
        "mood",
        "slip",
        "logistics",
        "mood",
        "mood",
        "session",
        "urge",
    ]
    assert rows[0]["mood"] == "2"
    assert rows[0]["note"] == "'=SUM(A1)"
    assert rows[4]["note"] == "same second\nline 2"
    assert (rows[5]["mood_before"], rows[5]["mood_after"], rows[5]["stage"]) == ("3", "6", "2")
    assert json.loads(rows[5]["answers"])["emotions"] == {"sad": 7}
    assert rows[1]["they_reached_out"] == "yes"


def test_markdown_is_a_readable_summary(capsys: pytest.CaptureFixture[str]) -> None:
    fill(Store.open())
    text = export(capsys, "--format", "md")
    assert text.startswith("# No Contact Coach: a summary\n")
    assert "- Began on Thursday 1 October 2026." in text
    assert "- Longest run: 40 days; days without contact in all: 53." in text
    assert "- Times contact happened: 1 (1 when the other person reached out)." in text
    assert "| 2. " in text and "| 1 | 3.0 | 6.0 |" in text
    assert "## Why I started\n\n> I want calm evenings.\n" in text
    assert "**My warning signs**\n\n> Not sleeping" in text
    assert "- I need: space" in text
    assert "Dear me" not in text


def test_bad_format_and_folder_output_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--format", "xml"]) == 2
    assert capsys.readouterr().err == "nocontact: The format must be json, csv or md.\n"
    assert main(["export", "-o", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
