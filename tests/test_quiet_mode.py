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


def test_start_and_slip_print_no_count_in_quiet_mode(cli) -> None:
    cli("config", "quiet", "on")
    code, out, _ = cli("start", "2026-11-01")
    assert code == 0 and not re.search(r"\d+ days?\b", out), out
    code, out, _ = cli("slip", "--at", "2026-11-20 12:00")
    assert code == 0
    assert "The count starts again from that day, and every day before it stays yours." in out
    assert not re.search(r"\d+ days?\b|so far", out), out


def panel_text(app) -> str:
    from textual.widgets import Static

    panel = app.screen.query_one("TrackerPanel")
    return "\n".join(str(widget.render()) for widget in panel.query(Static) if widget.display)


async def test_home_in_quiet_mode_shows_no_count_and_no_milestone_news(data_dir) -> None:
    from tui.app import create_app

    store = Store.open(data_dir)
    store.set_no_contact_start(date(2026, 11, 1))
    store.set_setting("quiet", True)
    app = create_app(data_dir)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        shown = panel_text(app)
        assert "Quiet mode: no day counts here. Every day still counts." in shown
        assert not re.search(r"Day \d|\d+ days?\b|milestone", shown), shown
        toasts = "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "Day" not in toasts
    # Marked all the same, so leaving quiet mode later brings no old news.
    assert "2026-11-01+14" in store.setting("milestones_seen")


async def test_home_with_a_first_day_still_to_come(data_dir) -> None:
    from tui.app import create_app

    Store.open(data_dir).set_no_contact_start(date(2026, 11, 28))
    app = create_app(data_dir)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        shown = panel_text(app)
        assert "Your first day is Sat 28 Nov. The count starts then." in shown
        assert "Day 0" not in shown and "Today is the first day" not in shown
