"""Class 9: no plaintext copy outlives a failed write, and no error quotes what was written.

Writers killed at random moments and writers stopped by a real file size limit leave no
hidden copy anywhere: not beside an export, not in the data dir, not in backups/. Import
refusals say where the fault is, never what is written there.
"""

from __future__ import annotations

import json
import os
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from attack_helpers import NOW, Child, run_cli, run_in_process

from tui.commandline.export import write_export
from tui.store.records import MoodLog
from tui.store.store import Store

KILLS = 12
SECRET = "the words I never said out loud"


def store_moment(minute: int) -> datetime:
    """`minute` minutes before the pinned now."""
    return datetime.fromisoformat(NOW) - timedelta(minutes=minute)


def _hidden_files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.rglob(".*") if path.is_file())


@pytest.mark.slow
def test_a_killed_export_leaves_no_copy_beside_the_target(tmp_path: Path) -> None:
    """SIGKILL at random moments while an 8 MB export is written: afterwards the folder
    holds nothing or the whole export, never a hidden partial copy."""
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "everything.json"
    text = json.dumps({"note": SECRET * 250_000})
    rng = random.Random(9)
    started = time.monotonic()
    probe = Child(lambda report: (write_export(target, text), os.write(report, b"D")))
    probe.finish()
    whole = time.monotonic() - started
    target.unlink()
    for _ in range(KILLS):

        def work(report: int) -> None:
            os.write(report, b"S")
            write_export(target, text)
            os.write(report, b"D")

        child = Child(work)
        assert child.wait_for(b"S")
        time.sleep(rng.uniform(0, whole))
        child.kill()
        assert _hidden_files(folder) == []
        if target.exists():
            assert target.read_text() == text
            target.unlink()


def test_an_export_stopped_by_a_size_limit_leaves_nothing(data_dir: Path, tmp_path: Path) -> None:
    """RLIMIT_FSIZE below the export's size: "Not exported", exit 1, the folder empty."""
    store = Store.open(data_dir)
    store.add_many(MoodLog(at=store_moment(minute), mood=5, note=SECRET) for minute in range(400))
    folder = tmp_path / "exports"
    folder.mkdir()
    done = run_cli(data_dir, "export", "-o", str(folder / "x.json"), file_limit=20_000)
    assert done.returncode == 1
    assert done.stderr.startswith(
        "nocontact: Not exported: the file would be larger than this system allows"
    )
    assert list(folder.iterdir()) == []


def test_temp_files_of_killed_backup_writes_are_cleaned_everywhere(data_dir: Path) -> None:
    """Named temp files a killed writer left (the fallback without O_TMPFILE) in the data
    dir, in backups/ and in backups/moods/ are all gone after the next start."""
    Store.open(data_dir).add(MoodLog(at=store_moment(0), mood=5, note=SECRET))
    stale = [
        data_dir / "backups" / ".tracker.json.2026-11-23.bak.999999999.0a1b2c3d.tmp",
        data_dir / "backups" / "moods" / ".2026-11.json.2026-11-23.bak.999999999.00ff00ff.tmp",
        data_dir / ".profile.json.999999999.0a0b0c0d.tmp",
        data_dir / ".journal" / "0123456789abcdef.staged",
    ]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(SECRET)
    Store.open(data_dir)
    assert [path for path in stale if path.exists()] == []


@pytest.mark.slow
def test_killed_daily_backups_leave_no_copy(data_dir: Path) -> None:
    """SIGKILL while the day's first save copies a 3 MB month into backups/: no hidden file
    anywhere, and the month itself is whole."""
    store = Store.open(data_dir)
    store.add_many(
        MoodLog(at=store_moment(minute), mood=5, note=SECRET * 20) for minute in range(3000)
    )
    rng = random.Random(3)
    for day in range(KILLS):
        now = f"2026-12-{day + 1:02d}T09:00:00+00:00"

        def work(report: int, now: str = now) -> None:
            os.environ["NOCONTACT_NOW"] = now
            os.write(report, b"S")
            Store.open(data_dir).add(MoodLog(at=store_moment(0), mood=4))

        child = Child(work)
        assert child.wait_for(b"S")
        time.sleep(rng.uniform(0, 0.15))
        child.kill()
        # Before any clean-up: an unnamed (O_TMPFILE) copy vanishes with its writer.
        assert _hidden_files(data_dir / "backups") == []
        Store.open(data_dir)
        assert _hidden_files(data_dir) == [".lock"]
    assert len(Store.open(data_dir).moods()) >= 3000


BAD_EXPORTS = {
    "a time that is words": lambda doc: doc["moods"][0].update(at=SECRET),
    "a mood that is words": lambda doc: doc["moods"][0].update(mood=SECRET),
    "a field the app does not know": lambda doc: doc["moods"][0].update({SECRET: 1}),
    "a part the app does not know": lambda doc: doc.update({SECRET: []}),
    "a setting of the wrong shape": lambda doc: doc["settings"].update(safety_plan=[SECRET]),
    "a start day that is words": lambda doc: doc.update(no_contact_start=SECRET),
    "a version that is words": lambda doc: doc.update(version=SECRET),
    "tags that are one string": lambda doc: doc["moods"][0].update(tags=SECRET),
    "a note with a control character": lambda doc: doc["moods"][0].update(note=SECRET + "\x00"),
}


@pytest.mark.parametrize("fault", list(BAD_EXPORTS))
def test_import_refusals_never_quote_the_file(
    data_dir: Path, tmp_path: Path, fault: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each malformed export: exit 2, one line, and not a word of what the file says."""
    document = {
        "format": "nocontact-coach",
        "version": 1,
        "settings": {"reasons": "fine"},
        "moods": [{"at": NOW, "mood": 5, "note": "", "tags": [], "source": "cli", "id": "m"}],
    }
    BAD_EXPORTS[fault](document)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    code, out, err = run_in_process(capsys, "import", str(path))
    assert code == 2
    assert err.count("\n") == 1
    assert "words" not in err and "never said" not in err
    assert not (data_dir / "moods").exists()
