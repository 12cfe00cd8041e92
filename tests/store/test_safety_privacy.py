"""Private by construction: 0600 files, 0700 folders whatever the umask, and no network code."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from safety_helpers import modes

import tui
from tui.cli import main
from tui.clock import now
from tui.store.atomic import write_private_file
from tui.store.records import Draft, MoodLog, Slip
from tui.store.store import Store

NETWORK_MODULES = (
    "socket",
    "ssl",
    "http",
    "urllib.request",
    "urllib3",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "websockets",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "asyncore",
    "webbrowser",
)
ASYNCIO_NETWORK = {
    "open_connection",
    "start_server",
    "open_unix_connection",
    "start_unix_server",
    "create_connection",
    "create_server",
    "create_datagram_endpoint",
    "sock_connect",
    "getaddrinfo",
}


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask of 000, the worst case: anything not chmod-ed on purpose is world-writable."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_every_file_is_0600_and_every_folder_0700_under_umask_000(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log, a backup, a broken file kept aside, a migration, an export: all owner-only."""
    store = Store.open(data_dir)
    store.add(MoodLog(at=now(), mood=4, note="private", source="cli"))
    store.add(MoodLog(at=now(), mood=5, source="cli"))  # the day's first change: a backup
    store.add_slip(Slip(at=now(), note="they wrote"))
    store.set_setting("country", "GB")
    store.save_draft(Draft(stage=2, started_at=now(), updated_at=now(), mood_before=3))
    (data_dir / "drafts.json").write_bytes(b"{broken")
    (data_dir / "drafts.json").chmod(0o644)
    store.draft(2)  # keeps the broken file aside
    (data_dir / "profile.json").write_bytes(b'{"settings": {}}')  # format 0: migrated
    store.setting("country")
    assert main(["log", "6", "from the command line"]) == 0
    export = data_dir / "everything-export.json"
    assert main(["export", "--format", "json", "-o", str(export)]) == 0
    exported_elsewhere = write_private_file(tmp_path / "everything.json", b"{}")

    found = modes(data_dir)
    assert any(".corrupt-" in name for name in found)
    assert any(name.endswith(".before-v1.bak") for name in found)
    assert "backups/moods/2026-11.json.2026-11-23.bak" in found
    assert export.relative_to(data_dir).as_posix() in found
    wrong = {
        name: oct(mode)
        for name, mode in found.items()
        if mode != (0o700 if (data_dir / name).is_dir() else 0o600)
    }
    assert wrong == {}
    assert exported_elsewhere.stat().st_mode & 0o777 == 0o600


def test_an_existing_loose_data_folder_is_made_private(data_dir: Path) -> None:
    """A data folder someone made 0755 is 0700 again once the store opens it."""
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    Store.open(data_dir)
    assert data_dir.stat().st_mode & 0o777 == 0o700


def _package_modules() -> list[Path]:
    return sorted(Path(tui.__file__).parent.rglob("*.py"))


def _network_uses(path: Path) -> list[str]:
    """Imports of networking modules, and asyncio's network calls, in one source file."""

    def networking(name: str) -> bool:
        return any(name == banned or name.startswith(f"{banned}.") for banned in NETWORK_MODULES)

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if networking(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            found += [name for name in [node.module, *names] if networking(name)]
            if node.module.startswith("asyncio"):
                found += [alias.name for alias in node.names if alias.name in ASYNCIO_NETWORK]
        elif isinstance(node, ast.Attribute) and node.attr in ASYNCIO_NETWORK:
            found.append(node.attr)
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and networking(node.args[0].value)
        ):
            found.append(node.args[0].value)  # __import__("socket"), import_module("http")
    return found


def test_no_module_of_the_package_uses_the_network() -> None:
    """Every tui/ module, read as a syntax tree: no socket, http, ssl, urllib.request..."""
    modules = _package_modules()
    assert len(modules) > 20
    offenders = {
        path.relative_to(Path(tui.__file__).parent).as_posix(): uses
        for path in modules
        if (uses := _network_uses(path))
    }
    assert offenders == {}


def test_the_network_scan_catches_what_it_looks_for(tmp_path: Path) -> None:
    """The scanner itself finds each way of reaching the network it claims to find."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import socket\nfrom urllib.request import urlopen\nimport http.client\n"
        "from asyncio import open_connection\nimport asyncio\nasyncio.start_server\n"
        "__import__('ssl')\nfrom urllib import parse\nimport json\n"
    )
    assert _network_uses(sample) == [
        "socket",
        "urllib.request",
        "urllib.request.urlopen",
        "http.client",
        "open_connection",
        "start_server",
        "ssl",
    ]


def test_messages_about_broken_files_and_refusals_carry_no_journal_text(data_dir: Path) -> None:
    """What the person or a log sees about a failure never repeats what they wrote."""
    from tui.store.validation import ValidationError

    secret = "I still check her profile at night"
    store = Store.open(data_dir)
    store.add(MoodLog(at=now(), mood=2, note=secret, source="cli"))
    shard = store.shard_path("moods", now())
    shard.write_bytes(shard.read_bytes()[:-3])
    reopened = Store.open(data_dir)
    reopened.moods()
    assert reopened.notices and secret not in " ".join(reopened.notices)
    with pytest.raises(ValidationError) as refused:
        reopened.add(MoodLog(at=now(), mood=2, note=f"{secret}\x00", source="cli"))
    assert secret not in str(refused.value)
