"""Several processes writing at once lose nothing: the lock serialises read-modify-writes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.clock import now
from tui.store.records import MoodLog
from tui.store.store import Store

LOGGER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from tui.store.records import MoodLog
    from tui.store.store import Store
    from tui.clock import now

    writer, count, go = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
    store = Store.open()
    while not go.exists():  # start together, to collide as much as possible
        time.sleep(0.001)
    for n in range(count):
        store.add(MoodLog(at=now(), mood=n % 11, note=f"{writer}-{n}", source="cli"))
    """
)


@pytest.mark.slow
def test_four_processes_logging_25_moods_each_keep_all_100(data_dir: Path, tmp_path: Path) -> None:
    """Four writers at once, 25 logs each: 100 records, none lost, none doubled, no /tmp use."""
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    go = tmp_path / "go"
    environment = {**os.environ, "TMPDIR": str(private_tmp)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", LOGGER, f"w{index}", "25", str(go)], env=environment
        )
        for index in range(4)
    ]
    time.sleep(0.5)  # let them import and open the store
    go.touch()
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0, 0, 0]

    moods = Store.open(data_dir).moods()
    assert len(moods) == 100
    assert sorted(mood.note for mood in moods) == sorted(
        f"w{index}-{n}" for index in range(4) for n in range(25)
    )
    assert len({mood.id for mood in moods}) == 100
    assert list(private_tmp.iterdir()) == []


def test_an_open_app_sees_and_keeps_what_another_process_logged(data_dir: Path) -> None:
    """A store held open (the app) re-reads before showing and saving: both records stay."""
    app_store = Store.open(data_dir)
    app_store.add(MoodLog(at=now(), mood=5, note="from the app"))
    subprocess.run(
        [sys.executable, "-m", "tui", "log", "7", "from another shell"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert [mood.note for mood in app_store.moods()] == ["from another shell", "from the app"]
    app_store.add(MoodLog(at=now(), mood=6, note="the app again"))
    assert len(Store.open(data_dir).moods()) == 3
