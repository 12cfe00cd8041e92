"""Where a person's records live, resolved each time so tests can point it anywhere."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "NOCONTACT_DATA_DIR"
APP_NAME = "nocontact-coach"


def default_data_dir() -> Path:
    """The platform's user data directory for the app."""
    # Imported here: only a run without --data-dir or the variable pays for it.
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: an explicit override, else $NOCONTACT_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()
