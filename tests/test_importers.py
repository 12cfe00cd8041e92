"""`nocontact import --from daylio|jrnl|csv`: files shaped like real exports, quirks and all.

The shapes follow what the apps write: Daylio's CSV header in its three generations
(year,date,... / full_date,date,... / ...,note_title,note), with " | " between activities,
times as "6:50 pm" or "14:58" and the date and weekday columns in the phone's language;
jrnl's `--export json` ({"tags": {...}, "entries": [{"title", "body", "date", "time",
"tags", "starred"}]}).
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.importers.common import Settings
from tui.importers.daylio import read_daylio
from tui.importers.progress import Progress
from tui.store.records import MoodLog
from tui.store.store import Store

NOW = datetime.fromisoformat("2026-11-23T20:15:00+00:00")
DAYLIO_MAP = "rad=10,good=8,meh=5,bad=3,awful=1"
SECRET = "my secret words about Alex"
"""Written in entries; must never appear in a refusal."""

DAYLIO_2021 = (
    "\ufefffull_date,date,weekday,time,mood,activities,note_title,note\n"
    '2026-11-20,20 November,Friday,9:30 pm,rad,"friends | movies / tv | walk ",'
    f'"A good day","It was warm,\nand {SECRET}\nwere quiet."\n'
    '2026-11-19,19 November,Thursday,14:58,meh ,"","",""\n'
    '2026-11-18,18 November,Wednesday,8:05 am,awful,"bad sleep | work","",""\n'
    '2026-11-17,17 November,Tuesday,8:00 am,,"bad sleep","","no mood here"\n'
)
DAYLIO_GERMAN = (
    "full_date,date,weekday,time,mood,activities,note\n"
    '2026-07-04,4. Juli,Samstag,21:15,Super,"Freunde | Spaziergang",""\n'
    '2026-01-10,10. Jan.,Samstag,21:15,Einfach scheiße,"schlecht geschlafen",""\n'
)
DAYLIO_OLD = (
    "year,date,weekday,time,mood,activities,note\n"
    '2018,18 May,Friday,11:54 pm,happy,"clean | cook | music","Went to a party"\n'
    '2018,17 May,Thursday,10:21 pm,average,"cook | stressed ",""\n'
    '2018,16 Mai,Mittwoch,9:00 pm,average,"",""\n'
)


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under the data dir, byte for byte."""
    if not root.exists():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def imported(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["import", *argv]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["import", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert SECRET not in captured.err
    return captured.err


def moods() -> list[MoodLog]:
    return sorted(Store.open().moods(), key=lambda mood: mood.at)


class TestDaylio:
    def test_a_dry_run_says_what_would_be_added_and_writes_nothing(
        self, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write(tmp_path, "daylio_export.csv", DAYLIO_2021)
        out = imported(capsys, "--from", "daylio", str(path), "--map", DAYLIO_MAP)
        assert out == (
            "Daylio export daylio_export.csv: 3 moods to add, "
            "from Wed 18 Nov 2026 to Fri 20 Nov 2026.\n"
            "Moods, with how many entries: rad → 10 (1), meh → 5 (1), awful → 1 (1).\n"
            "Tags: 5 different ones, from the file's activities or tags.\n"
            "Times that carry no zone are read as UTC time.\n"
            "Left out: 1 entry without a mood.\n"
            "This was a dry run: nothing was written. Add --yes to bring them in.\n"
        )
        assert not any(data_dir.rglob("*.json"))

    def test_yes_writes_notes_tags_and_times_as_the_file_has_them(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """BOM, quoted two-line note, title, " | ", a trailing space in a name, 12h and 24h."""
        path = write(tmp_path, "daylio_export.csv", DAYLIO_2021)
        out = imported(capsys, "--from", "daylio", str(path), "--map", DAYLIO_MAP, "--yes")
        assert out.endswith("Added 3 moods from daylio_export.csv.\n")
        awful, meh, rad = moods()
        assert (rad.at.isoformat(), rad.mood, rad.source) == (
            "2026-11-20T21:30:00+00:00",
            10,
            "import",
        )
        assert rad.note == f"A good day\nIt was warm,\nand {SECRET}\nwere quiet."
        assert rad.tags == ("friends", "movies/tv", "walk")
        assert (meh.at.isoformat(), meh.mood, meh.note, meh.tags) == (
            "2026-11-19T14:58:00+00:00",
            5,
            "",
            (),
        )
        assert (awful.at.hour, awful.at.minute, awful.tags) == (8, 5, ("bad-sleep", "work"))

    def test_importing_the_same_file_twice_adds_nothing(
        self, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Ids come from the content: a second run, even with another map, adds nothing."""
        path = write(tmp_path, "daylio_export.csv", DAYLIO_2021)
        imported(capsys, "--from", "daylio", str(path), "--map", DAYLIO_MAP, "--yes")
        before = snapshot(data_dir)
        again = imported(
            capsys, "--from", "daylio", str(path), "--map", "rad=9,meh=4,awful=0", "--yes"
        )
        assert "Daylio export daylio_export.csv: nothing new to add.\n" in again
        assert "Left out: 1 entry without a mood; 3 entries already here.\n" in again
        assert "Added" not in again
        assert snapshot(data_dir) == before
        assert len(moods()) == 3

    def test_a_row_repeated_exactly_is_added_once(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        row = '2026-11-19,19 November,Thursday,14:58,meh,"walk","",""\n'
        path = write(tmp_path, "export.csv", DAYLIO_2021.splitlines(True)[0] + row + row)
        out = imported(capsys, "--from", "daylio", str(path), "--map", DAYLIO_MAP, "--yes")
        assert "Left out: 1 entry repeated exactly within the file.\n" in out
        assert out.endswith("Added 1 mood from export.csv.\n")
        assert len(moods()) == 1

    def test_other_languages_for_weekdays_dates_and_mood_names(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """German weekday and date columns are not needed; the mood names are mapped."""
        path = write(tmp_path, "export.csv", DAYLIO_GERMAN)
        out = imported(
            capsys,
            "--from",
            "daylio",
            str(path),
            "--map",
            "Super=10,Gut=8,Ok=6,Schlecht=4",
            "--map",
            "EINFACH SCHEISSE=1",
            "--yes",
        )
        assert "Super → 10 (1), Einfach scheiße → 1 (1)" in out
        january, july = moods()
        assert (january.mood, january.tags) == (1, ("schlecht-geschlafen",))
        assert (july.mood, july.tags) == (10, ("freunde", "spaziergang"))

    def test_times_keep_the_local_zone_of_their_own_date(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In London, 21:15 in January is +00:00 and in July +01:00 (summer time)."""
        monkeypatch.setenv("TZ", "Europe/London")
        time.tzset()
        path = write(tmp_path, "export.csv", DAYLIO_GERMAN)
        out = imported(
            capsys, "--from", "daylio", str(path), "--map", "super=10,einfach scheiße=1", "--yes"
        )
        assert "Times that carry no zone are read as Europe/London time.\n" in out
        january, july = moods()
        assert january.at.isoformat() == "2026-01-10T21:15:00+00:00"
        assert july.at.isoformat() == "2026-07-04T21:15:00+01:00"

    def test_a_named_zone_wins(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = write(tmp_path, "export.csv", DAYLIO_GERMAN)
        out = imported(
            capsys,
            "--from",
            "daylio",
            str(path),
            "--map",
            "super=10,einfach scheiße=1",
            "--zone",
            "America/New_York",
            "--yes",
        )
        assert "read as America/New_York time" in out
        january, july = moods()
        assert january.at.isoformat() == "2026-01-10T21:15:00-05:00"
        assert july.at.isoformat() == "2026-07-04T21:15:00-04:00"

    def test_the_older_header_without_full_date(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """year + "18 May" is read; a month name in another language is left out, said why."""
        path = write(tmp_path, "old.csv", DAYLIO_OLD)
        out = imported(capsys, "--from", "daylio", str(path), "--map", "happy=8,average=5", "--yes")
        assert "Left out: 1 entry with a date the app cannot read.\n" in out
        average, happy = moods()
        assert happy.at.isoformat() == "2018-05-18T23:54:00+00:00"
        assert happy.tags == ("clean", "cook", "music")
        assert happy.note == "Went to a party"
        assert (average.at.isoformat(), average.tags) == (
            "2018-05-17T22:21:00+00:00",
            ("cook", "stressed"),
        )

    def test_control_characters_in_a_mood_name_never_reach_the_terminal(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        header = "full_date,date,weekday,time,mood,activities,note\n"
        text = header + "2026-11-01,,,10:00,\x1b[2Jrad\x07,,\n"
        path = write(tmp_path, "export.csv", text)
        err = refused(capsys, "--from", "daylio", str(path))
        assert "\x1b" not in err and "\x07" not in err
        assert "Found: [2Jrad." in err


class TestRefusals:
    """A bad file is refused with one line, exit 2, and the data dir is left byte for byte."""

    @pytest.fixture
    def before(self, data_dir: Path) -> dict[str, bytes]:
        Store.open().add(MoodLog(at=NOW.replace(hour=9), mood=6, note="already here"))
        return snapshot(data_dir)

    @pytest.mark.parametrize(
        ("kind", "content", "extra", "message"),
        [
            (
                "daylio",
                "when,how\n2026-11-01,rad\n",
                ["--map", DAYLIO_MAP],
                "It does not look like a Daylio export: it needs the columns full_date "
                "(or year and date), time and mood.",
            ),
            (
                "daylio",
                "full_date,date,weekday,time,mood,activities,note\n2026-11-01,,,10:00,,,x\n",
                ["--map", DAYLIO_MAP],
                "It holds no moods to bring in.",
            ),
            (
                "daylio",
                DAYLIO_2021,
                ["--map", "rad=10,meh=5"],
                "--map has no number for awful; add them and run again. Found: rad, meh, awful.",
            ),
            (
                "daylio",
                DAYLIO_2021,
                [],
                "Daylio's mood names are your own, so they need a number from 0 to 10 each; "
                "give them all with --map, as in --map rad=10,good=8,meh=5,bad=3,awful=1. "
                "Found: rad, meh, awful.",
            ),
            (
                "daylio",
                DAYLIO_2021,
                ["--map", "rad=11"],
                "In --map, each number must be from 0 to 10, not 11.",
            ),
            (
                "jrnl",
                '{"entries": [{"title": "x", ',
                ["--map", "@good=8"],
                "It is not valid JSON (line 1).",
            ),
            (
                "jrnl",
                '{"notes": []}',
                ["--map", "@good=8"],
                "It is not a jrnl JSON export: there is no list of entries.",
            ),
            (
                "csv",
                "date;feeling\n2026-11-01;5\n",
                [],
                "Its header has no column 'mood' (--mood-column); "
                "name the columns with --date-column and --mood-column.",
            ),
            ("csv", "date,mood\n2026-11-01,\n", [], "It holds no moods to bring in."),
            (
                "daylio",
                DAYLIO_2021,
                ["--map", DAYLIO_MAP, "--zone", "Mars/Olympus"],
                "--zone needs a time zone name such as Europe/London or America/New_York.",
            ),
        ],
    )
    def test_a_bad_file_is_refused_in_one_line(
        self,
        tmp_path: Path,
        data_dir: Path,
        before: dict[str, bytes],
        capsys: pytest.CaptureFixture[str],
        kind: str,
        content: str,
        extra: list[str],
        message: str,
    ) -> None:
        path = write(tmp_path, "export.txt", content)
        err = refused(capsys, "--from", kind, str(path), *extra, "--yes")
        assert err == f"nocontact: export.txt cannot be imported: {message} Nothing was written.\n"
        assert snapshot(data_dir) == before

    @pytest.mark.parametrize(
        "content",
        [
            DAYLIO_2021.replace("\ufeff", "").encode("utf-8").replace(b"warm", b"w\xe4rm"),
            DAYLIO_2021.encode("utf-16"),
            DAYLIO_2021.encode("utf-8").replace(b"meh", b"m\x00eh"),
        ],
        ids=["latin-1 byte", "utf-16", "nul byte"],
    )
    def test_bytes_that_are_not_utf8_text(
        self,
        tmp_path: Path,
        data_dir: Path,
        before: dict[str, bytes],
        capsys: pytest.CaptureFixture[str],
        content: bytes,
    ) -> None:
        path = write(tmp_path, "export.csv", content)
        err = refused(capsys, "--from", "daylio", str(path), "--map", DAYLIO_MAP, "--yes")
        assert err == (
            f"nocontact: {path} is not UTF-8 text, so it cannot be read; nothing was written.\n"
        )
        assert snapshot(data_dir) == before

    def test_json_nested_too_deeply_or_of_the_wrong_shape(
        self,
        tmp_path: Path,
        data_dir: Path,
        before: dict[str, bytes],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        deep = write(tmp_path, "deep.json", "[" * 100_000)
        assert "nested too deeply" in refused(capsys, "--from", "jrnl", str(deep), "--map", "a=1")
        listed = write(tmp_path, "list.json", "[1, 2]")
        assert "no list of entries" in refused(
            capsys, "--from", "jrnl", str(listed), "--map", "a=1"
        )
        assert snapshot(data_dir) == before

    def test_every_entry_unreadable_is_refused(
        self,
        tmp_path: Path,
        data_dir: Path,
        before: dict[str, bytes],
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        path = write(tmp_path, "moods.csv", "date,mood\n01/11/2026,5\n02/11/2026,6\n")
        err = refused(capsys, "--from", "csv", str(path), "--yes")
        assert err == (
            "nocontact: Nothing in moods.csv can be imported. "
            "Left out: 2 entries with a date the app cannot read.\n"
        )
        assert snapshot(data_dir) == before

    def test_a_refusal_on_a_new_data_dir_makes_no_folder(
        self, tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write(tmp_path, "export.csv", DAYLIO_2021)
        refused(capsys, "--from", "daylio", str(path), "--yes")
        assert not data_dir.exists()

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["--from", "bearable"], "--from takes daylio, jrnl or csv."),
            (["--yes"], "--yes goes with --from daylio, jrnl or csv."),
            (["--map", "a=1"], "--map goes with --from daylio, jrnl or csv."),
            (["--from", "jrnl", "--mood-column", "m"], "--mood-column is for --from csv only."),
        ],
    )
    def test_options_in_the_wrong_place(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
    ) -> None:
        path = write(tmp_path, "export.csv", DAYLIO_2021)
        assert refused(capsys, str(path), *argv) == f"nocontact: {message}\n"

    def test_a_missing_file_is_named(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        missing = tmp_path / "nope.csv"
        assert refused(capsys, "--from", "daylio", str(missing)) == (
            f"nocontact: There is no file {missing}.\n"
        )


JRNL = {
    "tags": {"@great": 1, "@low": 2, "@work": 2, "@sam": 1},
    "entries": [
        {
            "title": "Coffee with Sam.",
            "body": f"We laughed a lot.\n{SECRET}",
            "date": "2026-11-01",
            "time": "09:30",
            "tags": ["@great", "@sam"],
            "starred": True,
        },
        {
            "title": "Long day at work.",
            "body": "",
            "date": "2026-11-02",
            "time": "21:00",
            "tags": ["@low", "@work"],
            "starred": False,
        },
        {
            "title": "Just notes.",
            "body": "Nothing about mood.",
            "date": "2026-11-03",
            "time": "12:00",
            "tags": ["@work"],
            "starred": False,
        },
        {
            "title": "Mixed.",
            "body": "",
            "date": "2026-11-04",
            "time": "12:00",
            "tags": ["@great", "@low"],
            "starred": False,
        },
        {"title": 7, "body": "", "date": "2026-11-05", "time": "12:00", "tags": ["@low"]},
        {
            "title": "Later.",
            "body": "",
            "date": "2026-11-06",
            "time": "25:00",
            "tags": ["@low"],
            "starred": False,
        },
    ],
}


class TestJrnl:
    def test_mood_tags_become_moods_and_other_tags_stay_tags(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write(tmp_path, "journal.json", "\ufeff" + json.dumps(JRNL, indent=2))
        out = imported(capsys, "--from", "jrnl", str(path), "--map", "@great=9,low=3", "--yes")
        assert out == (
            "jrnl export journal.json: 2 moods to add, from Sun 1 Nov 2026 to Mon 2 Nov 2026.\n"
            "Moods, with how many entries: @great → 9 (1), @low → 3 (1).\n"
            "Tags: 2 different ones, from the file's activities or tags.\n"
            "Times that carry no zone are read as UTC time.\n"
            "Left out: 1 entry with no tag named in --map; 1 entry with two mood tags of "
            "different numbers; 1 entry the app cannot read; "
            "1 entry with a time the app cannot read.\n"
            "Added 2 moods from journal.json.\n"
        )
        great, low = moods()
        assert (great.mood, great.tags, great.at.isoformat()) == (
            9,
            ("sam",),
            "2026-11-01T09:30:00+00:00",
        )
        assert great.note == f"Coffee with Sam.\nWe laughed a lot.\n{SECRET}"
        assert (low.mood, low.tags, low.note) == (3, ("work",), "Long day at work.")
        assert "already here" in imported(
            capsys, "--from", "jrnl", str(path), "--map", "@great=9,@low=3"
        )

    def test_without_a_map_the_tags_found_are_listed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write(tmp_path, "journal.json", json.dumps(JRNL))
        err = refused(capsys, "--from", "jrnl", str(path))
        assert err == (
            "nocontact: journal.json cannot be imported: jrnl keeps no mood of its own: name "
            "the tags that stand for one with --map, as in --map @great=9,@okay=6,@low=3. "
            "Tags found: @great, @sam, @low, @work. Nothing was written.\n"
        )
        untagged = {
            "entries": [
                {"title": "a", "body": "", "date": "2026-11-01", "time": "09:00", "tags": []}
            ]
        }
        err = refused(
            capsys, "--from", "jrnl", str(write(tmp_path, "j.json", json.dumps(untagged)))
        )
        assert "carry no tags" in err


class TestCsv:
    def test_named_columns_numbers_offsets_and_days_without_a_time(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        text = (
            "When;Stimmung;Notiz;Tags\n"
            "2026-11-01T21:00:00+01:00;7;ein guter Tag;walk|friend\n"
            "2026-11-02;4;;\n"
            "2026-11-03 08:30;5.0;;\n"
            "2026-11-04;12;;\n"
            "2026-11-05;seven;;\n"
            "2027-01-01;6;;\n"
        )
        path = write(tmp_path, "moods.csv", text)
        with pytest.raises(AssertionError):
            imported(
                capsys,
                "--from",
                "csv",
                str(path),
                "--date-column",
                "when",
                "--mood-column",
                "stimmung",
            )
        err = capsys.readouterr().err
        assert "The moods in it are words" in err and "Found: seven." in err
        path = write(tmp_path, "moods.csv", text.replace("seven", "8"))
        out = imported(
            capsys,
            "--from",
            "csv",
            str(path),
            "--date-column",
            "when",
            "--mood-column",
            "STIMMUNG",
            "--note-column",
            "notiz",
            "--tags-column",
            "tags",
            "--yes",
        )
        assert "1 entry gives a date without a time" not in out
        assert (
            "2 entries give a date without a time: each is placed at the start of its day.\n" in out
        )
        assert (
            "Left out: 1 entry with a mood that is not a whole number from 0 to 10; "
            "1 entry dated in the future.\n" in out
        )
        first, second, third, fifth = moods()
        assert (first.at.isoformat(), first.mood, first.note, first.tags) == (
            "2026-11-01T21:00:00+01:00",
            7,
            "ein guter Tag",
            ("walk", "friend"),
        )
        assert second.at.isoformat() == "2026-11-02T00:00:00+00:00"
        assert (third.at.isoformat(), third.mood) == ("2026-11-03T08:30:00+00:00", 5)
        assert fifth.mood == 8

    def test_a_time_column_and_word_moods_with_a_map(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = write(
            tmp_path, "m.csv", "date,time,mood\n2026-11-01,9:15 pm,Great\n2026-11-02,07:00,low\n"
        )
        imported(
            capsys,
            "--from",
            "csv",
            str(path),
            "--time-column",
            "time",
            "--map",
            "great=9,low=2",
            "--yes",
        )
        assert [(m.at.isoformat(), m.mood) for m in moods()] == [
            ("2026-11-01T21:15:00+00:00", 9),
            ("2026-11-02T07:00:00+00:00", 2),
        ]


class TestProgressAndHygiene:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def test_a_long_import_draws_a_bar_on_a_terminal(self) -> None:
        rows = "".join(f"2026-0{1 + day % 9}-1{day % 10},,,10:00,good,,\n" for day in range(2_500))
        text = "full_date,date,weekday,time,mood,activities,note\n" + rows
        terminal = self.Terminal()
        progress = Progress("Reading export.csv", terminal)
        reading = read_daylio(text, Settings({"good": 8}, None, NOW, progress.update))
        progress.close()
        assert len(reading.moods) == 2_500
        drawn = terminal.getvalue()
        assert "Reading export.csv [" in drawn and "] 100%" in drawn
        assert drawn.count("\r") >= 100
        assert drawn.endswith("\r")

    def test_no_bar_when_it_is_not_a_terminal_or_the_file_is_short(self) -> None:
        quiet = io.StringIO()
        progress = Progress("Reading", quiet)
        progress.update(5_000, 10_000)
        progress.say("Writing")
        progress.close()
        assert quiet.getvalue() == ""
        terminal = self.Terminal()
        Progress("Reading", terminal).update(10, 20)
        assert terminal.getvalue() == ""

    def test_import_from_never_imports_textual_and_is_quiet_in_a_pipe(
        self, tmp_path: Path, data_dir: Path
    ) -> None:
        path = write(tmp_path, "export.csv", DAYLIO_2021)
        script = f"""
import sys
from tui.cli import main
assert main(["import", "--from", "daylio", {str(path)!r}, "--map", {DAYLIO_MAP!r}]) == 0
assert main(["import", "--from", "daylio", {str(path)!r}, "--map", {DAYLIO_MAP!r}, "--yes"]) == 0
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
assert not loaded, loaded
print("no textual")
"""
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        assert done.stdout.endswith("Added 3 moods from export.csv.\nno textual\n")
