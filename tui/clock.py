"""The current time, in one place, so tests and screenshots can pin it.

NOCONTACT_NOW (an ISO date-time) fixes "now" for a whole process and its children:
snapshot tests, CLI subprocess tests and the screenshot script use it.
"""

from __future__ import annotations

import os
from datetime import date, datetime

NOW_ENV_VAR = "NOCONTACT_NOW"


def now() -> datetime:
    """The local time now, with its UTC offset, to the second."""
    pinned = os.environ.get(NOW_ENV_VAR)
    if pinned:
        moment = datetime.fromisoformat(pinned)
        return (moment if moment.tzinfo else moment.astimezone()).replace(microsecond=0)
    return datetime.now().astimezone().replace(microsecond=0)


def today() -> date:
    """The local date today."""
    return now().date()
