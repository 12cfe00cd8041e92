"""`make run` tries the app in a temporary folder, and the app says so at once.

The Makefile names the folder it made in NOCONTACT_TRIAL_DIR; the app marks itself as a
trial only when that is the folder it opened, so a real journal is never called one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App

TRIAL_VARIABLE = "NOCONTACT_TRIAL_DIR"
"""Set by `make run` to the temporary data folder it made."""
TRIAL_SUBTITLE = "trial folder · not kept"
TRIAL_NOTICE = (
    "This is a trial folder made by make run: it is temporary and will not be kept. "
    "Try anything here; for entries of your own, run nocontact without make."
)
TRIAL_SECONDS = 60
"""How long the notice stays: long enough to be read before anything is typed."""


def is_trial(data_dir: Path) -> bool:
    """Whether `data_dir` is the temporary folder `make run` made for this run."""
    marked = os.environ.get(TRIAL_VARIABLE, "")
    if not marked:
        return False
    try:
        return Path(marked).resolve() == data_dir.resolve()
    except OSError:
        return False


def show_trial_notice(app: App[Any], data_dir: Path) -> None:
    """Mark the app as a trial, in its subtitle and a notice, when its folder is one."""
    if is_trial(data_dir):
        app.sub_title = TRIAL_SUBTITLE
        app.notify(TRIAL_NOTICE, title="A trial folder", timeout=TRIAL_SECONDS)
