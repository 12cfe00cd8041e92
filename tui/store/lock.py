"""One writer at a time across processes, for the length of one read-modify-write.

We use fcntl.flock from the standard library rather than the filelock package on
purpose: `import filelock` alone costs about 35 ms, more than the whole time budget of
`nocontact log`. flock locks are released by the kernel when their holder dies, so a
killed writer never leaves the data dir locked. fcntl exists on Linux and macOS, the
systems the app supports; elsewhere the store says so in one sentence instead of starting.
"""

from __future__ import annotations

import _thread
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

try:
    import fcntl
except ImportError:  # Windows: not a supported system (see README, "Platforms")
    fcntl = None  # type: ignore[assignment]

LOCK_TIMEOUT = 15.0
"""Seconds to wait for another writer; one read-modify-write takes milliseconds."""


class LockTimeoutError(OSError):
    """Another process held the data dir's lock for longer than any save should take."""

    def __init__(self) -> None:
        super().__init__(errno.ETIMEDOUT, "another copy of the app kept the data folder busy")


class UnsupportedSystemError(OSError):
    """This system has no fcntl locks, so two windows could overwrite each other."""

    def __init__(self) -> None:
        super().__init__(
            errno.ENOSYS,
            "No Contact Coach runs on Linux and macOS; this system cannot lock the data folder",
        )


def _not_a_lock(path: Path) -> OSError:
    return OSError(
        errno.ELOOP,
        f"{path.name} in it is a link or not a plain file, which the app never follows",
    )


class DirLock:
    """An exclusive, re-entrant lock on a data dir, shared by threads and processes."""

    def __init__(
        self,
        path: Path,
        timeout: float | None = None,
        on_acquire: Callable[[], object] | None = None,
    ) -> None:
        self._path = path
        self._on_acquire = on_acquire
        """Run each time the lock is newly taken, before anything else is done under it."""
        self._timeout = LOCK_TIMEOUT if timeout is None else timeout
        # threading's RLock is this one; importing threading itself costs `log` a millisecond.
        self._thread_lock = _thread.RLock()
        self._fd: int | None = None
        self._depth = 0

    def _acquire_file_lock(self) -> int:
        if fcntl is None:
            raise UnsupportedSystemError()
        # O_NOFOLLOW: a link planted as .lock must not make the app create a file elsewhere.
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self._path, flags | os.O_NONBLOCK, 0o600)
        except OSError as error:
            if error.errno in (errno.ELOOP, errno.EISDIR, errno.ENXIO):
                raise _not_a_lock(self._path) from None
            raise
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _not_a_lock(self._path)
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
                if self._on_acquire is not None:
                    try:
                        self._on_acquire()
                    except BaseException:
                        os.close(self._fd)
                        self._fd = None
                        raise
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
