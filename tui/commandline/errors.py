"""Errors the command line turns into one clear line and an exit code."""


class UsageError(Exception):
    """Bad usage or bad input: exit 2, nothing written."""


def describe_failure(error: Exception) -> str:
    """One sentence for an unexpected failure, without a traceback."""
    from tui.store.sealing import EncryptionUnavailableError, JournalLockedError
    from tui.store.store import StoreError

    if isinstance(error, StoreError | JournalLockedError | EncryptionUnavailableError):
        return str(error)
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return f"Something on disk failed{where}: {error.strerror or error}."
    return f"Something went wrong ({type(error).__name__}). Run again with --debug for details."
