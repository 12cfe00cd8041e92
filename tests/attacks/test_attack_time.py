"""Class 7: time is right in every time zone, and a wrong clock never costs a backup.

Real TZ values in real processes, with the pinned clock NOCONTACT_NOW fixing the instant
(written with the local offset a real clock there would show) and TZ deciding the rest, as
on a laptop carried from Kiritimati (UTC+14) to Honolulu (UTC-10), or through a change to
or from British summer time.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from attack_helpers import run_cli

from tui.cli import main
from tui.store.store import Store

KIRITIMATI = "Pacific/Kiritimati"
HONOLULU = "Pacific/Honolulu"
LONDON = "Europe/London"


def _moved_across_the_date_line(data_dir: Path) -> None:
    """Two moods: the first in Kiritimati (local 1 Dec), the later one in Honolulu (local
    30 Nov), so the later one sits in the earlier month's shard."""
    first = run_cli(
        data_dir, "log", "3", "in kiritimati", tz=KIRITIMATI, now="2026-12-01T00:30+14:00"
    )
    second = run_cli(data_dir, "log", "8", "in honolulu", tz=HONOLULU, now="2026-11-30T20:00-10:00")
    assert first.returncode == second.returncode == 0
    assert (data_dir / "moods" / "2026-12.json").exists()
    assert (data_dir / "moods" / "2026-11.json").exists()


def test_latest_and_order_hold_after_crossing_the_date_line(data_dir: Path) -> None:
    """status shows the mood logged last; history lists it first; each keeps its own offset."""
    _moved_across_the_date_line(data_dir)
    later = "2026-11-30T22:00-10:00"
    short = run_cli(data_dir, "status", "--short", tz=HONOLULU, now=later)
    assert short.stdout.strip() == "no start set · mood 8"
    listed = json.loads(run_cli(data_dir, "history", "--json", tz=HONOLULU, now=later).stdout)
    assert [(item["note"], item["at"]) for item in listed] == [
        ("in honolulu", "2026-11-30T20:00:00-10:00"),
        ("in kiritimati", "2026-12-01T00:30:00+14:00"),
    ]
    overview = Store.open(data_dir).overview()
    assert overview.latest_mood is not None and overview.latest_mood.note == "in honolulu"


def test_since_and_until_find_records_in_the_other_months_shard(data_dir: Path) -> None:
    """--since after the Kiritimati mood finds the Honolulu one though it sits in November's
    shard; --until before the Honolulu mood finds the Kiritimati one in December's."""
    _moved_across_the_date_line(data_dir)
    later = "2026-11-30T22:00-10:00"
    since = run_cli(data_dir, "history", "--since", "2026-11-30 19:00", tz=HONOLULU, now=later)
    assert "in honolulu" in since.stdout and "in kiritimati" not in since.stdout
    until = run_cli(data_dir, "history", "--until", "2026-11-30 19:00", tz=HONOLULU, now=later)
    assert "in kiritimati" in until.stdout and "in honolulu" not in until.stdout


def test_a_past_time_takes_its_own_days_offset_across_summer_time(data_dir: Path) -> None:
    """In London in November, --at a July time is +01:00 (BST), and "2 days ago 21:00" from
    the Monday after the clocks went back is Saturday 21:00 BST, not GMT."""
    july = run_cli(data_dir, "log", "6", "--at", "2026-07-01 12:00", tz=LONDON)
    saturday = run_cli(
        data_dir, "log", "5", "--at", "2 days ago 21:00", tz=LONDON, now="2026-10-26T12:00Z"
    )
    assert july.returncode == saturday.returncode == 0
    ats = {mood.mood: mood.at for mood in Store.open(data_dir).moods()}
    assert ats[6].isoformat() == "2026-07-01T12:00:00+01:00"
    assert ats[5].isoformat() == "2026-10-24T21:00:00+01:00"
    for moment in ats.values():
        local = moment.astimezone(ZoneInfo(LONDON))
        assert moment.utcoffset() == local.utcoffset()


def test_day_words_keep_the_wall_clock_across_the_change(data_dir: Path) -> None:
    """ "yesterday" on the Sunday the clocks went back is Saturday at the same wall time,
    in summer time (+01:00), not an hour off."""
    now = "2026-10-25T12:00:00+00:00"
    done = run_cli(data_dir, "log", "4", "--at", "yesterday", tz=LONDON, now=now)
    assert done.returncode == 0
    [mood] = Store.open(data_dir).moods()
    assert mood.at.isoformat() == "2026-10-24T12:00:00+01:00"


def test_a_clock_that_jumped_ahead_never_costs_the_new_backups(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saves on three days with the clock in 2099, then on three real days: the copies of
    tracker.json from the real days are all kept, and the wrong-clock ones are rotated
    among themselves (before, each new copy was the "oldest" and deleted at once)."""
    days = ("2099-01-01", "2099-01-02", "2099-01-03", "2026-11-23", "2026-11-24", "2026-11-25")
    for day in days:
        monkeypatch.setenv("NOCONTACT_NOW", f"{day}T12:00:00+00:00")
        assert main(["slip"]) == 0
    copies = sorted(path.name for path in (data_dir / "backups").glob("tracker.json.*.bak"))
    assert copies == [
        "tracker.json.2026-11-23.bak",
        "tracker.json.2026-11-24.bak",
        "tracker.json.2026-11-25.bak",
        "tracker.json.2099-01-02.bak",
        "tracker.json.2099-01-03.bak",
    ]


def test_urge_counts_since_a_moment_hold_across_zones(data_dir: Path) -> None:
    """Counting urges since a moment reads the months around it exactly: an urge logged in
    Kiritimati before that moment, filed under the next month, is not counted."""
    run_cli(data_dir, "urge", "5", tz=KIRITIMATI, now="2026-12-01T01:00+14:00")  # 1 Dec, 01:00
    run_cli(data_dir, "urge", "6", tz=HONOLULU, now="2026-11-30T22:30-10:00")  # 30 Nov, 22:30
    store = Store.open(data_dir)
    assert store.urge_counts(datetime(2026, 11, 30, 12, tzinfo=UTC)) == (1, 0)
    assert store.urge_counts(datetime(2026, 11, 30, 10, tzinfo=UTC)) == (2, 0)
    assert store.urge_counts(datetime(2026, 12, 1, 9, tzinfo=UTC)) == (0, 0)
