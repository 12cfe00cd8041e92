"""The encrypted journal from the shell: real processes, real terminals, the real `age` tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from disk_files import files_under
from vault_helpers import (
    NOW,
    PASS,
    RECOVERY_SECRET,
    TOKEN,
    as_another_process,
    encrypt,
    fill_with_secrets,
    holders,
    run_cli,
    run_in_terminal,
)

from tui.cli import main
from tui.store import inbox
from tui.store.atomic import AGE_MAGIC
from tui.store.store import Store

IMPORTS_AFTER_LOG = """
import sys
from tui.cli import main
assert main(["log", "6", "a note"]) == 0
print("loaded:", sorted({name.split(".")[0] for name in sys.modules} & {"pyrage", "textual"}))
"""


def passphrase_pipe(*lines: str) -> int:
    """A pipe's read end already holding `lines`, for --passphrase-fd."""
    read_end, write_end = os.pipe()
    os.write(write_end, "".join(f"{line}\n" for line in lines).encode())
    os.close(write_end)
    return read_end


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_plain_journals_log_never_imports_pyrage(data_dir: Path) -> None:
    """Encryption costs a plain journal nothing: `log` loads neither pyrage nor Textual."""
    env = {**os.environ, "NOCONTACT_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_AFTER_LOG], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("\nloaded: []\n")
    encrypt(data_dir)
    done = subprocess.run(
        [sys.executable, "-c", IMPORTS_AFTER_LOG], capture_output=True, text=True, env=env
    )
    assert done.stdout.endswith("\nloaded: ['pyrage']\n")  # an encrypted one needs it


def test_log_with_no_terminal_and_no_passphrase_lands_after_the_unlock(data_dir: Path) -> None:
    """`log`, `urge` and `slip` from a script (no terminal, no passphrase) all work; `history`
    then asks once (here on --passphrase-fd) and shows them with everything before."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    logged = run_cli(data_dir, "log", "4", f"from a script {TOKEN}", "--tag", "walk")
    assert (logged.returncode, logged.stderr) == (0, "")
    assert logged.stdout.startswith("Logged mood 4 (")
    assert run_cli(data_dir, "urge", "6").returncode == 0
    assert run_cli(data_dir, "slip", "--they").returncode == 0
    assert len(inbox.pending(data_dir)) == 3
    assert holders(data_dir) == []
    read_end = passphrase_pipe(PASS)
    shown = run_cli(data_dir, "--passphrase-fd", str(read_end), "history", pass_fds=(read_end,))
    os.close(read_end)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert f"from a script {TOKEN}" in lines[0] or f"from a script {TOKEN}" in shown.stdout
    assert "urge" in shown.stdout and "they reached out" in shown.stdout
    assert f"again {TOKEN}" in shown.stdout  # and what was there before
    assert inbox.pending(data_dir) == []
    assert holders(data_dir) == []


def test_reading_without_a_passphrase_says_so_and_writes_nothing(data_dir: Path) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    before = files_under(data_dir)
    for argv in (["history"], ["status"], ["export"], ["insights"]):
        done = run_cli(data_dir, *argv)
        assert done.returncode == 2, argv
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1 and "--passphrase-fd" in done.stderr
    assert files_under(data_dir) == before


def test_a_wrong_passphrase_is_one_line_exit_2_and_nothing_written(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir).add_slip  # noqa: B018 - the journal opens locked
    run_cli(data_dir, "log", "3")  # an inbox entry waiting: it must not be merged
    before = files_under(data_dir)
    code, out, err = run(
        capsys, "--passphrase-fd", str(passphrase_pipe("not it at all")), "history"
    )
    assert (code, out) == (2, "")
    assert err == "nocontact: That passphrase does not open this journal; nothing was changed.\n"
    assert files_under(data_dir) == before


def test_export_is_sealed_unless_plain_is_asked_for(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import pyrage

    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    target = tmp_path / "export.json.age"
    code, out, _ = run(
        capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "export", "-o", str(target)
    )
    assert code == 0 and "encrypted" in out
    raw = target.read_bytes()
    assert raw.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----") and TOKEN.encode() not in raw
    recovery = pyrage.x25519.Identity.from_str(RECOVERY_SECRET)
    assert f"mood {TOKEN}".encode() in pyrage.decrypt(raw, [recovery])
    as_another_process(data_dir)
    code, out, err = run(
        capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "export", "--plain", "--format", "md"
    )
    assert code == 0 and TOKEN in out
    assert "plain text" in err


def test_encrypt_warns_first_and_shows_the_recovery_key_once(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without a terminal: the warning, then the recovery key, then the work, quietly."""
    fill_with_secrets(data_dir)
    code, out, err = run(capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "encrypt", "--yes")
    assert code == 0, err
    assert err == ""  # no bar when stderr is not a terminal
    words = " ".join(out.split())
    warning = words.index("If you forget it, your journal is lost")
    key = words.index("AGE-SECRET-KEY-1")
    assert warning < key < words.index("Done: every file")
    assert "Copies you made earlier elsewhere" in words
    assert holders(data_dir) == []
    recovery = words[key:].split()[0]
    assert recovery not in "".join(raw.decode("latin-1") for raw in files_under(data_dir).values())
    again = as_another_process(data_dir)
    again.unlock(recovery)
    assert len(again.moods()) == 2
    code, _, err = run(capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "encrypt", "--yes")
    assert code == 2 and "already encrypted" in err


def test_encrypt_without_a_terminal_needs_yes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_secrets(data_dir)
    Store.open(data_dir)  # as any command does first (it clears a crashed writer's temp file)
    before = files_under(data_dir)
    code, out, err = run(capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "encrypt")
    assert code == 2 and "needs --yes" in err
    assert "forget it" in out  # told before anything could change
    assert files_under(data_dir) == before


def test_a_short_passphrase_is_refused(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--passphrase-fd", str(passphrase_pipe("short")), "encrypt", "--yes")
    assert code == 2 and "at least 8 characters" in err
    assert not (data_dir / "recipients.txt").exists()


def test_passphrase_changes_only_the_key_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    before = files_under(data_dir)
    as_another_process(data_dir)
    pipe = passphrase_pipe(PASS, "a longer new passphrase")
    code, out, err = run(capsys, "--passphrase-fd", str(pipe), "passphrase")
    assert code == 0, err
    assert "your entries were not" in out
    after = files_under(data_dir)
    assert [name for name in after if after[name] != before.get(name)] == ["key.age"]
    as_another_process(data_dir)
    code, _, err = run(capsys, "--passphrase-fd", str(passphrase_pipe(PASS, "x" * 9)), "passphrase")
    assert code == 2 and "does not open" in err


def test_decrypt_asks_then_gives_plain_files_back(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    code, out, err = run(capsys, "--passphrase-fd", str(passphrase_pipe(PASS)), "decrypt", "--yes")
    assert code == 0, err
    assert "plain text again" in out
    assert not [name for name, raw in files_under(data_dir).items() if raw.startswith(AGE_MAGIC)]
    code, out, _ = run(capsys, "history")
    assert code == 0 and f"again {TOKEN}" in out


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed here")
def test_age_opens_a_month_file_with_the_passphrase(data_dir: Path) -> None:
    """The README's way in without this app: `age -d -i key.age moods/2026-11.json`, the
    passphrase typed at age's own prompt (scrypt at full strength: a few seconds)."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    code, shown = run_in_terminal(
        ["age", "-d", "-i", str(data_dir / "key.age"), str(data_dir / "moods" / "2026-11.json")],
        [(b"passphrase", f"{PASS}\n".encode())],
    )
    assert code == 0, shown
    assert f"mood {TOKEN}".encode() in shown
    recovery = data_dir.parent / "recovery.txt"
    recovery.write_text(RECOVERY_SECRET + "\n")
    done = subprocess.run(
        ["age", "-d", "-i", str(recovery), str(data_dir / "profile.json")],
        capture_output=True,
        timeout=30,
    )
    assert done.returncode == 0 and f"reason {TOKEN}".encode() in done.stdout


@pytest.mark.slow
def test_a_long_encrypt_shows_a_bar_and_ctrl_c_puts_everything_back(tmp_path: Path) -> None:
    """`nocontact encrypt` in a real terminal on two years of history: a bar on stderr, and
    ctrl+c pressed while it runs leaves every file exactly as it was, plain."""
    root = tmp_path / "years"
    subprocess.run(
        [sys.executable, "benchmarks/synth_history.py", "--years", "2", "--data-dir", str(root)],
        check=True,
        capture_output=True,
        env={**os.environ, "NOCONTACT_NOW": NOW},
        cwd=Path(__file__).resolve().parents[2],
    )
    before = files_under(root)
    env = {"NOCONTACT_DATA_DIR": str(root), "NOCONTACT_NOW": NOW, "TZ": "UTC"}
    code, shown = run_in_terminal(
        [sys.executable, "-m", "tui", "encrypt", "--no-recovery-key"],
        [
            (b"[y/N]", b"y\n"),
            (b"Choose a passphrase", f"{PASS}\n".encode()),
            (b"again", f"{PASS}\n".encode()),
            (b"Encrypting [", b"\x03"),
        ],
        env=env,
    )
    assert b"Encrypting [" in shown and b"%" in shown
    assert b"Stopped: your journal is as it was" in shown
    assert code == 130
    assert files_under(root) == before
    assert not (root / "recipients.txt").exists()


WITHOUT_PYRAGE = """
import sys
sys.modules["pyrage"] = None  # as if the optional extra were not installed
from tui.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_without_pyrage_a_plain_journal_works_and_encrypt_says_what_to_install(
    data_dir: Path,
) -> None:
    """pyrage is an optional extra: a plain journal never needs it; `encrypt` without it is
    one sentence saying what to install, asked before anything, and nothing changes; an
    encrypted journal read without it says the same, with no traceback."""

    def without_pyrage(*argv: str, stdin: int | None = subprocess.DEVNULL) -> tuple[int, str]:
        env = {**os.environ, "NOCONTACT_DATA_DIR": str(data_dir), "NOCONTACT_NOW": NOW}
        done = subprocess.run(
            [sys.executable, "-c", WITHOUT_PYRAGE, *argv],
            capture_output=True,
            text=True,
            env=env,
            stdin=stdin,
        )
        return done.returncode, done.stdout + done.stderr

    code, shown = without_pyrage("log", "6", f"plain {TOKEN}")
    assert code == 0, shown
    before = files_under(data_dir)
    code, shown = without_pyrage("encrypt", "--yes")
    assert code == 1
    assert shown.strip().splitlines() == [
        "nocontact: Encryption needs the pyrage package, which is not installed here "
        "(pip install 'nocontact-coach[encryption]')."
    ]
    assert files_under(data_dir) == before
    encrypt(data_dir)
    sealed = files_under(data_dir)
    code, shown = without_pyrage("--passphrase-fd", "0", "history", stdin=passphrase_pipe(PASS))
    assert code == 1, shown
    assert "pip install 'nocontact-coach[encryption]'" in shown
    assert "Traceback" not in shown and TOKEN not in shown
    assert files_under(data_dir) == sealed
