"""Shared pieces of the encryption tests: a journal with a secret everywhere, and its checks."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from disk_files import files_under

from tui.store import setting_keys
from tui.store.atomic import AGE_MAGIC, set_sealer
from tui.store.keyring import KeyPair
from tui.store.records import Draft, FormDraft, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.sealing import PLAIN_NAMES, PLAIN_PATHS
from tui.store.store import Store

PASS = "correct horse battery"
JOURNAL_SECRET = "AGE-SECRET-KEY-1NDH6D5750HVTEVAU0FZFJZ8HG2Y6NTJT4ZL8D9PJZCV6SHM979WSKC9JTP"
RECOVERY_SECRET = "AGE-SECRET-KEY-1NK0LGP2JU6UE23KYZP2FYT7Y5VXWNP5RK343XDP4GAWJPE9JJDEQ8LJ0RW"
TOKEN = "quartzzebra7731"
"""A word no file may hold in the clear once the journal is encrypted."""
NOW = "2026-11-23T20:15:00+00:00"
AT = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def recovery_keys() -> KeyPair:
    return KeyPair(RECOVERY_SECRET)


def encrypt(root: Path, recovery: bool = True) -> Store:
    """Encrypt the journal in `root` in this process (with the run's fixed keys)."""
    store = Store.open(root)
    store.encrypt(PASS, recovery_keys() if recovery else None)
    return store


def as_another_process(root: Path) -> Store:
    """The store as a new process would open it: nothing unlocked, nothing remembered."""
    set_sealer(root, None)
    return Store.open(root)


def kept_plain(relative: str) -> bool:
    """Whether a file is one of the few an encrypted journal keeps as it is."""
    return relative in PLAIN_NAMES or relative in PLAIN_PATHS


def plain_files(root: Path) -> list[str]:
    """Files of an encrypted journal that are not age files (and should be)."""
    return sorted(
        relative
        for relative, raw in files_under(root).items()
        if not kept_plain(relative) and not raw.startswith(AGE_MAGIC) and raw
    )


def holders(root: Path, word: str = TOKEN) -> list[str]:
    """Files under `root` whose bytes hold `word`, in any case, as UTF-8 or UTF-16."""
    forms = {
        form.encode(encoding)
        for form in (word, word.upper())
        for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    }
    return sorted(
        relative
        for relative, raw in files_under(root).items()
        if any(form in raw for form in forms) or word in relative
    )


def fill_with_secrets(root: Path) -> Store:
    """A plain journal holding TOKEN in every kind of record, setting, draft and copy."""
    store = Store.open(root)
    day = timedelta(days=1)
    store.add(MoodLog(at=AT - 3 * day, mood=4, note=f"mood {TOKEN}", tags=(TOKEN,)))
    store.add(MoodLog(at=AT - 2 * day, mood=6, note=f"again {TOKEN}"))  # takes a backup
    store.add(Session(3, AT - day, AT - day, 3, 6, answers={"would_say": f"session {TOKEN}"}))
    store.add(Urge(at=AT - day, strength=7, note=f"urge {TOKEN}"))
    store.set_no_contact_start(date(2026, 11, 1))
    store.add_slip(Slip(at=AT - 5 * day, note=f"slip {TOKEN}", feeling=f"felt {TOKEN}"))
    store.add_logistics(LogisticsContact(at=AT - 4 * day, note=f"lease {TOKEN}"))
    store.set_setting(setting_keys.REASONS, f"reason {TOKEN}")
    store.set_setting(
        setting_keys.SAFETY_PLAN,
        {"warning_signs": f"sign {TOKEN}", "what_helps": f"helps {TOKEN}", "people": TOKEN},
    )
    store.set_setting(setting_keys.BOUNDARIES_CARD, {"need": f"need {TOKEN}"})
    store.set_setting(
        setting_keys.LETTERS,
        [{"text": f"letter {TOKEN}", "open_on": "2027-01-01", "written_at": NOW}],
    )
    store.save_draft(Draft(1, AT, AT, 5, {"loved_before": f"draft {TOKEN}"}, owner="w1"))
    store.save_form_draft(FormDraft("mood_log", AT, {"note": f"form {TOKEN}"}, owner="w1"))
    store.overview()  # the summary cache holds the latest mood, note and all
    # A file that could not be read, kept aside as it was, and a crashed writer's temp file.
    (root / "moods" / "2026-10.json").write_bytes(f"{{not json {TOKEN}".encode())
    store.moods()
    (root / "moods" / f".2026-09.json.{2**22 + 7}.abcd.tmp").write_bytes(TOKEN.encode())
    return store


def run_cli(
    root: Path, *arguments: str, stdin: int | None = subprocess.DEVNULL, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    """`nocontact ARGS` as a process of its own with no terminal, clock pinned."""
    env = {**os.environ, "NOCONTACT_DATA_DIR": str(root), "NOCONTACT_NOW": NOW, "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "tui", *arguments],
        capture_output=True,
        text=True,
        env=env,
        stdin=stdin,
        timeout=120,
        start_new_session=True,  # no controlling terminal to ask at
        **kwargs,  # type: ignore[arg-type]
    )


def run_in_terminal(
    argv: list[str],
    replies: list[tuple[bytes, bytes]],
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, bytes]:
    """Run `argv` in a real terminal (a pty), answering each prompt in turn: when the output
    so far holds the first of `replies`' patterns, its answer is typed (b"\\x03" is ctrl+c).
    Returns the exit code (negative: killed by that signal) and everything shown."""
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: becomes argv, with the pty as its terminal
        try:
            os.execvpe(argv[0], argv, {**os.environ, **(env or {})})
        finally:
            os._exit(127)
    shown, pending = b"", list(replies)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not select.select([fd], [], [], 0.5)[0]:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        if pending and pending[0][0] in shown:
            os.write(fd, pending.pop(0)[1])
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown
