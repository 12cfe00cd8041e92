"""A real `nocontact` in a real terminal (a pty): typed in a stage, then the terminal goes.

The terminal closed under it (the kernel sends SIGHUP), a SIGKILL as a crash or a power
cut would be, and ctrl+q: each time the words typed a moment before are on disk, and the
app opened again offers them. ctrl+q also says, once the app has closed, what it kept.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from tui.app import NoContactApp
from tui.screens.draft_prompt import DraftPrompt
from tui.screens.stage import StageScreen
from tui.store.store import Store

WAIT = 30.0
"""Seconds to wait for the app to start or to stop on a busy machine before failing."""
QUIET = 1.0
"""Seconds without anything drawn that say the app has finished starting."""


class Terminal:
    """`python -m tui ...` running in a pty of 100x32, as in a terminal window.

    A thread reads everything the app draws as it comes, as a terminal would: an app whose
    output is not read stops when the pty's buffer fills, and would read no more keys.
    """

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"}
        pid, fd = pty.fork()
        if pid == 0:  # the child: the app, with the pty as its controlling terminal
            os.execvpe(sys.executable, [sys.executable, "-m", "tui", *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 32, 100, 0, 0))
        self.output = b""
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.2)
                chunk = os.read(self.fd, 65536) if ready else b""
            except (OSError, ValueError):  # the app has gone, or the test closed the pty
                return
            if ready and not chunk:
                return
            self.output += chunk

    def read_until(self, text: bytes, timeout: float = WAIT) -> None:
        """Wait until `text` shows in what the app drew, and the app has gone quiet.

        Keys sent while the app is still busy starting can overtake a tab it has not yet
        acted on (a person types slower), so the test waits for a second of stillness.
        """
        deadline = time.monotonic() + timeout
        while text not in self.output:
            assert time.monotonic() < deadline, f"{text!r} never showed"
            time.sleep(0.1)
        seen, still_since = len(self.output), time.monotonic()
        while time.monotonic() - still_since < QUIET and time.monotonic() < deadline:
            time.sleep(0.1)
            if len(self.output) != seen:
                seen, still_since = len(self.output), time.monotonic()

    def type(self, keys: str) -> None:
        os.write(self.fd, keys.encode())
        time.sleep(0.3)

    def wait(self) -> int:
        """The app's exit status (its code, or minus the signal that ended it); output read."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.reader.join(WAIT)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.1)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("the app did not stop")


def start_stage_one(data_dir: Path) -> Terminal:
    """Stage 1 open in a terminal, a mood of 3 and a few words typed, then a pause."""
    terminal = Terminal("--data-dir", str(data_dir), "stage", "1")
    terminal.read_until(b"Step 1 of 4")
    terminal.type("3")
    terminal.type("\t")
    terminal.type("Swimming at dawn")
    time.sleep(2.0)  # a moment after the last key: the draft is kept by now
    return terminal


async def reopened_text(data_dir: Path) -> str:
    """Stage 1 opened again in the app: what its first field holds after "Carry on"."""
    app = NoContactApp(Store.open(data_dir))
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, DraftPrompt)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StageScreen)
        assert screen.mood("mood_before") == 3
        return str(screen.fields["loved_before"].text)  # type: ignore[attr-defined]


@pytest.mark.slow
async def test_a_closed_terminal_loses_nothing_typed_a_moment_before(data_dir: Path) -> None:
    """The terminal goes away (its pty closed: SIGHUP); the words are there on reopening."""
    terminal = start_stage_one(data_dir)
    os.close(terminal.fd)
    assert terminal.wait() == -signal.SIGHUP
    assert await reopened_text(data_dir) == "Swimming at dawn"


@pytest.mark.slow
async def test_a_kill_like_a_crash_or_power_cut_loses_nothing_typed_before(
    data_dir: Path,
) -> None:
    """SIGKILL gives the app no chance to act: the draft it kept as they typed is enough."""
    terminal = start_stage_one(data_dir)
    os.kill(terminal.pid, signal.SIGKILL)
    assert terminal.wait() == -signal.SIGKILL
    os.close(terminal.fd)
    assert await reopened_text(data_dir) == "Swimming at dawn"


@pytest.mark.slow
async def test_ctrl_q_keeps_the_draft_and_says_so_on_the_way_out(data_dir: Path) -> None:
    """ctrl+q a moment after typing (well before the next look for changes) keeps every
    word, and the terminal shows what was kept once the app has closed."""
    terminal = Terminal("--data-dir", str(data_dir), "stage", "1")
    terminal.read_until(b"Step 1 of 4")
    terminal.type("3")
    terminal.type("\t")
    terminal.type("Swimming at dawn")  # then 0.3 s later, as a quick hand would:
    os.write(terminal.fd, b"\x11")
    assert terminal.wait() == 0
    os.close(terminal.fd)
    shown = terminal.output.decode(errors="replace")
    assert "Kept for next time: your page of stage 1" in " ".join(shown.split())
    assert await reopened_text(data_dir) == "Swimming at dawn"
