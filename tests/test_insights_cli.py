"""`nocontact insights` and what `nocontact urge` adds, as a person runs them."""

from __future__ import annotations

import subprocess
import sys

import pytest
from insight_history import urge_session

from tui.cli import main
from tui.store.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_insights_on_an_empty_journal_says_it_is_early(capsys: pytest.CaptureFixture[str]) -> None:
    out = run(capsys, "insights")
    assert out == (
        "What goes with your days\n"
        "There is not much here yet to learn from. Keep logging, and this page will start "
        "to say something within a few weeks.\n"
    )


def test_tags_given_to_log_feed_the_insights(capsys: pytest.CaptureFixture[str]) -> None:
    """`nocontact log 8 --tag walk` on five days, 4 without on five others: it is said."""
    for day in range(1, 6):
        run(capsys, "log", "8", "--tag", "Walk", "--at", f"{day} days ago")
    for day in range(6, 11):
        run(capsys, "log", "4", "--at", f"{day} days ago")
    out = run(capsys, "insights")
    assert (
        "  Days with “walk” went with a higher mood: 8 on average over 5 days, "
        "against 4 over 5 days without it.\n"
    ) in out
    assert "because" not in out
    # Four of each is too few to say anything about the word.
    assert main(["log", "8", "--tag", "tea", "--at", "12 days ago"]) == 0
    assert "“tea”" not in run(capsys, "insights")


def test_every_section_appears_with_enough_history(capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open()
    store.add_many([urge_session(day, "Called my sister.", 7, 3) for day in range(1, 5)])
    for day in range(1, 6):
        run(capsys, "urge", "6", "--acted" if day == 1 else "calm")
    out = run(capsys, "insights")
    assert "\nWhen urges come\n  Most urges came between 19:00 and 22:00 (5 of 5)" in out
    assert "  You rode out 4 of 5 urges (80%).\n" in out
    before_after = "\nBefore and after each exercise\n  Stage 3, Breaking the cycle: "
    assert before_after + "your mood went from 4" in out
    assert (
        "\nWhat has helped you\n  1. Called my sister: the urge fell from 7 to 3, 4 times.\n" in out
    )


def test_urge_shows_what_helped_after_the_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    store = Store.open()
    store.set_setting("reasons", "I want my evenings back.")
    store.add_many(
        [
            *(urge_session(day, "Called my sister.", 7, 3) for day in range(1, 5)),
            *(urge_session(day, "Texted Sam", 8, 5) for day in range(5, 7)),
            urge_session(8, "Scrolled", 5, 6),
            # More than a year ago: `urge` does not read that far back.
            *(urge_session(400 + day, "An old habit", 9, 0) for day in range(9)),
        ]
    )
    out = run(capsys, "urge", "7")
    assert out == (
        "Noted: an urge of 7 out of 10 (very strong), and you did not act on it.\n"
        "Why you started:\n"
        "  I want my evenings back.\n"
        "What has helped you before:\n"
        "  Called my sister: the urge fell from 7 to 3, 4 times.\n"
        "  Texted Sam: the urge fell from 8 to 5, 2 times.\n"
    )


def test_urge_with_nothing_that_helped_yet_adds_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    Store.open().add(urge_session(2, "Scrolled", 5, 6))
    out = run(capsys, "urge", "4")
    assert out == "Noted: an urge of 4 out of 10 (noticeable), and you did not act on it.\n"


def test_insights_and_urge_never_import_textual() -> None:
    """A subprocess runs both with history in place and looks at sys.modules."""
    script = """
import sys
from tui.cli import main
for argv in (["log", "6", "--tag", "walk"], ["urge", "5"], ["insights"]):
    assert main(argv) == 0, argv
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
assert not loaded, loaded
print("no textual")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("no textual\n")
