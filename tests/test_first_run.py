"""Whether to welcome, and the country guessed for the crisis lines (always confirmed after)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tui.content.support import load_support
from tui.content.welcome_text import load_welcome_text
from tui.first_run import guess_country, locale_region, should_welcome, zone_countries, zone_name
from tui.store import setting_keys
from tui.store.records import MoodLog, Slip, Urge
from tui.store.store import Store

BY_REGION = load_welcome_text().country_guess
ZONES = {
    "Europe/London": "GB",
    "Europe/Dublin": "IE",
    "America/Toronto": "CA",
    "Europe/Berlin": "DE",
}


class TestShouldWelcome:
    def test_an_empty_journal_is_welcomed(self, data_dir: Path) -> None:
        assert should_welcome(Store.open(data_dir))

    def test_settings_alone_leave_it_empty(self, data_dir: Path) -> None:
        store = Store.open(data_dir)
        store.set_setting(setting_keys.COUNTRY, "uk")
        assert should_welcome(store)

    def test_once_seen_never_again(self, data_dir: Path) -> None:
        store = Store.open(data_dir)
        store.set_setting(setting_keys.WELCOMED, True)
        assert not should_welcome(store)

    @pytest.mark.parametrize("kind", ["mood", "urge", "start", "slip"])
    def test_a_journal_with_anything_in_it_is_not(self, data_dir: Path, kind: str) -> None:
        store = Store.open(data_dir)
        moment = datetime(2026, 11, 20, 9, tzinfo=UTC)
        if kind == "mood":
            store.add(MoodLog(at=moment, mood=5))
        elif kind == "urge":
            store.add(Urge(at=moment, strength=5))
        elif kind == "start":
            store.set_no_contact_start(date(2026, 11, 1))
        else:
            store.add_slip(Slip(at=moment))
        assert not should_welcome(store)


class TestCountryGuess:
    def test_the_zone_decides_first(self) -> None:
        assert guess_country(BY_REGION, "Europe/Dublin", ZONES, "GB") == "ie"
        assert guess_country(BY_REGION, "America/Toronto", ZONES, "US") == "ca"

    def test_a_zone_we_have_no_lines_for_is_not_overruled_by_the_language(self) -> None:
        assert guess_country(BY_REGION, "Europe/Berlin", ZONES, "US") is None

    def test_without_a_known_zone_the_language_region(self) -> None:
        assert guess_country(BY_REGION, "Etc/UTC", ZONES, "AU") == "au"
        assert guess_country(BY_REGION, None, ZONES, "GB") == "uk"
        assert guess_country(BY_REGION, None, ZONES, None) is None

    def test_every_guess_names_a_country_support_knows(self) -> None:
        codes = {country.code for country in load_support().countries}
        assert set(BY_REGION.values()) <= codes

    @pytest.mark.parametrize(
        ("environ", "region"),
        [
            ({"LANG": "en_GB.UTF-8"}, "GB"),
            ({"LANG": "en_US.UTF-8", "LC_ALL": "fr_CA.UTF-8"}, "CA"),
            ({"LC_MESSAGES": "en_IE@euro", "LANG": "C"}, "IE"),
            ({"LANG": "C.UTF-8"}, None),
            ({}, None),
        ],
    )
    def test_the_locale_region(self, environ: dict[str, str], region: str | None) -> None:
        assert locale_region(environ) == region

    def test_the_zone_name_from_tz_or_the_system_link(self, tmp_path: Path) -> None:
        assert zone_name({"TZ": ":Europe/London"}) == "Europe/London"
        assert zone_name({"TZ": "UTC0"}) is None
        link = tmp_path / "localtime"
        os.symlink("/usr/share/zoneinfo/America/Toronto", link)
        assert zone_name({}, link) == "America/Toronto"
        assert zone_name({}, tmp_path / "missing") is None

    def test_the_systems_zone_table(self, tmp_path: Path) -> None:
        (tmp_path / "zone1970.tab").write_text(
            "# comment\nGB,GG,IM,JE\t+513030-0000731\tEurope/London\n"
            "IE\t+5320-00615\tEurope/Dublin\n",
            encoding="utf-8",
        )
        assert zone_countries((str(tmp_path / "none"), str(tmp_path))) == {
            "Europe/London": "GB",
            "Europe/Dublin": "IE",
        }
        assert zone_countries((str(tmp_path / "none"),)) == {}
