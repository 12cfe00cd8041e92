"""The shell's own words: plurals, the folder an export needs, json-only import, tags, WHEN."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tui.cli import main
from tui.clock import today
from tui.commandline.status import milestones_text
from tui.store.store import Store


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("reached", "said"),
    [((1,), "1 day"), ((1, 3), "1 and 3 days"), ((1, 3, 7), "1, 3 and 7 days")],
)
def test_milestones_are_counted_in_words(reached: tuple[int, ...], said: str) -> None:
    assert milestones_text(reached) == said


def test_status_on_day_one_says_one_day(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Store.open(data_dir).set_no_contact_start(today() - timedelta(days=1))
    _, out, _ = run(capsys, "status")
    assert "Milestones in this run: 1 day.\n" in out


def test_an_export_into_a_missing_folder_names_the_folder(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing" / "dir"
    code, out, err = run(capsys, "export", "-o", str(missing / "x.json"))
    assert (code, out) == (2, "")
    assert err == f"nocontact: The folder {missing} does not exist, so nothing was written.\n"
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("name", ["history.csv", "summary.md", "notes.txt"])
def test_only_json_exports_can_be_imported(
    data_dir: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_text("kind,id,at\nmood,a,2026-11-20\n")
    code, _, err = run(capsys, "import", str(path))
    assert code == 2
    assert err == (
        f"nocontact: {path}: Only json exports from No Contact Coach can be imported; "
        "`nocontact export --format json` writes one. Nothing was written.\n"
    )


def test_import_counts_are_said_in_words(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "log", "5", "--tag", "calm")
    path = tmp_path / "x.json"
    run(capsys, "export", "-o", str(path))
    _, out, _ = run(capsys, "import", str(path))
    assert "1 record was already here and was left as it is." in out
    assert "record(s)" not in out


def test_text_history_shows_tags(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "log", "7", "a calmer evening", "--tag", "hopeful", "--tag", "calm")
    _, out, _ = run(capsys, "history")
    assert out.rstrip().endswith("· a calmer evening  #hopeful #calm")


@pytest.mark.parametrize("command", [["history", "--since"], ["log", "5", "--at"]])
def test_a_time_in_the_future_is_a_usage_error_everywhere(
    data_dir: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, *command, "tomorrow")
    assert code == 2
    assert "cannot be in the future" in err


def test_history_until_a_day_includes_all_of_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "log", "4", "late on the 20th", "--at", "2026-11-20 23:30")
    run(capsys, "log", "6", "the 21st", "--at", "2026-11-21 08:00")
    _, out, _ = run(capsys, "history", "--until", "2026-11-20")
    assert "late on the 20th" in out and "the 21st" not in out
