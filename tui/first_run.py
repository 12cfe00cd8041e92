"""The first run: whether to welcome someone, and a guess at their country for the crisis lines.

No Textual here. The welcome shows once, on an empty journal (nothing saved but perhaps
a setting), until it is finished or skipped. The country is only ever a guess for the
person to confirm: from the time zone the computer is set to (the system's zone.tab names
each zone's country), else the region of its language setting ("en_GB" is GB).
"""

from __future__ import annotations

import os
import zoneinfo
from collections.abc import Mapping
from pathlib import Path

from tui.store import setting_keys
from tui.store.store import SHARDED_KINDS, Store

ZONE_TABLES = ("zone1970.tab", "zone.tab")
"""The tz database's tables of zones by country, in the order they are tried."""
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""Where the language setting is read, in the order the C library reads them."""


def should_welcome(store: Store) -> bool:
    """Whether to show the welcome: never seen, and nothing saved in the journal yet."""
    if store.setting(setting_keys.WELCOMED) is True:
        return False
    if store.no_contact_start() is not None or store.slips() or store.logistics():
        return False
    return not any(store.shard_paths(kind) for kind in SHARDED_KINDS)


def zone_name(environ: Mapping[str, str], localtime: Path = Path("/etc/localtime")) -> str | None:
    """The IANA name of the time zone in use ("Europe/London"), if it can be told."""
    named = environ.get("TZ", "").removeprefix(":")
    if named:
        return named if "/" in named else None
    try:
        target = os.readlink(localtime)
    except OSError:
        return None
    _, found, name = target.partition("zoneinfo/")
    return name if found and name else None


def zone_countries(search_path: tuple[str, ...] = zoneinfo.TZPATH) -> dict[str, str]:
    """Zone name -> ISO 3166 country code, from the first zone table found on this system."""
    for folder in search_path:
        for table in ZONE_TABLES:
            try:
                lines = (Path(folder) / table).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            found = {}
            for line in lines:
                columns = line.split("\t")
                if line.startswith("#") or len(columns) < 3:
                    continue
                # zone1970.tab lists several countries for a zone they share; the first leads.
                found[columns[2]] = columns[0].split(",")[0]
            return found
    return {}


def locale_region(environ: Mapping[str, str]) -> str | None:
    """The region of the language setting: "GB" from "en_GB.UTF-8"."""
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            language = value.split(".")[0].split("@")[0]
            _, underscore, region = language.partition("_")
            return region.upper() if underscore and region.isalpha() else None
    return None


def guess_country(
    by_region: Mapping[str, str],
    zone: str | None,
    zone_table: Mapping[str, str],
    region: str | None,
) -> str | None:
    """Our country code for this computer, or None: the zone's country, else the locale's.

    A zone that names a country wins even when we have no lines for it: a person in
    Berlin with an American English setting is not in the United States. `by_region`
    maps ISO codes to the codes in data/support.json ("GB" -> "uk").
    """
    iso = zone_table.get(zone or "") or region
    return by_region.get(iso) if iso else None


def guess_this_computer(by_region: Mapping[str, str]) -> str | None:
    """guess_country for the computer this runs on."""
    return guess_country(
        by_region, zone_name(os.environ), zone_countries(), locale_region(os.environ)
    )
