"""One voice: each thing has one name, one urge scale, kind words, and dates worded one way."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from tui.cli import main
from tui.content.loader import content_dir
from tui.content.names import kind_words
from tui.content.review import load_review_text
from tui.content.scales import urge_labels
from tui.content.stages import card_headings, card_statements, load_stages
from tui.content.support import load_support
from tui.content.tracker import load_tracker_text
from tui.date_words import day_words, long_day, long_moment, moment_words, short_day
from tui.review_entries import kind_names
from tui.store.records import Slip, Urge

AT = datetime.fromisoformat("2026-11-20T21:05:00+00:00")
TODAY = date(2026, 11, 23)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `nocontact ARGS` in-process; return (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def every_text_in(name: str) -> list[str]:
    """Every string in data/NAME, however deep."""

    def walk(value: object) -> list[str]:
        if isinstance(value, dict):
            return [text for item in value.values() for text in walk(item)]
        if isinstance(value, list):
            return [text for item in value for text in walk(item)]
        return [value] if isinstance(value, str) else []

    return walk(json.loads((content_dir() / name).read_text(encoding="utf-8")))


class TestNames:
    """What a thing is called is the same on every screen and in the shell."""

    def test_a_stage_short_title_is_its_title_shortened(self) -> None:
        """ "Urge surfing" in a toast for "Breaking the cycle of dependency" is two names."""
        for stage in load_stages().values():
            words = iter(stage.title.casefold().split())
            assert all(word in words for word in stage.short_title.casefold().split())

    def test_contact_that_happened_is_never_called_a_slip_on_screen(self) -> None:
        """The button says "Contact happened"; the review, the detail and the shell agree."""
        they = Slip(at=AT, they_reached_out=True)
        assert kind_names(they, load_review_text(), str)[0] == "Contact, they reached out"
        assert kind_words()["slip"] == "contact"
        assert load_tracker_text().actions["slip"] == "Contact happened"
        files = ("names.json", "tracker.json", "stages.json", "help.json", "support.json")
        for file in (*files, "review.json", "insights.json"):
            said = [t for t in every_text_in(file) if re.search(r"\bslips?\b(?! into)", t, re.I)]
            assert said == [], file

    def test_an_urge_passed_reads_the_same_in_review_and_the_shell(self) -> None:
        urge = Urge(at=AT, strength=4)
        assert kind_names(urge, load_review_text(), str)[0] == "Urge, ridden out"
        assert load_tracker_text().urges == "urges ridden out"

    def test_each_tracker_form_is_titled_as_its_link(self) -> None:
        """The link "Contact happened" opens a form of that name, not "Log contact..."."""
        from tui.screens import tracker_actions
        from tui.screens.home import TRACKER_FORMS

        actions = load_tracker_text().actions
        for action, form in TRACKER_FORMS.items():
            assert getattr(tracker_actions, form).dialog_title == actions[action]

    def test_the_start_day_link_reads_as_a_name_not_a_verb(self) -> None:
        """ "Start day" read like "start the day"; the link names the thing it opens."""
        actions = load_tracker_text().actions
        assert actions["start"] == "The day I started"
        assert load_tracker_text().start_button == "Set the day I started"


class TestUrgeScale:
    """One set of words for an urge's strength, 0 to 10."""

    def test_stage_three_the_urge_form_and_the_shell_share_one_scale(self) -> None:
        stage_scale = next(f for f in load_stages()[3].fields if f.kind == "scale").labels
        assert stage_scale == load_tracker_text().strength_labels == urge_labels()
        assert (urge_labels()[5], urge_labels()[10]) == ("Moderate", "As strong as it gets")

    def test_the_shell_says_the_same_word(self, cli) -> None:
        out = cli("urge", "5")[1]
        assert "an urge of 5 out of 10 (moderate)" in out


