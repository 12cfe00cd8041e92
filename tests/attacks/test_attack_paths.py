"""Class 5: nothing outside the data dir is ever touched, and a shared folder is refused.

The rule for the data folder (README, "Your data is safe"): a new one is created 0700; an
existing one must be ours and writable by nobody else; one others may only read (0755) is
made private; anything else is refused in one line, its mode left alone. Inside it, no
link is followed: not to read, not to write, not to change a mode.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from attack_helpers import mood_document, run_cli, run_in_process, shard_bytes

from tui.store.store import Store

SECRET = b"a file outside the journal that must never be read, moved or re-permissioned\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A file of someone else's, outside the data dir, readable by all (0644)."""
    path = tmp_path / "elsewhere" / "notes.txt"
    path.parent.mkdir()
    path.write_bytes(SECRET)
    path.chmod(0o644)
    return path


def _untouched(path: Path) -> bool:
    return path.read_bytes() == SECRET and stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "relative",
    ["moods/2026-11.json", "tracker.json", "profile.json", "backups/tracker.json.2026-11-22.bak"],
)
def test_a_link_in_the_data_dir_is_never_followed(
    data_dir: Path, outside: Path, relative: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A data file that is a link to a file elsewhere: every command leaves that file as it
    was (bytes and mode), never shows it, and keeps the link aside like a broken file."""
    Store.open(data_dir)
    link = data_dir / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside)
    commands = (["status"], ["history"], ["log", "5", "a night"], ["slip"], ["urge", "4"])
    for arguments in (*commands, ["restore"]):
        code, out, err = run_in_process(capsys, *arguments)
        assert code == 0, err
        assert SECRET.decode().strip() not in out + err
    assert _untouched(outside)


def test_a_dangling_lock_link_creates_nothing_elsewhere(data_dir: Path, tmp_path: Path) -> None:
    """.lock pointing at a file that does not exist: refused in one line, nothing created."""
    Store.open(data_dir)
    (data_dir / ".lock").unlink()
    target = tmp_path / "planted" / "lockfile"
    target.parent.mkdir()
    (data_dir / ".lock").symlink_to(target)
    done = run_cli(data_dir, "log", "5")
    assert done.returncode == 1
    assert done.stderr == (
        f"nocontact: The data folder {data_dir} cannot be used: .lock in it is a link or not a "
        "plain file, which the app never follows.\n"
    )
    assert not target.exists() and list(target.parent.iterdir()) == []
    assert not (data_dir / "moods").exists()


@pytest.mark.parametrize(
    ("mode", "why"),
    [
        (0o777, "is shared: other users can add or remove files in it"),
        (0o1777, "is shared: other users can add or remove files in it"),
        (0o770, "is shared: other users can add or remove files in it"),
    ],
    ids=["world-writable", "sticky like /tmp", "group-writable"],
)
def test_a_shared_folder_is_refused_not_re_permissioned(
    tmp_path: Path, mode: int, why: str
) -> None:
    """A folder like /tmp or a shared home folder: one line, its mode and contents left alone."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(mode)
    done = run_cli(shared, "log", "6", "private words")
    assert done.returncode == 1
    assert done.stderr == f"nocontact: The data folder {shared} cannot be used: {shared} {why}.\n"
    assert stat.S_IMODE(shared.stat().st_mode) == mode
    assert list(shared.iterdir()) == []


def test_a_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    """Someone else's folder (chowned to nobody when we are root, else /usr): refused."""
    if os.geteuid() == 0:
        theirs = tmp_path / "theirs"
        theirs.mkdir(mode=0o700)
        os.chown(theirs, 65534, 65534)
    else:
        theirs = Path("/usr")
    mode = stat.S_IMODE(theirs.stat().st_mode)
    done = run_cli(theirs, "status")
    assert done.returncode == 1
    assert done.stderr.endswith(f"{theirs} belongs to another user.\n")
    assert stat.S_IMODE(theirs.stat().st_mode) == mode


def test_a_folder_of_our_own_that_others_may_read_is_made_private(tmp_path: Path) -> None:
    """The one folder the app tightens: ours, 0755, writable by nobody else."""
    ours = tmp_path / "ours"
    ours.mkdir()
    ours.chmod(0o755)
    assert run_cli(ours, "log", "6").returncode == 0
    assert stat.S_IMODE(ours.stat().st_mode) == 0o700


def test_a_kind_folder_that_links_elsewhere_is_refused(data_dir: Path, tmp_path: Path) -> None:
    """moods/ as a link to another folder: nothing read from or written into that folder."""
    elsewhere = tmp_path / "other-folder"
    elsewhere.mkdir()
    (elsewhere / "2026-11.json").write_bytes(shard_bytes([mood_document(NOW_TIME)]))
    before = sorted(elsewhere.iterdir())
    Store.open(data_dir)
    (data_dir / "moods").symlink_to(elsewhere)
    done = run_cli(data_dir, "log", "6")
    assert done.returncode == 1
    assert "moods is a link or not a folder, and the app never follows one" in done.stderr
    assert sorted(elsewhere.iterdir()) == before


NOW_TIME = "2026-11-23T20:00:00+00:00"


def _device_or_fifo(tmp_path: Path) -> list[Path]:
    """A FIFO always; a character device too when we may make one (root)."""
    fifo = tmp_path / "a-pipe"
    os.mkfifo(fifo)
    found = [fifo]
    if os.geteuid() == 0:
        device = tmp_path / "a-null-device"
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        found.append(device)
    return found


def test_export_never_replaces_what_is_not_a_regular_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """-o at a FIFO, a device, a folder or a link to one: exit 2, one line, the node as it was."""
    Store.open(data_dir)
    nodes = _device_or_fifo(tmp_path)
    link = tmp_path / "link-to-pipe"
    link.symlink_to(nodes[0])
    folder = tmp_path / "a-folder"
    folder.mkdir()
    for target in [*nodes, link, folder]:
        kind = stat.S_IFMT(os.lstat(target).st_mode)
        code, _, err = run_in_process(capsys, "export", "-o", str(target))
        assert code == 2, target
        assert err.count("\n") == 1 and "nothing was written" in err
        assert stat.S_IFMT(os.lstat(target).st_mode) == kind
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_an_empty_data_dir_option_is_refused(tmp_path: Path) -> None:
    """--data-dir "" would silently mean the default journal: refused, nothing written."""
    home = tmp_path / "home"
    done = run_cli(tmp_path / "unused", "--data-dir", "", "log", "6", env={"HOME": str(home)})
    assert done.returncode == 2
    assert done.stderr == "nocontact: --data-dir needs a folder, and it was given an empty one.\n"
    assert not home.exists() and not (tmp_path / "unused").exists()
