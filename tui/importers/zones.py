"""Which zone a time without one is read in: the person's own, or the one they name."""

from __future__ import annotations

import os
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tui.importers.common import ImportProblem

SYSTEM_ZONE_FILE = "/etc/localtime"
LOCAL = "local"


def named_zone(name: str) -> tuple[ZoneInfo, str]:
    """The zone `--zone NAME` names, such as Europe/London; one clear sentence if unknown."""
    try:
        return ZoneInfo(name.strip()), name.strip()
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportProblem(
            "--zone needs a time zone name such as Europe/London or America/New_York."
        ) from None


def local_zone() -> tuple[tzinfo | None, str]:
    """The person's zone and its name: $TZ, else the system's; (None, "local") if unknown.

    None means "the system's local time", which datetime.astimezone() applies date by
    date; a zoneinfo zone does the same from the tz database and has a name to show.
    """
    setting = os.environ.get("TZ")
    if setting is not None:
        name = setting.removeprefix(":") or "UTC"
        try:
            return ZoneInfo(name), name
        except (ZoneInfoNotFoundError, ValueError):
            return None, LOCAL  # a POSIX rule such as "CET-1CEST": the system reads it
    target = os.path.realpath(SYSTEM_ZONE_FILE)
    _, marker, key = target.partition("/zoneinfo/")
    if marker:
        try:
            return ZoneInfo(key), key
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return None, LOCAL
