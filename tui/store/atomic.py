"""Whole-file writes that leave either the old file or the new one, never a torn one.

Everything in the data dir is opened without following symlinks and changed through the
open descriptor (fchmod), so a link planted in the data dir never leads a read, a write or
a change of mode to a file somewhere else.

This is also where an encrypted journal's files are sealed and opened: every whole-file
write and read below passes through the data dir's Sealer, when it has one (set by
tui/store/sealing.py), so any file written through these functions is covered, whoever
adds it. A journal without one pays a dictionary lookup.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import Protocol

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

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_TMPFILE = getattr(os, "O_TMPFILE", 0)
"""Linux only: a file with no name until it is linked in, so a kill can never strand it."""
_LOOSE_BITS = stat.S_IWGRP | stat.S_IWOTH | stat.S_ISVTX
"""Mode bits that make a folder shared: others may add, remove or replace what is in it."""


class Sealer(Protocol):
    """How an encrypted data dir's files become bytes on disk and back (see sealing.py)."""

    def seal(self, path: Path, data: bytes) -> bytes:
        """The bytes to store at `path` for `data` (as they are, for a file kept plain)."""
        ...

    def open(self, path: Path, data: bytes) -> bytes:
        """What the sealed bytes `data` read from `path` hold."""
        ...


AGE_MAGIC = b"age-encryption.org/v1\n"
"""How every age file begins: the one sign a stored file is sealed."""

_SEALERS: dict[Path, Sealer] = {}
"""Each encrypted data dir open in this process, and its Sealer."""


def set_sealer(root: Path, sealer: Sealer | None) -> None:
    """Seal (or, with None, stop sealing) every file written under the data dir `root`."""
    if sealer is None:
        _SEALERS.pop(root, None)
    else:
        _SEALERS[root] = sealer


def sealer_for(path: Path) -> Sealer | None:
    """The Sealer of the data dir holding `path`, if that data dir is encrypted."""
    if not _SEALERS:
        return None
    folder = path.parent
    while True:
        found = _SEALERS.get(folder)
        if found is not None or folder == folder.parent:
            return found
        folder = folder.parent


class UnsafePathError(OSError):
    """A path in the data dir that is a link, or not a plain file or folder: never followed."""

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(errno.ELOOP, f"{path} {what}, and the app never follows one")


class SharedFolderError(OSError):
    """A data folder others can change, or someone else's: refused, never re-permissioned."""


def temp_name_for(path: Path) -> Path:
    """A unique hidden temp path beside `path`, recognisable as ours when left by a crash."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{TEMP_SUFFIX}")


def _fchmod_dir(path: Path, mode: int) -> os.stat_result:
    """Open the folder `path` without following a link, set `mode` on it if needed."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | _NO_FOLLOW | _CLOEXEC)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):
            raise UnsafePathError(path, "is a link or not a folder") from None
        raise
    try:
        found = os.fstat(fd)
        if found.st_mode & 0o7777 != mode:
            os.fchmod(fd, mode)
        return found
    finally:
        os.close(fd)


def make_private_dir(directory: Path) -> Path:
    """A folder inside the data dir, created (with missing parents) or checked, 0700.

    An existing link in its place is refused, never followed.
    """
    try:
        os.mkdir(directory, PRIVATE_DIR)
    except FileNotFoundError:
        make_private_dir(directory.parent)
        with contextlib.suppress(FileExistsError):
            os.mkdir(directory, PRIVATE_DIR)
    except FileExistsError:
        pass
    _fchmod_dir(directory, PRIVATE_DIR)
    return directory


