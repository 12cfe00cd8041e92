"""`nocontact edit`, `delete`, `undo` and `trash`: what they print, their exit codes, and
what lands on disk; a refusal is one line, exit 2, writes nothing and quotes nothing typed."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.cli import main
from tui.store.records import MoodLog, Session
from tui.store.store import Store

Cli = Callable[..., tuple[int, str, str]]
SECRET = "xyzzy-secret"
"""Typed into refused commands: it must never come back in an error."""


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def ids(cli: Cli) -> dict[str, str]:
    """Each kind's newest id, from `history --json`."""
    found: dict[str, str] = {}
    for item in json.loads(cli("history", "--json")[1]):
        found.setdefault(item["kind"], item["id"])
    return found


def files(data_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file() and "backups" not in path.parts and path.name != "summary.json"
    }


@pytest.fixture
def filled(cli: Cli) -> dict[str, str]:
    cli("start", "2026-11-01")
    cli("log", "5", "a grey evening", "--tag", "tired", "--at", "2026-11-20 21:00")
    cli("urge", "7", "late night")
    cli("slip", "they called", "--at", "2026-11-22 10:00", "--they", "--mood", "4")
    Store.open().add_logistics(_logistics())
    Store.open().add(
        Session(
            2, _at("2026-11-21T18:26"), _at("2026-11-21T18:40"), 3, None, {"what_is": "It ended."}
        )
    )
    return ids(cli)


def _at(text: str):
    from datetime import datetime

    return datetime.fromisoformat(f"{text}:00+00:00")


def _logistics():
    from tui.store.records import LogisticsContact

    return LogisticsContact(at=_at("2026-11-19T09:00"), note="the keys")


class TestHistoryShowsIds:
    def test_each_line_starts_with_the_start_of_its_id(self, cli: Cli, filled) -> None:
        out = cli("history")[1]
        assert sorted(line[:8] for line in out.splitlines()) == sorted(
            v[:8] for v in filled.values()
        )


class TestEdit:
    def test_a_mood_changes_only_what_is_given_and_says_what(self, cli: Cli, filled) -> None:
        code, out, err = cli(
            "edit", filled["mood"][:6], "--mood", "7", "--note", "a calmer evening", "--tag", "calm"
        )
        assert (code, err) == (0, "")
        assert out.splitlines() == [
            "Changed the mood of 7 (Doing okay) from Fri 20 Nov at 21:00:",
            "  mood: 5 → 7",
            "  note: “a grey evening” → “a calmer evening”",
            "  tags: tired → calm",
            "`nocontact undo` puts it back as it was.",
        ]
        [mood] = Store.open().moods()
        assert (mood.mood, mood.note, mood.tags, mood.source) == (
            7,
            "a calmer evening",
            ("calm",),
            "cli",
        )

    @pytest.mark.parametrize(
        ("kind", "options", "check"),
        [
            (
                "urge",
                ["--strength", "3", "--acted"],
                lambda s: (s.urges()[0].strength, s.urges()[0].acted) == (3, True),
            ),
            (
                "slip",
                ["--me", "--mood", "none", "--feeling", "shaky"],
                lambda s: (
                    (s.slips()[0].they_reached_out, s.slips()[0].mood, s.slips()[0].feeling)
                    == (False, None, "shaky")
                ),
            ),
            (
                "logistics",
                ["--note", "the post", "--at", "2026-11-18 10:00"],
                lambda s: (s.logistics()[0].note, s.logistics()[0].at.day) == ("the post", 18),
            ),
            (
                "session",
                ["--after", "6", "--answer", "what_is=It ended, and I am here."],
                lambda s: (
                    (s.sessions()[0].mood_after, s.sessions()[0].answers["what_is"])
                    == (6, "It ended, and I am here.")
                ),
            ),
        ],
    )
    def test_every_kind(self, cli: Cli, filled, kind: str, options: list[str], check) -> None:
        code, out, err = cli("edit", filled[kind], *options)
        assert (code, err) == (0, ""), err
        assert out.startswith("Changed the ")
        assert check(Store.open())

    def test_a_contact_moved_in_time_moves_the_count(self, cli: Cli, filled) -> None:
        code, out, _ = cli("edit", filled["slip"], "--at", "2026-11-12 10:00")
        assert code == 0
        assert "No contact: 11 days, since Thu 12 Nov." in out

    def test_the_same_values_change_nothing(self, cli: Cli, filled, data_dir: Path) -> None:
        before = files(data_dir)
        code, out, _ = cli("edit", filled["mood"], "--mood", "5")
        assert code == 0 and out.startswith("Nothing changed: the mood of 5")
        assert files(data_dir) == before

    @pytest.mark.parametrize(
        ("arguments", "said"),
        [
            (["mood"], "Nothing to change: for a mood, say what with --mood, --note, --tag"),
            (["mood", "--strength", "4"], "--strength is not for a mood;"),
            (["urge", "--acted", "--resisted"], "--acted and --resisted cannot go together."),
            (["mood", "--mood", "11"], "must be a whole number from 0 to 10."),
            (["mood", "--tag", f"two {SECRET}"], "A tag must be one word"),
            (["mood", "--at", SECRET], "That is not a date or time this app can read"),
            (["session", "--answer", f"{SECRET}=words"], "no written answer by that name"),
            (["session", "--answer", "nothing"], "--answer needs a name and the words"),
            (["session", "--before", SECRET], "must be a whole number"),
            (["ffff" + SECRET, "--mood", "4"], "No entry has an id that begins that way"),
            (["ab", "--mood", "4"], "An id needs at least 4 characters"),
        ],
    )
    def test_bad_input_is_one_line_exit_2_and_nothing_written(
        self, cli: Cli, filled, data_dir: Path, arguments: list[str], said: str
    ) -> None:
        before = files(data_dir)
        target = filled.get(arguments[0], arguments[0])
        code, out, err = cli("edit", target, *arguments[1:])
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1 and said in err
        assert SECRET not in err
        assert files(data_dir) == before

    def test_an_id_two_entries_begin_with_is_refused(self, cli: Cli, data_dir: Path) -> None:
        store = Store.open()
        store.add(MoodLog(at=_at("2026-11-20T09:00"), mood=4, id="beef0001"))
        store.add(MoodLog(at=_at("2026-11-20T10:00"), mood=5, id="beef0002"))
        code, _, err = cli("delete", "beef")
        assert code == 2 and "More than one entry" in err
        assert len(Store.open().moods()) == 2

    def test_a_sealed_letter_is_not_changed(self, cli: Cli) -> None:
        Store.open().add(
            Session(
                5,
                _at("2026-11-21T18:26"),
                _at("2026-11-21T18:40"),
                4,
                6,
                {"letter": "Dear me", "open_on": "2027-01-10"},
                id="letter01",
            )
        )
        code, _, err = cli("edit", "letter01", "--answer", "letter=Something else")
        assert code == 2 and "stays sealed" in err
        assert Store.open().sessions()[0].answers["letter"] == "Dear me"


