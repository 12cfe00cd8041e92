"""`nocontact config` and the checks behind it: what is listed, saved, and refused."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main
from tui.store import setting_keys
from tui.store.preferences import CHOSEN, THEMES, current
from tui.store.store import Store
from tui.store.validation import ValidationError


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `nocontact ARGS` in-process; return (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def snapshot(data_dir: Path) -> dict[str, bytes]:
    """Every file in the data dir with its bytes, to prove nothing was written."""
    if not data_dir.exists():
        return {}
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*"))
        if path.is_file()
    }


def saved_settings(data_dir: Path) -> dict[str, object]:
    tables = json.loads((data_dir / "profile.json").read_text(encoding="utf-8"))
    return {row["key"]: row["value"] for row in tables["settings"].values()}


class TestListing:
    def test_no_argument_lists_every_key_with_its_value_and_meaning(self, cli) -> None:
        code, out, err = cli("config")
        assert (code, err) == (0, "")
        keys = [line.split()[0] for line in out.splitlines() if not line.startswith(" ")]
        assert keys == ["country", "quiet", "theme", "checkin", "prompt"]
        assert "country   anywhere\n" not in out  # two spaces after the widest key, no more
        assert "country  anywhere\n" in out
        assert "quiet    off\n" in out
        assert "theme    textual-dark\n" in out
        assert "checkin  20:00\n" in out
        assert "prompt   day,mood\n" in out
        assert "    Hides day counts everywhere" in out

    def test_the_listing_shows_what_was_saved(self, cli) -> None:
        assert cli("config", "quiet", "on")[0] == 0
        assert cli("config", "checkin", "21:30")[0] == 0
        out = cli("config")[1]
        assert "quiet    on\n" in out
        assert "checkin  21:30\n" in out

    def test_a_key_alone_prints_its_value(self, cli) -> None:
        assert cli("config", "prompt") == (0, "day,mood\n", "")
        cli("config", "prompt", "off")
        assert cli("config", "prompt") == (0, "off\n", "")


class TestSaving:
    @pytest.mark.parametrize(
        ("key", "typed", "stored", "shown"),
        [
            ("country", "UK", "uk", "uk"),
            ("quiet", "yes", True, "on"),
            ("quiet", "off", False, "off"),
            ("theme", "nord", "nord", "nord"),
            ("checkin", "9:05", "09:05", "09:05"),
            ("checkin", "21", "21:00", "21:00"),
            ("checkin", "off", "off", "off"),
            ("prompt", "mood,day", ["day", "mood"], "day,mood"),
            ("prompt", "mood", ["mood"], "mood"),
            ("prompt", "off", [], "off"),
        ],
    )
    def test_a_value_is_saved_and_confirmed(
        self, cli, data_dir: Path, key: str, typed: str, stored: object, shown: str
    ) -> None:
        code, out, err = cli("config", key, typed)
        assert (code, err) == (0, "")
        assert out == f"{key} is now {shown}.\n"
        assert saved_settings(data_dir)[key] == stored
        assert (data_dir / "profile.json").stat().st_mode & 0o777 == 0o600


class TestRefusals:
    """Unknown key or bad value: exit 2, one line on stderr, nothing written."""

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (("colour", "blue"), "'colour' is not a setting; the settings are"),
            (("colour",), "'colour' is not a setting"),
            (("country", "fr"), "The setting country takes one of: anywhere, us, uk"),
            (("country", "U K"), "A country is saved as its short code"),
            (("country", "GB"), "The setting country takes one of"),
            (("quiet", "maybe"), "The setting quiet takes on or off."),
            (("theme", "neon"), "The setting theme takes one of: textual-dark"),
            (("checkin", "25:00"), "The setting checkin takes a time of day"),
            (("checkin", "8pm"), "The setting checkin takes a time of day"),
            (("checkin", "9:5"), "The setting checkin takes a time of day"),
            (("prompt", "weather"), "The setting prompt takes day, mood, day,mood or off."),
            (("prompt", "day,off"), "The setting prompt takes"),
            (("quiet", "on", "extra"), "'extra' is not an option here"),
        ],
    )
    def test_exit_2_one_line_nothing_written(
        self, cli, data_dir: Path, argv: tuple[str, ...], message: str
    ) -> None:
        cli("config", "checkin", "19:00")  # a journal with a setting already in it
        before = snapshot(data_dir)
        code, out, err = cli("config", *argv)
        assert (code, out) == (2, "")
        assert err.startswith(f"nocontact: {message}")
        assert err.count("\n") == 1
        assert snapshot(data_dir) == before

    def test_on_an_empty_journal_nothing_is_even_created(self, cli, data_dir: Path) -> None:
        assert cli("config", "quiet", "loud")[0] == 2
        assert snapshot(data_dir) == {}


class TestTheStoreChecksEverySetting:
    """Every writer goes through Store.set_setting: the screen, the welcome, `config`."""

    @pytest.mark.parametrize(
        ("key", "value"),
        [
            (setting_keys.QUIET, "yes"),
            (setting_keys.THEME, "neon"),
            (setting_keys.CHECKIN, "9:00"),
            (setting_keys.CHECKIN, 900),
            (setting_keys.PROMPT, ["mood", "day"]),
            (setting_keys.PROMPT, "day"),
            (setting_keys.COUNTRY, "United Kingdom"),
            (setting_keys.WELCOMED, "yes"),
            (setting_keys.WEEK_SEEN, "last week"),
        ],
    )
    def test_a_bad_value_is_refused_and_not_written(
        self, data_dir: Path, key: str, value: object
    ) -> None:
        store = Store.open(data_dir)
        with pytest.raises(ValidationError):
            store.set_setting(key, value)
        assert not (data_dir / "profile.json").exists()

    def test_a_bad_value_already_on_disk_reads_as_the_default(self) -> None:
        assert current(setting_keys.THEME, "neon") == "textual-dark"
        assert current(setting_keys.QUIET, "yes") is False
        assert current(setting_keys.PROMPT, None) == ["day", "mood"]
        assert current(setting_keys.CHECKIN, 7) == "20:00"

    def test_every_chosen_setting_has_a_default_that_passes_its_check(self) -> None:
        for preference in CHOSEN.values():
            preference.check(preference.default)


def test_every_chosen_setting_is_described_in_its_order() -> None:
    """data/settings.json says what each setting means, in the order `config` lists them."""
    from tui.content.settings_text import load_settings_text

    assert list(load_settings_text().settings) == list(CHOSEN)


def test_the_theme_list_is_textuals_own() -> None:
    """`config` keeps the names so it never imports Textual; this fails if Textual's change."""
    from textual.theme import BUILTIN_THEMES

    assert set(THEMES) == set(BUILTIN_THEMES)


def test_config_shell_init_and_week_never_import_textual(data_dir: Path) -> None:
    script = """
import sys
from tui.cli import main
for argv in (["config"], ["config", "quiet", "on"], ["config", "theme"], ["shell-init", "bash"],
             ["shell-init", "zsh"], ["shell-init", "fish"], ["week"], ["week", "--last", "3"]):
    assert main(argv) == 0, argv
    loaded = sorted(name for name in sys.modules if name.split(".")[0] == "textual")
    assert not loaded, (argv, loaded)
print("no textual", file=sys.stderr)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith("no textual\n")