class TestTone:
    """Words that do not assume, predict or repeat."""

    def test_them_is_always_the_ex(self) -> None:
        """Stage 5 once asked what "them" should remember, meaning the future self."""
        letter = next(s for s in load_stages()[5].steps if s.key == "letter")
        assert "want them to remember" not in letter.prompt
        assert "remember about today" in letter.prompt

    def test_stage_two_does_not_assume_who_left(self) -> None:
        fields = {f.key: f for f in load_stages()[2].fields}
        for key in ("what_is", "wishing"):
            assert not re.search(r"they (chose|left|would call)", fields[key].placeholder)

    def test_milestone_notes_do_not_predict_feelings(self) -> None:
        """ "The pull is often loudest around now" is said as what many people find, or not."""
        for days, note in load_tracker_text().milestone_notes.items():
            if re.search(r"\b(often|usually|will feel)\b", note):
                assert "for many people" in note.lower(), days
            assert "less of a hold" not in note and "becoming your own" not in note

    def test_the_boundaries_card_never_says_i_need_twice(self) -> None:
        headings = card_headings()
        card = {"need": "I need quiet evenings.", "wont_accept": "Late calls.", "line": ""}
        assert card_statements(card, headings) == [
            "I need quiet evenings.",
            "I won't accept: Late calls.",
        ]
        need = next(f for f in load_stages()[4].fields if f.key == "need")
        assert not need.placeholder.lower().startswith("i need")

    def test_the_shell_says_a_restart_as_the_app_does(self, cli) -> None:
        """After contact the shell said "0 days so far"; now, as home: when the count began."""
        cli("start", "40 days ago")
        out = cli("slip", "--at", "10 days ago")[1]
        assert "days so far" not in out
        assert "The count began again on Fri 13 Nov. Every day before it still counts." in out
        assert "Your longest run, 30 days, and your 40 days without contact stay yours." in out


class TestSupportLines:
    """Every line says when it answers and whether it may cost money."""

    def test_every_line_has_hours_and_a_cost(self) -> None:
        for country in load_support().countries:
            for line in (*country.lines, *country.abuse_lines):
                assert line.open.strip() and line.cost.strip(), line.name

    def test_lines_that_close_say_when_they_are_open(self) -> None:
        uk = load_support().country("uk")
        hours = {line.name: line.open for line in uk.abuse_lines}
        assert "Weekdays 9:30am to 4pm" in hours["National Stalking Helpline"]
        assert hours["Men's Advice Line"].startswith("Weekdays")
        assert "free" not in load_support().intro.lower()

    @pytest.mark.parametrize(
        ("code", "name", "contact"),
        [
            ("uk", "Shout", "Text SHOUT to 85258"),
            ("ie", "50808", "Text 50808"),
            ("au", "MensLine Australia", "Call 1300 78 99 78"),
        ],
    )
    def test_the_added_lines_are_there(self, code: str, name: str, contact: str) -> None:
        lines = {line.name: line for line in load_support().country(code).lines}
        assert lines[name].contact == contact

    def test_a_call_that_may_cost_money_says_so(self) -> None:
        au = {line.name: line.cost for line in load_support().country("au").lines}
        assert "may cost money" in au["MensLine Australia"]
        assert "local call" in au["Lifeline"]

    def test_a_text_line_says_which_networks_carry_it_free(self) -> None:
        """Shout is free on the main UK networks (its own pages), not on every one."""
        uk = {line.name: line.cost for line in load_support().country("uk").lines}
        assert uk["Shout"].startswith("Free on the main UK mobile networks")


class TestDateWords:
    """One way to word a day, with no strftime and no `%-d`."""

    def test_short_and_long_forms(self) -> None:
        assert short_day(date(2026, 11, 5), TODAY) == "Thu 5 Nov"
        assert short_day(date(2025, 11, 5), TODAY) == "Wed 5 Nov 2025"
        assert short_day(date(2026, 11, 5)) == "Thu 5 Nov 2026"
        assert long_day(date(2027, 3, 1), TODAY) == "Monday 1 March 2027"
        assert long_moment(AT) == "Friday 20 November 2026 at 21:05"

    def test_people_words_for_near_days(self) -> None:
        assert day_words(TODAY, TODAY) == "today"
        assert day_words(date(2026, 11, 22), TODAY) == "yesterday"
        assert moment_words(AT, TODAY) == "Fri 20 Nov at 21:05"

    def test_the_names_do_not_follow_the_locale(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """%a and %b follow LC_TIME; our tables do not."""
        monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
        assert short_day(date(2026, 12, 24)) == "Thu 24 Dec 2026"

    def test_no_module_formats_a_date_with_strftime_words(self) -> None:
        """Every worded date goes through tui.date_words (ISO stamps may stay as they are)."""
        worded = re.compile(r"%-?[aAbB]|%-d|(?<!%m-)%d\b")
        root = Path(__file__).resolve().parent.parent / "tui"
        offenders = [
            str(path.relative_to(root))
            for path in root.rglob("*.py")
            if path.name != "date_words.py" and worded.search(path.read_text(encoding="utf-8"))
        ]
        assert offenders == []
