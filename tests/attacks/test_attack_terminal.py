"""Class 8: nothing a file holds can drive the terminal or a spreadsheet.

A hand-edited (or hostile) data file holds escape sequences in every text field: they
never reach the terminal through `history`, the exports, `urge` or the review screens.
A csv cell never starts a formula unless it is a plain number.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from attack_helpers import mood_document, run_in_process, shard_bytes, write_data_file

from tui.commandline.export import CSV_COLUMNS, PLAIN_NUMBER
from tui.store.storage import encode_file

# Set the terminal title, clear the screen, a C1 CSI, a bell, a carriage return.
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\r\x07"
CONTROL = ["\x1b", "\x07", "\x9b", "\r", "\x00"]
AT = "2026-11-20T21:00:00+00:00"


def _hostile_data(data_dir: Path) -> None:
    note = f"a night{ESCAPES} in"
    write_data_file(
        data_dir,
        "moods/2026-11.json",
        shard_bytes([mood_document(AT, 4, note, tags=[f"t{ESCAPES}"], id=f"m{ESCAPES}")]),
    )
    session = {
        "stage": 3,
        "started_at": AT,
        "saved_at": AT,
        "mood_before": 2,
        "mood_after": 5,
        "answers": {"what_you_would_say": note, f"k{ESCAPES}": [note]},
        "id": "s1",
    }
    write_data_file(data_dir, "sessions/2026-11.json", shard_bytes([session]))
    tracker = {
        "start": {"1": {"date": "2026-11-01"}},
        "slips": {"1": {"at": AT, "note": note, "feeling": f"raw{ESCAPES}", "id": "x"}},
        "logistics": {"1": {"at": AT, "note": note, "id": "y"}},
    }
    write_data_file(data_dir, "tracker.json", encode_file(tracker))
    settings = {
        "1": {"key": "reasons", "value": f"because{ESCAPES}"},
        "2": {"key": "safety_plan", "value": {"warning_signs": note}},
        "3": {"key": "boundaries_card", "value": {"need": note}},
    }
    write_data_file(data_dir, "profile.json", encode_file({"settings": settings}))


@pytest.mark.parametrize(
    "arguments",
    [
        ["history"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["export", "--format", "json"],
        ["history", "--json"],
        ["urge", "4"],
        ["status"],
    ],
    ids=lambda arguments: " ".join(arguments),
)
def test_no_way_out_of_the_shell_carries_a_control_character(
    data_dir: Path, arguments: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command that shows what the files hold prints none of their escapes."""
    _hostile_data(data_dir)
    code, out, err = run_in_process(capsys, *arguments)
    assert code == 0, err
    if "csv" in arguments:  # rows end in CR LF, as csv does: look inside the cells
        out = "\n".join(",".join(row) for row in csv.reader(io.StringIO(out)))
    assert [character for character in CONTROL if character in out + err] == []
    if arguments[0] == "history" and "--json" not in arguments:
        assert "a night]0;owned[2J31m in" in out  # the words stay, harmless


async def test_the_review_table_and_detail_view_show_no_control_character(
    data_dir: Path,
) -> None:
    """The review's rows and an entry's detail view, as rendered: no escape is drawn."""
    from tui.app import create_app

    _hostile_data(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("h")
        await pilot.pause(0.5)
        table_screen = app.export_screenshot()
        await pilot.press("enter")
        await pilot.pause(0.3)
        detail_screen = app.export_screenshot()
    for screen in (table_screen, detail_screen):
        assert [character for character in CONTROL if character in screen] == []
    assert "night]0;owned" in table_screen  # the words stay, harmless


FORMULAS = ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\r=1", "=HYPERLINK()"]


def test_no_csv_cell_of_any_column_starts_a_formula(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Formulas in notes, tags, ids, a feeling and answers: each cell starts with a quote;
    moods stay numbers, and a text that is only a number may keep its sign."""
    documents = [
        mood_document(AT, 3, formula, tags=[formula.strip() or "t"], id=formula.strip() or "i")
        for formula in FORMULAS
    ]
    documents.append(mood_document(AT, 5, "-12.5", id="-7"))
    write_data_file(data_dir, "moods/2026-11.json", shard_bytes(documents))
    tracker = {
        "slips": {"1": {"at": AT, "note": "ok", "feeling": "=WEBSERVICE()", "id": "@s"}},
    }
    write_data_file(data_dir, "tracker.json", encode_file(tracker))
    session = {
        "stage": 1,
        "started_at": AT,
        "saved_at": AT,
        "mood_before": 2,
        "mood_after": 5,
        "answers": {"=x": "+y"},
        "id": "=session",
    }
    write_data_file(data_dir, "sessions/2026-11.json", shard_bytes([session]))
    code, out, _ = run_in_process(capsys, "export", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(documents) + 2
    for row in rows:
        for column in CSV_COLUMNS:
            cell = row[column]
            starts_formula = cell[:1] in ("=", "+", "-", "@", "\t", "\r")
            assert not starts_formula or re.fullmatch(PLAIN_NUMBER, cell), (column, cell)
    moods = [row["mood"] for row in rows if row["kind"] == "mood"]
    assert set(moods) == {"3", "5"}
    assert [row["note"] for row in rows if row["id"] == "-7"] == ["-12.5"]


def test_an_import_with_escapes_is_refused_whole(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An export file carrying an escape sequence: refused, nothing written, nothing echoed."""
    document = {
        "format": "nocontact-coach",
        "version": 1,
        "moods": [mood_document(AT, 4, f"hello{ESCAPES}")],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    code, out, err = run_in_process(capsys, "import", str(path))
    assert code == 2
    assert "invisible control character" in err
    assert [character for character in CONTROL if character in out + err] == []
    assert not (data_dir / "moods").exists()
