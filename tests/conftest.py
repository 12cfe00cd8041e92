"""Every test gets its own empty data dir; none ever sees the real user's data."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir, also set as $NOCONTACT_DATA_DIR for subprocesses and the app."""
    directory = tmp_path / "data"
    monkeypatch.setenv("NOCONTACT_DATA_DIR", str(directory))
    # Point the platform dirs somewhere harmless too, in case anything falls back to them.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return directory
