"""Whole-file writes that leave either the old file or the new one, never a torn one."""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

TEMP_SUFFIX = ".tmp"
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

# Filesystems that cannot fsync a directory say so with one of these; the rename is
# then as durable as that filesystem can make it, and the save did happen.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF}

_WRITE_FAILURES = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file would be larger than this system allows",
    errno.EIO: "the disk reported an error",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "the data folder cannot be written to",
    errno.EPERM: "the data folder cannot be written to",
}


def temp_name_for(path: Path) -> Path:
    """A unique hidden temp path beside `path`, recognisable as ours when left by a crash."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def make_private_dir(directory: Path) -> Path:
    """Create `directory` and any missing parents, each 0700 whatever the umask."""
    missing = [folder for folder in (directory, *directory.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(folder, PRIVATE_DIR)
    if directory.stat().st_mode & 0o777 != PRIVATE_DIR:
        os.chmod(directory, PRIVATE_DIR)
    return directory


def fsync_dir(directory: Path) -> None:
    """Make a rename inside `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` through a 0600 temp file, fsync, rename and fsync the dir.

    On any failure before the rename the original file is byte-identical, the temp file
    is removed and the error propagates to the caller. `durable=False` skips both fsyncs:
    still never torn, but a power cut may lose it (for backups, which are checked on use).
    """
    tmp = temp_name_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        try:
            # The mode given to open() is filtered by the umask; fchmod is not.
            os.fchmod(fd, PRIVATE_FILE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write an export or any other file of ours: atomic and 0600, whatever the umask."""
    target = Path(path)
    atomic_write_bytes(target, data)
    return target


def describe_write_failure(error: OSError) -> str:
    """Why a save failed, in words a person can act on (no file contents, no paths)."""
    reason = _WRITE_FAILURES.get(error.errno or 0)
    if reason is None:
        reason = (error.strerror or type(error).__name__).rstrip(".").lower()
    return f"Not saved: {reason}, and nothing you had before was changed."


def _writer_is_alive(temp_name: str) -> bool:
    """Whether the process named in a temp file's name (see temp_name_for) still runs."""
    parts = temp_name.rsplit(".", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return False
    try:
        os.kill(int(parts[1]), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # it runs, as another user
    return True


def remove_stale_temp_files(directory: Path) -> list[Path]:
    """Delete temp files a crashed writer left behind in `directory`; return them.

    A temp file whose writer is still running is left alone: the Store cleans up while
    holding the lock, but derived files (summary.json) are written without it.
    """
    removed: list[Path] = []
    try:
        # os.scandir, not Path.iterdir: a shard folder holds a file per month, and making a
        # Path of each cost every quick command a millisecond at ten years.
        with os.scandir(directory) as found:
            entries = list(found)
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        name = entry.name
        ours = name.startswith(".") and name.endswith(TEMP_SUFFIX) and entry.is_file()
        if ours and not _writer_is_alive(name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(directory / name)
    return removed