class TestDeleteUndoTrash:
    def test_delete_moves_to_the_trash_and_says_how_back(self, cli: Cli, filled) -> None:
        code, out, err = cli("delete", filled["mood"])
        assert (code, err) == (0, "")
        short = filled["mood"][:8]
        assert out.splitlines() == [
            "Moved to the trash: the mood of 5 (In between) from Fri 20 Nov at 21:00.",
            "It stays in the trash for 30 days, until Wed 23 Dec: `nocontact undo` brings it "
            f"back now, and `nocontact trash --restore {short}` until then.",
        ]
        assert Store.open().moods() == []
        code, out, _ = cli("delete", filled["mood"])
        assert code == 2 and out == ""
        assert cli("edit", filled["mood"], "--mood", "3")[0] == 2

    def test_undo_brings_back_a_contact_and_the_count(self, cli: Cli, filled) -> None:
        code, out, _ = cli("delete", filled["slip"])
        assert "No contact: 22 days, since Sun 1 Nov." in out
        code, out, _ = cli("undo")
        assert code == 0
        assert (
            out.splitlines()[0]
            == "Undone: the contact from yesterday at 10:00 is back in your history."
        )
        assert "No contact: 1 day, since Sun 22 Nov." in out
        assert len(Store.open().slips()) == 1

    def test_the_trash_lists_and_brings_back(self, cli: Cli, filled) -> None:
        assert cli("trash")[1] == "The trash is empty. What you delete stays there for 30 days.\n"
        cli("delete", filled["urge"])
        cli("delete", filled["logistics"])
        out = cli("trash")[1].splitlines()
        assert out[0].startswith("In the trash, the latest deleted first")
        assert out[1:3] == [
            f"  {filled['logistics'][:8]}  the logistics contact from Thu 19 Nov at 09:00, "
            "deleted today at 20:15; 30 days left",
            f"  {filled['urge'][:8]}  the urge of 7 from today at 20:15, "
            "deleted today at 20:15; 30 days left",
        ]
        assert out[-1] == "To bring one back: nocontact trash --restore ID"
        code, said, _ = cli("trash", "--restore", filled["urge"][:5])
        assert code == 0 and said == "Brought back: the urge of 7 from today at 20:15.\n"
        assert len(Store.open().urges()) == 1
        code, _, err = cli("trash", "--restore", "ffff" + SECRET)
        assert code == 2 and "Nothing in the trash" in err and SECRET not in err

    def test_undo_goes_back_one_change_at_a_time(self, cli: Cli, filled) -> None:
        cli("edit", filled["mood"], "--mood", "8")
        cli("delete", filled["mood"])
        assert cli("undo")[1].startswith("Undone: the mood of 8 (")
        assert Store.open().moods()[0].mood == 8
        assert "reads again as it did" in cli("undo")[1]
        assert Store.open().moods()[0].mood == 5

    def test_nothing_to_undo_is_exit_2(self, cli: Cli) -> None:
        code, out, err = cli("undo")
        assert (code, out) == (2, "")
        assert err == "nocontact: There is nothing left to undo.\n"
