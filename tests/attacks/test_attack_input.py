"""Class 10: bad input gets one clear refusal, never a silent change.

Argument bytes that are not UTF-8 (a terminal in Latin-1), and import files whose values
look right to a lenient reader (true for 1, 5.0 for 5, a date centuries ahead), are
refused with exit 2 and one line, and nothing is written.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from attack_helpers import NOW, run_cli, run_in_process
from disk_files import files_under

from tui.store.records import MoodLog
from tui.store.store import Store
from tui.store.validation import ValidationError

NOT_UTF8 = (
    "nocontact: Something typed here is not UTF-8 text (it may be in another encoding), "
    "so nothing was saved.\n"
)
NOW_MOMENT = datetime.fromisoformat(NOW)


@pytest.mark.parametrize(
    "arguments",
    [
        [b"log", b"6", b"caf\xe9 with a friend"],
        [b"log", b"6", b"--tag", b"f\xe9te"],
        [b"slip", b"--at", b"hier \xe0 21h"],
        [b"urge", b"5", b"\xff\xfe"],
    ],
    ids=["a note", "a tag", "a time", "an urge note"],
)
def test_arguments_that_are_not_utf8_are_refused(data_dir: Path, arguments: list[bytes]) -> None:
    """Latin-1 bytes from a terminal: exit 2, one line, no file made."""
    done = run_cli(data_dir, *arguments)
    assert done.returncode == 2
    assert done.stderr == NOT_UTF8
    assert not data_dir.exists() or files_under(data_dir) == {}


def test_a_data_dir_named_in_another_encoding_is_still_a_folder(tmp_path: Path) -> None:
    """Paths may hold any bytes the system allows: only text that is saved must be UTF-8."""
    folder = bytes(tmp_path) + b"/journal-\xe9t\xe9"
    done = run_cli(tmp_path / "unused", b"--data-dir", folder, b"log", b"6", b"fine")
    assert done.returncode == 0, done.stderr
    assert Path(folder.decode("utf-8", "surrogateescape")).is_dir()


def _export(**mood: object) -> dict[str, object]:
    document = {"at": NOW, "mood": 5, "note": "", "tags": [], "source": "cli", "id": "m1"}
    document.update(mood)
    return {"format": "nocontact-coach", "version": 1, "moods": [document]}


@pytest.mark.parametrize(
    ("document", "said"),
    [
        (_export(mood=True), "moods[0] has a value of the wrong kind in 'mood'."),
        (_export(mood=5.0), "moods[0] has a value of the wrong kind in 'mood'."),
        (_export(mood="5"), "moods[0] has a value of the wrong kind in 'mood'."),
        (_export(at="2150-01-01T00:00:00+00:00"), "moods[0] is dated in the future."),
        (
            _export(at="2999-01-01T00:00:00+00:00"),
            "moods[0]: A time must fall between the years 1900 and 2200.",
        ),
        (_export(at="2026-11-24T09:00:00+00:00"), "moods[0] is dated in the future."),
        (
            {**_export(), "no_contact_start": "2027-01-01"},
            "'no_contact_start' is a day in the future.",
        ),
        (
            {**_export(), "slips": [{"at": "2100-01-01T00:00:00+00:00", "id": "s"}]},
            "slips[0] is dated in the future.",
        ),
    ],
    ids=["true", "5.0", "a string", "2150", "2999", "tomorrow", "start ahead", "slip ahead"],
)
def test_import_refuses_values_a_lenient_reader_would_change(
    data_dir: Path,
    tmp_path: Path,
    document: dict[str, object],
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each: exit 2, one line naming where, nothing written."""
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    code, _, err = run_in_process(capsys, "import", str(path))
    assert code == 2
    assert err == f"nocontact: {path} cannot be imported: {said} Nothing was written.\n"
    assert not (data_dir / "moods").exists() and not (data_dir / "tracker.json").exists()


def test_importers_cannot_add_records_dated_in_the_future(data_dir: Path) -> None:
    """Store.add_imported, which every importer ends in, refuses a future record whole."""
    store = Store.open(data_dir)
    good = MoodLog(at=NOW_MOMENT, mood=5)
    ahead = MoodLog(at=NOW_MOMENT.replace(year=2150), mood=5)
    with pytest.raises(ValidationError, match="in the future; nothing was written"):
        store.add_imported([good, ahead])
    assert store.moods() == []
