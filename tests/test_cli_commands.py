"""The quick commands in-process: what they print, their exit codes, and what lands on disk."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.store.store import Store


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `nocontact ARGS` in-process; return (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def store() -> Store:
    return Store.open()


def files_in(data_dir: Path) -> list[str]:
    if not data_dir.exists():
        return []
    return sorted(str(path.relative_to(data_dir)) for path in data_dir.rglob("*.json"))


class TestLog:
    def test_logs_one_mood_with_a_confirming_line(self, cli) -> None:
        code, out, err = cli("log", "7", "a", "calmer", "evening", "--tag", "Hopeful")
        assert (code, err) == (0, "")
        assert out == "Logged mood 7 (Doing okay) for today at 20:15.\n"
        [mood] = store().moods()
        assert (mood.mood, mood.note, mood.tags, mood.source) == (
            7,
            "a calmer evening",
            ("hopeful",),
            "cli",
        )
        assert mood.at == datetime.fromisoformat("2026-11-23T20:15:00+00:00")

    def test_words_after_the_options_still_join_the_note(self, cli) -> None:
        assert cli("log", "5", "long", "--tag", "tired", "day", "today")[0] == 0
        [mood] = store().moods()
        assert (mood.note, mood.tags) == ("long day today", ("tired",))

    def test_at_takes_a_past_moment(self, cli) -> None:
        code, out, _ = cli("log", "4", "--at", "yesterday 21:00")
        assert code == 0
        assert "yesterday at 21:00" in out
        assert store().moods()[0].at.isoformat() == "2026-11-22T21:00:00+00:00"

    def test_notes_keep_unicode_and_newlines_but_lose_control_characters(self, cli) -> None:
        assert cli("log", "6", "första dagen 💙\nline two\x07\x1b[31m")[0] == 0
        assert store().moods()[0].note == "första dagen 💙\nline two[31m"

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["log", "11"], "The mood must be from 0 to 10, not 11."),
            (["log", "-1"], "The mood must be from 0 to 10, not -1."),
            (["log", "7.5"], "The mood must be a whole number from 0 to 10, not '7.5'."),
            (["log", "seven"], "The mood must be a whole number from 0 to 10, not 'seven'."),
            (["log", ""], "The mood is needed: a whole number from 0 to 10."),
            (["log"], "A mood is needed, from 0 (worst) to 10 (best), as in `nocontact log 6`."),
            (
                ["log", "5", "--at", "tomorrow"],
                "A mood cannot be in the future (2026-11-24 20:15).",
            ),
            (["log", "5", "--at", "someday"], "'someday' is not a date or time I can read"),
            (["log", "5", "--at"], "--at needs a value."),
            (["log", "5", "--tag", "two words"], "A tag must be one word, without spaces."),
            (["log", "5", "--colour"], "'--colour' is not an option here"),
        ],
    )
    def test_bad_input_is_one_line_and_writes_nothing(
        self, cli, data_dir: Path, argv: list[str], message: str
    ) -> None:
        code, out, err = cli(*argv)
        assert code == 2
        assert out == ""
        assert err.startswith(f"nocontact: {message}")
        assert err.count("\n") == 1
        assert files_in(data_dir) == []

    def test_a_very_low_mood_offers_a_crisis_line_for_the_country(self, cli) -> None:
        store().set_setting("country", "uk")
        code, out, _ = cli("log", "1")
        assert code == 0
        first, second = out.splitlines()
        assert first.startswith("Logged mood 1 (Really struggling)")
        assert "Samaritans (Call 116 123)" in second

    def test_a_middling_mood_gets_no_extra_line(self, cli) -> None:
        assert cli("log", "3")[1].count("\n") == 1


class TestTracker:
    def test_start_defaults_to_today(self, cli) -> None:
        code, out, _ = cli("start")
        assert code == 0
        assert "No contact starts today, Mon 23 Nov." in out
        assert store().no_contact_start() == date(2026, 11, 23)

    def test_start_in_the_past_shows_the_count(self, cli) -> None:
        code, out, _ = cli("start", "40 days ago")
        assert code == 0
        assert out == "No contact: 40 days (1 month, 9 days), since Wed 14 Oct.\n"

    def test_start_in_the_future_is_refused(self, cli, data_dir: Path) -> None:
        code, _, err = cli("start", "2026-12-01")
        assert code == 2
        assert err == "nocontact: The start of no contact cannot be in the future (2026-12-01).\n"
        assert files_in(data_dir) == []

    def test_a_slip_restarts_the_count_and_keeps_the_rest(self, cli) -> None:
        cli("start", "40 days ago")
        code, out, _ = cli("slip", "they", "called", "--at", "10 days ago", "--they", "--mood", "4")
        assert code == 0
        assert "(they reached out)" in out
        assert "The count began again on Fri 13 Nov." in out
        assert "longest run, 30 days, and your 40 days without contact" in out
        [slip] = store().slips()
        assert (slip.they_reached_out, slip.note, slip.mood) == (True, "they called", 4)
        code, out, _ = cli("status")
        assert out.splitlines()[:2] == [
            "No contact: 10 days, since Fri 13 Nov.",
            "Longest run: 30 days. Days without contact in all: 40, since Wed 14 Oct "
            "(contact happened once).",
        ]

    def test_a_slip_before_the_start_leaves_the_count(self, cli) -> None:
        cli("start", "5 days ago")
        out = cli("slip", "--at", "20 days ago")[1]
        assert "before your start day, so your count is unchanged" in out
        assert cli("status", "--short")[1] == "day 5\n"

    def test_a_slip_without_a_start_says_how_to_set_one(self, cli) -> None:
        assert "No start day is set yet" in cli("slip")[1]

    def test_a_slip_with_a_low_mood_offers_support(self, cli) -> None:
        out = cli("slip", "--mood", "1")[1]
        assert "someone to talk to" in out

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["slip", "--at", "tomorrow"], "A slip cannot be in the future (2026-11-24 20:15)."),
            (["slip", "--mood", "12"], "The mood must be from 0 to 10, not 12."),
            (["urge", "11"], "The urge strength must be from 0 to 10, not 11."),
            (["urge", "strong"], "The urge strength must be a whole number from 0 to 10"),
            (["urge"], "An urge strength is needed: 0 to 10, as in `nocontact urge 7`."),
            (["start", "whenever"], "'whenever' is not a date or time I can read"),
        ],
    )
    def test_bad_tracker_input_writes_nothing(
        self, cli, data_dir: Path, argv: list[str], message: str
    ) -> None:
        code, _, err = cli(*argv)
        assert code == 2
        assert err.startswith(f"nocontact: {message}")
        assert files_in(data_dir) == []

    def test_an_urge_shows_the_persons_reasons(self, cli) -> None:
        store().set_setting("reasons", "I want my evenings back.\n\nI deserve calm.")
        code, out, _ = cli("urge", "8", "saw", "their", "photo")
        assert code == 0
        assert out.splitlines() == [
            "Noted: an urge of 8 out of 10 (pulling hard), and you did not act on it.",
            "Why you started:",
            "  I want my evenings back.",
            "  I deserve calm.",
        ]
        [urge] = store().urges()
        assert (urge.strength, urge.note, urge.acted, urge.source) == (
            8,
            "saw their photo",
            False,
            "cli",
        )

    def test_an_acted_urge_is_kept_without_blame(self, cli) -> None:
        out = cli("urge", "9", "--acted")[1]
        assert "that you acted on" in out
        assert store().urges()[0].acted is True


class TestStatus:
    def test_empty_status_says_what_to_do(self, cli) -> None:
        code, out, _ = cli("status")
        assert code == 0
        assert "No start day is set yet" in out
        assert "No moods logged yet" in out

    def test_status_shows_run_milestones_urges_and_latest_mood(self, cli) -> None:
        cli("start", "2026-09-20")
        cli("urge", "6")
        cli("urge", "7", "--acted")
        cli("log", "8", "--at", "2 hours ago")
        code, out, _ = cli("status")
        assert code == 0
        assert out.splitlines() == [
            "No contact: 64 days (2 months, 3 days), since Sun 20 Sep.",
            "Milestones in this run: 1, 3, 7, 14, 30 and 60 days.",
            "Urges: 1 ridden out, 1 acted on.",
            "Latest mood: 8 (Lighter), today at 18:15.",
        ]

    def test_short_status_is_one_short_line(self, cli) -> None:
        assert cli("status", "--short")[1] == "no start set\n"
        cli("start", "12 days ago")
        cli("log", "6")
        code, out, _ = cli("status", "--short")
        assert (code, out) == (0, "day 12 · mood 6\n")


class TestHistory:
    def fill(self, cli) -> None:
        cli("log", "3", "heavy morning\nsecond line", "--at", "2026-11-20 08:00")
        cli("urge", "6", "late night")
        cli("slip", "--at", "2026-11-21 12:00", "--they")
        cli("log", "7", "--at", "2026-11-22 09:30")

    def test_text_lists_everything_newest_first(self, cli) -> None:
        self.fill(cli)
        code, out, _ = cli("history")
        assert code == 0
        # Each line starts with the start of the entry's id, for `edit` and `delete`.
        ids = [item["id"][:8] for item in json.loads(cli("history", "--json")[1])]
        assert [line[:10] for line in out.splitlines()] == [f"{id}  " for id in ids]
        assert [line[10:] for line in out.splitlines()] == [
            "2026-11-23 20:15  urge        6  ridden out  · late night",
            "2026-11-22 09:30  mood        7  Doing okay",
            "2026-11-21 12:00  contact        they reached out",
            "2026-11-20 08:00  mood        3  Low  · heavy morning",
        ]

    def test_since_filters_by_moment(self, cli) -> None:
        self.fill(cli)
        out = cli("history", "--since", "2026-11-21 13:00")[1]
        assert [line[10:26] for line in out.splitlines()] == [
            "2026-11-23 20:15",
            "2026-11-22 09:30",
        ]

    def test_json_is_stable_and_kind_tagged(self, cli) -> None:
        import json

        self.fill(cli)
        items = json.loads(cli("history", "--json")[1])
        assert [item["kind"] for item in items] == ["urge", "mood", "slip", "mood"]
        assert items[3] == {
            "kind": "mood",
            "at": "2026-11-20T08:00:00+00:00",
            "mood": 3,
            "note": "heavy morning\nsecond line",
            "tags": [],
            "source": "cli",
            "id": items[3]["id"],
            "updated_at": "2026-11-23T20:15:00+00:00",
        }

    def test_stage_filter_shows_that_stages_sessions(self, cli) -> None:
        from tui.store.records import Session

        moment = datetime.fromisoformat("2026-11-22T19:00:00+00:00")
        store().add(
            Session(
                stage=2,
                started_at=moment,
                saved_at=moment,
                mood_before=4,
                mood_after=6,
                answers={"what_is": "It ended.\nIt hurts."},
            )
        )
        store().add(
            Session(stage=3, started_at=moment, saved_at=moment, mood_before=5, mood_after=5)
        )
        self.fill(cli)
        out = cli("history", "--stage", "2")[1]
        [line] = out.splitlines()
        assert line[10:].startswith("2026-11-22 19:00  session    4 → 6  Stage 2: ")
        assert line.endswith("· It ended.")

    def test_empty_history_says_how_to_begin(self, cli) -> None:
        assert "logs a mood in two seconds" in cli("history")[1]
        self.fill(cli)
        assert cli("history", "--stage", "1")[1] == "Nothing matches that yet.\n"

    def test_bad_stage_is_one_sentence(self, cli) -> None:
        assert cli("history", "--stage", "9")[2] == (
            "nocontact: Stage must be a number from 1 to 5, not 9.\n"
        )


class TestParserErrors:
    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["stage", "9"], "Stage must be a number from 1 to 5, not 9."),
            (["stage", "two"], "Stage must be a number from 1 to 5, not two."),
            (["stage"], "A stage number is needed, from 1 to 5."),
            (["dance"], "'dance' is not a command; `nocontact --help` lists them."),
            (["--data-dir"], "--data-dir needs a value."),
            (["import"], "A file to import is needed"),
            (["status", "--short", "extra"], "'extra' is not an option here"),
        ],
    )
    def test_one_clear_sentence(self, cli, argv: list[str], message: str) -> None:
        code, _, err = cli(*argv)
        assert code == 2
        assert err.startswith(f"nocontact: {message}")
        assert err.count("\n") == 1

    def test_help_returns_zero(self, cli) -> None:
        code, out, _ = cli("--help")
        assert code == 0
        for command in ("log", "history", "status", "start", "slip", "urge", "export", "import"):
            assert f"    {command} " in out
