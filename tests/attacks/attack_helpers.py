"""Shared pieces of the attack suite: real processes, real files, real limits.

Every attack runs the app's own code as a person (or a hostile file) would meet it: the
`nocontact` command in a subprocess with its own TZ and pinned clock, forked writers
killed with SIGKILL, RLIMIT_FSIZE, symlinks, FIFOs and modes made for real.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.store.atomic import atomic_write_bytes, make_private_dir
from tui.store.storage import DEFAULT_TABLE, SCHEMA_VERSION, encode_file

NOW = "2026-11-23T20:15:00+00:00"


def run_cli(
    data_dir: Path,
    *arguments: str | bytes,
    tz: str = "UTC",
    now: str = NOW,
    file_limit: int | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`nocontact ARGS` as a real process, with TZ, a pinned clock and maybe a size limit."""
    child_env = {
        **os.environ,
        "NOCONTACT_DATA_DIR": str(data_dir),
        "NOCONTACT_NOW": now,
        "TZ": tz,
        **(env or {}),
    }

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        capture_output=True,
        text=True,
        env=child_env,
        preexec_fn=limit,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def shard_bytes(documents: list[dict[str, Any]], version: int = SCHEMA_VERSION) -> bytes:
    """The bytes of a month shard holding `documents`, as the Store writes them."""
    table = {str(number): document for number, document in enumerate(documents, 1)}
    return encode_file({DEFAULT_TABLE: table}, version)


def write_data_file(root: Path, relative: str, raw: bytes) -> Path:
    """Put `raw` at DATA/relative, as a hand edit or another program would."""
    path = root / relative
    make_private_dir(path.parent)
    atomic_write_bytes(path, raw)
    return path


def mood_document(at: str, mood: int = 5, note: str = "", **extra: Any) -> dict[str, Any]:
    return {"at": at, "mood": mood, "note": note, "tags": [], "source": "cli", "id": at, **extra}


def moods_in(root: Path) -> list[dict[str, Any]]:
    """Every mood document in every shard under `root`, as on disk."""
    found = []
    for path in sorted((root / "moods").glob("????-??.json")):
        found.extend(json.loads(path.read_bytes())[DEFAULT_TABLE].values())
    return found


class Child:
    """A forked process running `work(report)`; it says what it is doing on a pipe."""

    def __init__(self, work: Callable[[int], None]) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into pytest
            os.close(read_end)
            try:
                work(write_end)
            except BaseException as error:
                os.write(write_end, f"E{type(error).__name__}: {error}\n".encode())
                os._exit(1)
            os._exit(0)
        os.close(write_end)
        self.pid = pid
        self.fd = read_end
        self.said = b""

    def wait_for(self, word: bytes, timeout: float = 20) -> bool:
        """Read until the child has said `word` (or ended, or the time ran out)."""
        deadline = time.monotonic() + timeout
        while word not in self.said:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                return False
            chunk = os.read(self.fd, 4096)
            if not chunk:
                return False
            self.said += chunk
        return True

    def kill(self) -> None:
        """SIGKILL, then reap."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)

    def finish(self, timeout: float = 60) -> int:
        """Wait for the child to end by itself; its exit status."""
        self.wait_for(b"\x00never", timeout)
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


def run_in_process(capsys: Any, *arguments: str) -> tuple[int, str, str]:
    """`nocontact ARGS` through main() in this process: (exit code, stdout, stderr).

    For attacks on files and folders, where a process of its own adds nothing but time;
    attacks on the process itself (TZ, argv bytes, limits, kills) use run_cli.
    """
    from tui.cli import main

    capsys.readouterr()
    code = main(list(arguments))
    out, err = capsys.readouterr()
    return code, out, err
