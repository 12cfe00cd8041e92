"""The prompt segment in real bash, zsh and fish: what it shows, and that it starts no process.

Each shell sources the snippet `nocontact shell-init SHELL` prints and draws the segment
with its clock pinned: the snippet's function takes the epoch seconds to draw for, which
stands in for the shell's own clock (a prompt draws it with no argument). The journal is
written by the real command line with its own clock pinned by NOCONTACT_NOW.

A fresh machine may lack zsh, fish or strace; those tests are skipped, saying which.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tui.cli import main

SHELLS = ("bash", "zsh", "fish")
NOW = datetime.fromisoformat("2026-11-23T20:15:00+00:00")
"""The moment the conftest pins for the command line: a Monday, after the 20:00 check-in."""
MOOD_DAY = "2026-11-23"


def epoch(text: str) -> int:
    return int(datetime.fromisoformat(text).timestamp())


def needs(program: str) -> None:
    if shutil.which(program) is None:
        pytest.skip(f"{program} is not installed on this machine")


def nocontact(*argv: str) -> None:
    """Run a command in-process, as the person would in another shell."""
    assert main(list(argv)) == 0, argv


def snippet_file(shell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """The snippet `nocontact shell-init SHELL` prints, saved for the shell to source."""
    capsys.readouterr()
    assert main(["shell-init", shell]) == 0
    path = tmp_path / f"prompt.{shell}"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    return path


def shell_command(shell: str, script: str) -> list[str]:
    """Run `script` in `shell` with no rc files of the person's own."""
    if shell == "bash":
        return ["bash", "--norc", "--noprofile", "-c", script]
    if shell == "zsh":
        return ["zsh", "-f", "-c", script]
    return ["fish", "--no-config", "-c", script]