def open_data_dir(root: Path) -> Path:
    """The data dir, ready to use, or SharedFolderError saying why it is not used.

    The rule: a folder that does not exist yet is created 0700 (with any missing parents);
    an existing folder must belong to this user and be writable by nobody else (no group
    or world write bit, no sticky bit, as on /tmp). One that others may only read, such as
    a 0755 folder made by hand, is made private (0700); anything else is refused as it is,
    never re-permissioned. The data dir itself may be a link the person made (to another
    disk, say); nothing inside it is ever followed.
    """
    if not os.path.lexists(root):
        return make_private_dir(root)
    try:
        fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    except NotADirectoryError:
        raise SharedFolderError(errno.ENOTDIR, f"{root} is not a folder") from None
    try:
        found = os.fstat(fd)
        if found.st_uid != os.geteuid():
            raise SharedFolderError(errno.EPERM, f"{root} belongs to another user")
        if found.st_mode & _LOOSE_BITS:
            raise SharedFolderError(
                errno.EPERM, f"{root} is shared: other users can add or remove files in it"
            )
        if found.st_mode & 0o777 != PRIVATE_DIR:
            os.fchmod(fd, PRIVATE_DIR)
    finally:
        os.close(fd)
    return root


def is_plain_dir(path: Path) -> bool:
    """Whether `path` is a real folder (not a link to one); UnsafePathError for anything else."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(mode):
        raise UnsafePathError(path, "is a link or not a folder")
    return True


class NotRegularFileError(OSError):
    """A data path that holds a link, a folder, a pipe or a device instead of a file."""


def read_regular(path: Path) -> tuple[bytes, os.stat_result]:
    """What the plain file at `path` holds, and its stat, never following a link.

    In an encrypted data dir a sealed file is opened (see Sealer). A link, pipe, device or
    folder raises NotRegularFileError (a pipe never blocks the read).
    """
    raw, found = read_raw(path)
    if raw.startswith(AGE_MAGIC):
        sealer = sealer_for(path)
        if sealer is not None:
            return sealer.open(path, raw), found
    return raw, found


def read_raw(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of the plain file at `path` as stored (sealed or not), and its stat."""
    try:
        fd = os.open(path, os.O_RDONLY | _NO_FOLLOW | os.O_NONBLOCK | _CLOEXEC)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENXIO, errno.EISDIR):
            raise NotRegularFileError(error.errno, "it is a link or not a file") from None
        raise
    try:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode):
            raise NotRegularFileError(errno.EINVAL, "it is a link or not a file")
        chunks = []
        remaining = found.st_size + 1
        while True:
            chunk = os.read(fd, max(remaining, 65536))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks), found
    finally:
        os.close(fd)


def fsync_dir(directory: Path) -> None:
    """Make a rename inside `directory` durable."""
    fd = os.open(directory, os.O_RDONLY | _CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes, durable: bool) -> None:
    # The mode given to open() is filtered by the umask; fchmod is not.
    os.fchmod(fd, PRIVATE_FILE)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    if durable:
        os.fsync(fd)


def _link(fd: int, dir_fd: int, path: Path) -> None:
    # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N names an O_TMPFILE file without any
    # privilege. os.link makes that call only when given a dir fd; the source is absolute,
    # so which folder it is does not matter.
    os.link(f"/proc/self/fd/{fd}", path, src_dir_fd=dir_fd, follow_symlinks=True)


def _link_in(fd: int, dir_fd: int, path: Path) -> bool:
    """Give the unnamed file `fd` the name `path`, replacing what is there; False if unsupported."""
    try:
        _link(fd, dir_fd, path)
        return True
    except FileExistsError:
        pass
    except OSError:
        return False  # no /proc here: the caller writes through a named temp file instead
    tmp = temp_name_for(path)
    try:
        _link(fd, dir_fd, tmp)
    except OSError:
        return False
    try:
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return True


def _write_unnamed(path: Path, data: bytes, durable: bool) -> bool:
    """Write through an O_TMPFILE file, named only once it is whole; False if unsupported."""
    if not _TMPFILE:
        return False
    dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC)
    try:
        try:
            fd = os.open(".", _TMPFILE | os.O_WRONLY | _CLOEXEC, PRIVATE_FILE, dir_fd=dir_fd)
        except OSError as error:
            if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
                return False  # this filesystem has no unnamed files
            raise
        try:
            _write_all(fd, data, durable)
            return _link_in(fd, dir_fd, path)
        finally:
            os.close(fd)
    finally:
        os.close(dir_fd)


