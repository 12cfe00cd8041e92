"""Every test gets its own empty data dir and a pinned clock; none sees real user data."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

FIXED_NOW = "2026-11-23T20:15:00+00:00"
"""The moment every test lives in unless it says otherwise (a Monday evening)."""


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty data dir, also set as $NOCONTACT_DATA_DIR for subprocesses and the app."""
    directory = tmp_path / "data"
    monkeypatch.setenv("NOCONTACT_DATA_DIR", str(directory))
    # Point the platform dirs somewhere harmless too, in case anything falls back to them.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return directory


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    """UTC and a fixed "now", so dates on screen and on disk are the same every run."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("NOCONTACT_NOW", FIXED_NOW)
    return FIXED_NOW