def draw(shell: str, snippet: Path, at: int | None, **env: str) -> str:
    """The segment `shell` draws at epoch `at` (its own clock when None), as text."""
    call = "__nocontact_segment" + ("" if at is None else f" {at}")
    if shell == "fish":
        script = f"source {snippet}; {call}; printf '%s' $NOCONTACT_SEGMENT"
    else:
        script = f'source {snippet}; {call}; printf "%s" "$NOCONTACT_SEGMENT"'
    environment = {**os.environ, "NO_COLOR": "1", **env}
    done = subprocess.run(
        shell_command(shell, script), capture_output=True, text=True, env=environment, timeout=30
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


@pytest.fixture(params=SHELLS)
def shell(request: pytest.FixtureRequest) -> str:
    needs(request.param)
    return str(request.param)


@pytest.fixture
def snippet(shell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    return snippet_file(shell, tmp_path, capsys)


class TestWhatTheSegmentShows:
    def test_no_journal_no_segment(self, shell: str, snippet: Path, data_dir: Path) -> None:
        assert not data_dir.exists()
        assert draw(shell, snippet, epoch("2026-11-23T21:00:00+00:00")) == ""

    def test_right_after_log(self, shell: str, snippet: Path) -> None:
        nocontact("log", "7")
        assert draw(shell, snippet, epoch("2026-11-23T20:16:00+00:00")) == "mood 7 "

    def test_right_after_start(self, shell: str, snippet: Path) -> None:
        nocontact("log", "7")
        nocontact("start", "2026-11-01")
        assert draw(shell, snippet, epoch("2026-11-23T20:16:00+00:00")) == "day 22 · mood 7 "

    def test_right_after_a_contact(self, shell: str, snippet: Path) -> None:
        nocontact("start", "2026-11-01")
        nocontact("log", "7")
        nocontact("slip", "--at", "2026-11-20 12:00")
        assert draw(shell, snippet, epoch("2026-11-23T20:16:00+00:00")) == "day 3 · mood 7 "

    def test_midnight_moves_the_count_on_without_any_write(
        self, shell: str, snippet: Path, data_dir: Path
    ) -> None:
        nocontact("start", "2026-11-01")
        nocontact("log", "7")
        written = (data_dir / "prompt-status").stat().st_mtime_ns
        before = epoch("2026-11-23T23:59:59+00:00")
        after = epoch("2026-11-24T00:00:01+00:00")
        assert draw(shell, snippet, before) == "day 22 · mood 7 "
        assert draw(shell, snippet, after) == "day 23 · mood 7 "
        # The next evening, with nothing logged that day, it asks gently.
        assert draw(shell, snippet, epoch("2026-11-24T19:59:00+00:00")) == "day 23 · mood 7 "
        assert (
            draw(shell, snippet, epoch("2026-11-24T20:00:00+00:00"))
            == "day 23 · mood 7 · how are you? "
        )
        assert (data_dir / "prompt-status").stat().st_mtime_ns == written

    def test_the_check_in_waits_for_its_time_and_a_mood_today_answers_it(
        self, shell: str, snippet: Path
    ) -> None:
        nocontact("start", "2026-11-01")
        nocontact("config", "checkin", "21:30")
        assert draw(shell, snippet, epoch("2026-11-23T21:29:00+00:00")) == "day 22 "
        assert draw(shell, snippet, epoch("2026-11-23T21:30:00+00:00")) == "day 22 · how are you? "
        nocontact("log", "5")
        assert draw(shell, snippet, epoch("2026-11-23T21:31:00+00:00")) == "day 22 · mood 5 "
        nocontact("config", "checkin", "off")
        assert draw(shell, snippet, epoch("2026-11-24T23:00:00+00:00")) == "day 23 · mood 5 "

    def test_quiet_mode_shows_only_the_mood(
        self, shell: str, snippet: Path, data_dir: Path
    ) -> None:
        nocontact("start", "2026-11-01")
        nocontact("log", "7")
        nocontact("config", "quiet", "on")
        assert draw(shell, snippet, epoch("2026-11-23T20:16:00+00:00")) == "mood 7 "
        # Only what the segment shows is in the file: no start day at all.
        assert (data_dir / "prompt-status").read_text().split()[2] == "-"

    def test_what_the_prompt_shows_is_a_setting(self, shell: str, snippet: Path) -> None:
        nocontact("start", "2026-11-01")
        nocontact("log", "7")
        at = epoch("2026-11-23T20:16:00+00:00")
        nocontact("config", "prompt", "day")
        assert draw(shell, snippet, at) == "day 22 "
        nocontact("config", "prompt", "off")
        nocontact("config", "checkin", "off")
        assert draw(shell, snippet, at) == ""

    def test_a_start_day_still_to_come_shows_no_count(self, shell: str, snippet: Path) -> None:
        from tui.store.store import Store

        Store.open().set_no_contact_start(datetime(2026, 11, 26).date())
        nocontact("log", "6")
        assert draw(shell, snippet, epoch("2026-11-24T10:00:00+00:00")) == "mood 6 "
        assert draw(shell, snippet, epoch("2026-11-26T10:00:00+00:00")) == "day 0 · mood 6 "

    def test_colour_unless_no_color(self, shell: str, snippet: Path) -> None:
        nocontact("log", "7")
        at = epoch("2026-11-23T20:16:00+00:00")
        coloured = draw(shell, snippet, at, NO_COLOR="")
        assert "mood 7" in coloured
        expected = {"bash": "\x01\x1b[36m\x02", "zsh": "%F{cyan}", "fish": "\x1b[36m"}[shell]
        assert coloured.startswith(expected)
        assert draw(shell, snippet, at) == "mood 7 "

    def test_the_shells_own_clock_is_used_at_a_real_prompt(
        self, shell: str, snippet: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """No epoch given, as at a prompt: the real "today", so a mood dated today shows."""
        real_now = datetime.now().astimezone().replace(microsecond=0)
        monkeypatch.setenv("NOCONTACT_NOW", real_now.isoformat())
        nocontact("log", "8")
        nocontact("config", "checkin", "off")
        assert draw(shell, snippet, None) == "mood 8 "

    def test_a_hostile_status_file_shows_nothing_and_runs_nothing(
        self, shell: str, snippet: Path, data_dir: Path, tmp_path: Path
    ) -> None:
        nocontact("log", "7")
        marker = tmp_path / "ran"
        (data_dir / "prompt-status").write_text(
            f"1 dm a[$(touch {marker})] 7 $(touch {marker}) 1200 0\n", encoding="ascii"
        )
        assert draw(shell, snippet, epoch("2026-11-23T20:16:00+00:00")) == ""
        assert not marker.exists()


class TestTimeZones:
    def test_a_clock_change_between_start_and_today(
        self, shell: str, snippet: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Started in summer time (BST), drawn in winter (GMT): still whole days."""
        monkeypatch.setenv("TZ", "Europe/London")
        time.tzset()
        monkeypatch.setenv("NOCONTACT_NOW", "2026-11-23T20:15:00+00:00")
        nocontact("start", "2026-10-01")
        # fish knows the local time only from the UTC offset saved with the file (GMT, in
        # November): in the first hour of a summer-time day it is an hour behind. The
        # snippet says so; bash and zsh read the local time itself.
        summer_midnight = 23 if shell == "fish" else 24
        for moment, days in (
            ("2026-11-23T00:00:30+00:00", 53),
            ("2026-11-23T23:59:30+00:00", 53),
            ("2026-10-25T00:30:00+01:00", summer_midnight),  # the night the clocks go back
            ("2026-10-25T01:30:00+01:00", 24),
            ("2026-10-26T00:30:00+00:00", 25),
        ):
            assert draw(shell, snippet, epoch(moment), TZ="Europe/London").startswith(
                f"day {days} "
            ), moment


def test_old_bash_reads_the_clock_once_and_the_saved_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """bash before 4.2 has no clock builtin: SECONDS from one `date` at start, and OFFSET."""
    needs("bash")
    nocontact("start", "2026-11-01")
    nocontact("log", "7")
    snippet = snippet_file("bash", tmp_path, capsys)
    start = epoch("2026-11-24T00:00:10+00:00")
    script = (
        f"source {snippet}; __nocontact_clock_start=$(({start} - SECONDS)); "
        '__nocontact_segment; printf "%s" "$NOCONTACT_SEGMENT"'
    )
    done = subprocess.run(
        shell_command("bash", script),
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=30,
    )
    assert done.stdout == "day 23 · mood 7 "


# -- no process at a prompt ------------------------------------------------------------

BARE_PROMPTS = {
    "bash": "PS1='$ '\n",
    "zsh": "PROMPT='%% '\n",
    "fish": "function fish_prompt; printf '> '; end\n",
}
"""A bare prompt to put the segment in front of, so only the segment's cost is seen."""
PROCESS_PROMPTS = {
    "bash": "PROMPT_COMMAND='x=$(date)'\n",
    "zsh": "precmd() { x=$(date) }\n",
    "fish": "function fish_prompt; date >/dev/null; printf '> '; end\n",
}
"""A prompt that does start a process, to show the count would see one."""


def run_in_a_terminal(command: list[str], lines: list[str], env: dict[str, str]) -> str:
    """Run an interactive `command` in a pseudo-terminal, typing `lines`; return what it drew."""
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child becomes the shell
        os.execvpe(command[0], command, env)
    # Typed ahead: the shell still reads them one at a time, drawing a prompt for each.
    os.write(fd, "".join(f"{line}\r" for line in [*lines, "exit"]).encode())
    output = b""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the shell has exited and closed the terminal
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    os.close(fd)
    return output.decode(errors="replace")


def processes_started(trace: Path) -> list[str]:
    """Lines of an strace log where a process (not a thread) was started or a program run."""
    started = []
    for line in trace.read_text().splitlines():
        if "resumed>" in line or "exited with" in line or "---" in line:
            continue
        forked = re.search(r"\b(fork|vfork|execve)\(", line)
        cloned = re.search(r"\bclone3?\(", line) and "CLONE_THREAD" not in line
        if forked or cloned:
            started.append(line)
    return started


def prompt_processes(shell: str, setup: str, tmp_path: Path, draws: int) -> tuple[list[str], str]:
    """Processes started while `shell` drew `draws` prompts after `setup`, and the screen."""
    # The setup is the shell's rc file, so the very first prompt is already the one tested.
    rc = tmp_path / (".zshrc" if shell == "zsh" else f"setup.{shell}")
    rc.write_text(setup, encoding="utf-8")
    trace = tmp_path / f"trace.{shell}"
    interactive = {
        "bash": ["bash", "--noprofile", "--rcfile", str(rc), "-i"],
        "zsh": ["zsh", "--no-globalrcs", "-i"],
        "fish": ["fish", "--no-config", "--init-command", f"source {rc}", "-i"],
    }[shell]
    command = ["strace", "-f", "-qq", "-e", "trace=execve,clone,clone3,fork,vfork"]
    command += ["-o", str(trace), *interactive]
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "ZDOTDIR": str(tmp_path)}
    screen = run_in_a_terminal(command, [""] * draws, env)
    started = processes_started(trace)
    assert started and started[0].split(None, 1)[1].startswith("execve("), started
    return started[1:], screen  # the first is the shell itself


class TestNoProcessAtAPrompt:
    """strace counts every program run and every process started (threads are not)."""

    DRAWS = 5

    @pytest.fixture(autouse=True)
    def _strace(self) -> None:
        needs("strace")
        if sys.platform != "linux":
            pytest.skip("strace runs on Linux only")

    def test_drawing_prompts_with_the_segment_starts_none(
        self, shell: str, snippet: Path, tmp_path: Path
    ) -> None:
        nocontact("start", "2026-11-01")
        nocontact("log", "7")
        setup = BARE_PROMPTS[shell] + f"source {snippet}\n"
        started, screen = prompt_processes(shell, setup, tmp_path, self.DRAWS)
        assert started == []
        # Every prompt after the setup carried the segment (day count from the real clock).
        assert len(re.findall(r"day \d+ · mood 7", screen)) >= self.DRAWS

    def test_the_count_would_see_a_prompt_that_starts_one(self, shell: str, tmp_path: Path) -> None:
        started, _ = prompt_processes(shell, PROCESS_PROMPTS[shell], tmp_path, self.DRAWS)
        assert len([line for line in started if "execve(" in line]) >= self.DRAWS


def test_the_rc_lines_in_the_readme_are_the_ones_shell_init_names() -> None:
    from tui.commandline.shell_init import RC_LINES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for line in RC_LINES.values():
        assert line in readme


def test_an_unknown_shell_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shell-init", "tcsh"]) == 2
    assert capsys.readouterr().err.startswith("nocontact: Choose a shell: bash, zsh, fish (as in")
    assert main(["shell-init"]) == 2
    assert "A shell is needed" in capsys.readouterr().err


def test_shell_init_gives_an_older_journal_its_status_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nocontact("log", "6")
    (data_dir / "prompt-status").unlink()
    assert main(["shell-init", "bash"]) == 0
    assert (data_dir / "prompt-status").read_text().split()[3] == "6"


def test_shell_init_creates_no_journal(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shell-init", "zsh"]) == 0
    assert not data_dir.exists()
    assert "NOCONTACT_DATA_DIR" in capsys.readouterr().out


def test_a_data_dir_with_quotes_and_spaces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs("bash")
    odd = tmp_path / 'it\'s my "journal" $HOME'
    assert main(["--data-dir", str(odd), "log", "4"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(odd), "shell-init", "bash"]) == 0
    path = tmp_path / "odd.bash"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    assert draw("bash", path, epoch("2026-11-23T20:20:00+00:00"), NOCONTACT_DATA_DIR="") == (
        "mood 4 "
    )


def test_times_are_utc_in_these_tests() -> None:
    assert NOW.tzinfo is not None and NOW.utcoffset() == UTC.utcoffset(None)


@pytest.mark.parametrize("shell", SHELLS)
def test_a_prompt_that_places_the_segment_itself_is_left_as_it_is(
    shell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    needs(shell)
    snippet = snippet_file(shell, tmp_path, capsys)
    if shell == "fish":
        script = (
            "function fish_prompt; printf '<%s>' $NOCONTACT_SEGMENT; end; "
            f"source {snippet}; functions -q __nocontact_prompt_before; and echo wrapped; "
            "functions -q __nocontact_before_prompt; and echo kept"
        )
        expected = "kept\n"
    else:
        variable = "PS1" if shell == "bash" else "PROMPT"
        script = (
            f"{variable}='<${{NOCONTACT_SEGMENT}}> $ '; source {snippet}; "
            f'printf "%s\\n" "${variable}"'
        )
        expected = "<${NOCONTACT_SEGMENT}> $ \n"
    done = subprocess.run(shell_command(shell, script), capture_output=True, text=True, timeout=30)
    assert (done.stdout, done.stderr) == (expected, "")


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_prompt_function_holds_no_command_substitution(shell: str) -> None:
    """Where strace is missing this still holds: no `$(...)` or backticks at a prompt."""
    from tui.commandline.shell_init import SNIPPETS

    text = (SNIPPETS / f"prompt.{shell}").read_text(encoding="utf-8")
    body = text[text.index("__nocontact_segment() {") : text.index("\n}\n")]
    assert re.findall(r"\$\((?!\()|`", body) == []
