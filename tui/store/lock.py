"""One writer at a time across processes, for the length of one read-modify-write.

We use fcntl.flock from the standard library rather than the filelock package on
purpose: `import filelock` alone costs about 35 ms, more than the whole time budget of
`nocontact log`. flock locks are released by the kernel when their holder dies, so a
killed writer never leaves the data dir locked.
"""

from __future__ import annotations

import _thread
import errno
import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another writer; one read-modify-write takes milliseconds."""


class LockTimeoutError(OSError):
    """Another process held the data dir's lock for longer than any save should take."""

    def __init__(self) -> None:
        super().__init__(errno.ETIMEDOUT, "another copy of the app kept the data folder busy")


class DirLock:
    """An exclusive, re-entrant lock on a data dir, shared by threads and processes."""

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self._path = path
        self._timeout = LOCK_TIMEOUT if timeout is None else timeout
        # threading's RLock is this one; importing threading itself costs `log` a millisecond.
        self._thread_lock = _thread.RLock()
        self._fd: int | None = None
        self._depth = 0

    def _acquire_file_lock(self) -> int:
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            os.fchmod(fd, 0o600)
            deadline = time.monotonic() + self._timeout
            pause = 0.001
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    return fd
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockTimeoutError() from None
                    time.sleep(pause)
                    pause = min(pause * 2, 0.02)
        except BaseException:
            os.close(fd)
            raise

    def __enter__(self) -> DirLock:
        if not self._thread_lock.acquire(timeout=self._timeout):
            raise LockTimeoutError()
        try:
            if self._depth == 0:
                self._fd = self._acquire_file_lock()
            self._depth += 1
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            # Closing the descriptor releases the flock.
            os.close(self._fd)
            self._fd = None
        self._thread_lock.release()
