"""Quiet mode hides day counts, and a first day still to come shows no count, in `status` too."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tui.cli import main
from tui.store.store import Store


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_status_in_quiet_mode_has_no_day_counts(cli) -> None:
    cli("start", "2026-11-01")
    cli("slip", "--at", "2026-11-10 12:00")
    cli("urge", "6")
    cli("log", "7")
    cli("config", "quiet", "on")
    code, out, _ = cli("status")
    assert code == 0
    note, rest = out.split("\n", 1)
    assert note.startswith("Quiet mode is on, so day counts are hidden.")
    assert not re.search(r"\d+ days?\b|\bday \d|Milestones|since", rest), rest
    assert "Urges: 1 ridden out, 0 acted on." in out
    assert "Latest mood: 7" in out
    assert cli("status", "--short")[1] == "mood 7\n"
    cli("config", "quiet", "off")
    assert cli("status", "--short")[1] == "day 13 · mood 7\n"


def test_a_first_day_still_to_come(cli) -> None:
    Store.open().set_no_contact_start(date(2026, 11, 28))
    code, out, _ = cli("status")
    assert out.startswith("Your first day is Sat 28 Nov; the count starts then.\n")
    cli("log", "5")
    assert cli("status", "--short")[1] == "mood 5\n"
