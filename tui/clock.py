"""The current time, in one place, so tests and screenshots can pin it.

NOCONTACT_NOW (an ISO date-time) fixes the instant "now" for a whole process and its
children: snapshot tests, CLI subprocess tests and the screenshot script use it. The local
time zone (TZ) still decides its wall clock and UTC offset, as it would for the real clock.
"""

from __future__ import annotations

import os
from datetime import date, datetime

NOW_ENV_VAR = "NOCONTACT_NOW"


def now() -> datetime:
    """The local time now, with its UTC offset, to the second."""
    pinned = os.environ.get(NOW_ENV_VAR)
    moment = datetime.fromisoformat(pinned) if pinned else datetime.now()
    return moment.astimezone().replace(microsecond=0)


def today() -> date:
    """The local date today."""
    return now().date()


def local(wall_clock: datetime) -> datetime:
    """A wall-clock time (naive) in the local zone, with the offset that zone has on that
    day: a date across a change to or from daylight saving gets its own offset, not today's."""
    return wall_clock.astimezone() if wall_clock.tzinfo is None else wall_clock