def _write_named(path: Path, data: bytes, durable: bool) -> None:
    """Write through a hidden temp file beside `path`, removed on any failure."""
    tmp = temp_name_for(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _CLOEXEC, PRIVATE_FILE)
    try:
        try:
            _write_all(fd, data, durable)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` as a 0600 file that appears whole, in one rename, or not at all.

    On Linux the file is written unnamed (O_TMPFILE) and linked in only when complete, so
    a kill at any moment strands no copy; elsewhere a hidden temp file beside `path` is
    used, removed on any failure and by the next open after a crash. On any failure the
    original file is byte-identical and the error propagates. `durable=False` skips the
    fsyncs: still never torn, but a power cut may lose it (for backups, checked on use).
    A link at `path` is replaced by the file, never followed. In an encrypted data dir the
    bytes are sealed first (see Sealer).
    """
    sealer = sealer_for(path)
    if sealer is not None:
        data = sealer.seal(path, data)
    if not _write_unnamed(path, data, durable):
        _write_named(path, data, durable)
    if durable:
        fsync_dir(path.parent)


def keep_copy(path: Path, aside: Path) -> None:
    """Give what is at `path` the further name `aside` (0600), leaving `path` exactly as it is.

    A hard link when possible (instant, no space), else a private copy of the bytes. A link
    or other oddity at `path` is kept as itself, never followed.
    """
    found = os.lstat(path)
    if not stat.S_ISREG(found.st_mode):
        os.link(path, aside, follow_symlinks=False)
        return
    if found.st_nlink == 1 and found.st_mode & 0o777 == PRIVATE_FILE:
        try:
            os.link(path, aside, follow_symlinks=False)
            return
        except OSError:
            pass  # a filesystem without hard links: copy instead
    raw, _ = read_raw(path)
    # A file with other names (which may lie outside the data dir) or a loose mode is
    # copied, so nothing outside ever changes mode.
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW | _CLOEXEC, PRIVATE_FILE)
    try:
        _write_all(fd, raw, durable=True)
    except BaseException:
        os.close(fd)
        os.unlink(aside)
        raise
    os.close(fd)


def write_private_file(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write an export or any other file of ours: atomic and 0600, whatever the umask."""
    target = Path(path)
    atomic_write_bytes(target, data)
    return target


def failure_reason(error: OSError) -> str:
    """Why a write failed, in a few words a person can act on (no file contents)."""
    reason = _WRITE_FAILURES.get(error.errno or 0)
    if reason is None:
        reason = (error.strerror or type(error).__name__).rstrip(".")
        reason = reason if isinstance(error, UnsafePathError) else reason.lower()
    return reason


def describe_write_failure(error: OSError) -> str:
    """Why a save failed, as the sentence the person sees."""
    return f"Not saved: {failure_reason(error)}, and nothing you had before was changed."


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


def remove_stale_temp_files(directory: Path, name: str = "") -> list[Path]:
    """Delete temp files a crashed writer left behind in `directory`; return them.

    With `name`, only temp files of that file (an export's, in a folder that is not ours).
    A temp file whose writer is still running is left alone: the Store cleans up while
    holding the lock, but derived files (summary.json) are written without it.
    """
    removed: list[Path] = []
    prefix = f".{name}." if name else "."
    try:
        # os.scandir, not Path.iterdir: a shard folder holds a file per month, and making a
        # Path of each cost every quick command a millisecond at ten years.
        with os.scandir(directory) as found:
            entries = list(found)
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for entry in entries:
        entry_name = entry.name
        ours = entry_name.startswith(prefix) and entry_name.endswith(TEMP_SUFFIX)
        if ours and entry.is_file(follow_symlinks=False) and not _writer_is_alive(entry_name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed.append(directory / entry_name)
    return removed
