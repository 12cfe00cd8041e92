"""What the prompt segment costs a prompt, against the bare prompt, in bash, zsh and fish.

    python benchmarks/bench_prompt.py [--runs 11] [--draws 2000] [--presses 200]

Two measures, each round by round so a busy moment hits every subject alike:

- In a loop: each shell draws its prompt DRAWS times in a fresh process: the bare prompt;
  the prompt with the segment (`nocontact shell-init`: the hook, then the prompt with the
  segment in it); and, for scale, a prompt that runs `date` once (one process, as a
  prompt calling any program would). A run with no draws is the process's own start-up,
  taken off the others, so a figure is the cost of drawing one prompt.
- In a terminal: the shell runs interactively in a pseudo-terminal, and Enter is pressed
  PRESSES times, each time waiting for the prompt to come back: what a person waits for.

For scale again, one `nocontact status --short`, the command a prompt had to call before.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from harness import NOCONTACT, Series, child_env, interleaved, markdown_table, run_child

SHELLS = ("bash", "zsh", "fish")
BARE = {
    "bash": "PS1='\\u@\\h:\\w\\$ '\n",
    "zsh": "PROMPT='%n@%m %~ %# '\n",
    "fish": "function fish_prompt; printf '%s@%s %s> ' $USER $hostname $PWD; end\n",
}
"""A plain prompt of the usual kind: user, host and folder."""
DRAW = {
    "bash": "{hook}x=${{PS1@P}}",
    "zsh": '{hook}print -P -v x -- "$PROMPT"',
    "fish": "fish_prompt >/dev/null",
}
"""One prompt drawn as the shell draws it: the hook (bash, zsh), then the prompt expanded."""
LOOP = {
    "bash": "for ((i = 0; i < {n}; i++)); do {body}; done",
    "zsh": "for ((i = 0; i < {n}; i++)); do {body}; done",
    "fish": "for i in (string split -n ' ' (string repeat -n {n} 'x ')); {body}; end",
}


def script(shell: str, snippet: Path | None, draws: int, with_date: bool = False) -> str:
    """The shell code for one measured process."""
    setup = BARE[shell]
    hook = ""
    if snippet is not None:
        setup += f"source {snippet}\n"
        hook = "" if shell == "fish" else "__nocontact_segment; "
    if with_date:
        if shell == "fish":
            setup += "functions -c fish_prompt __plain\n"
            setup += "function fish_prompt; set x (date); __plain; end\n"
        else:
            hook = "x=$(date); "
    body = DRAW[shell].format(hook=hook)
    return setup + (LOOP[shell].format(n=draws, body=body) if draws else "") + "\n"


def command(shell: str, code: str) -> list[str]:
    if shell == "bash":
        return ["bash", "--norc", "--noprofile", "-c", code]
    if shell == "zsh":
        return ["zsh", "-f", "-c", code]
    return ["fish", "--no-config", "-c", code]


def journal(workspace: Path) -> tuple[Path, dict[str, str]]:
    """A data dir with a start day and a mood, and the environment that points at it."""
    data_dir = workspace / "data"
    env = child_env(data_dir)
    env["NO_COLOR"] = ""
    for argv in (["start", "3 weeks ago"], ["log", "6"]):
        subprocess.run([NOCONTACT, *argv], check=True, capture_output=True, env=env)
    return data_dir, env


def measure(runs: int, draws: int, workspace: Path) -> dict[str, Series]:
    data_dir, env = journal(workspace)
    subjects = {}
    for shell in SHELLS:
        if shutil.which(shell) is None:
            continue
        snippet = workspace / f"prompt.{shell}"
        made = subprocess.run(
            [NOCONTACT, "shell-init", shell], check=True, capture_output=True, text=True, env=env
        )
        snippet.write_text(made.stdout, encoding="utf-8")
        for name, code in (
            ("start-up", script(shell, None, 0)),
            ("bare", script(shell, None, draws)),
            ("segment", script(shell, snippet, draws)),
            ("date", script(shell, None, draws, with_date=True)),
        ):
            argv = command(shell, code)
            subjects[f"{shell} {name}"] = lambda argv=argv: run_child(argv, env)
    status = [NOCONTACT, "--data-dir", str(data_dir), "status", "--short"]
    subjects["status --short"] = lambda: run_child(status, env)
    return interleaved(runs, subjects)


MARKER = "@@> "
"""The end of the bare prompt in the terminal measure, waited for after each Enter."""
TERMINAL_BARE = {
    "bash": f"PS1='\\u@\\h:\\w {MARKER}'\n",
    "zsh": f"PROMPT='%n@%m %~ {MARKER}'\n",
    "fish": f"function fish_prompt; printf '%s@%s %s {MARKER}' $USER $hostname $PWD; end\n",
}


def interactive(shell: str, rc: Path) -> list[str]:
    if shell == "bash":
        return ["bash", "--noprofile", "--rcfile", str(rc), "-i"]
    if shell == "zsh":
        return ["zsh", "--no-globalrcs", "-i"]
    return ["fish", "--no-config", "--init-command", f"source {rc}", "-i"]


def read_until(fd: int, marker: bytes, deadline: float) -> None:
    seen = b""
    while marker not in seen:
        if time.monotonic() > deadline:
            raise RuntimeError("the prompt never came back")
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            seen += os.read(fd, 65536)


def enter_to_prompt(shell: str, setup: str, presses: int, folder: Path, env: dict[str, str]):
    """Median seconds from Enter to the prompt drawn again, in an interactive `shell`."""
    rc = folder / (".zshrc" if shell == "zsh" else f"rc.{shell}")
    rc.write_text(setup, encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the shell
        os.execvpe(shell, interactive(shell, rc), {**env, "ZDOTDIR": str(folder)})
    marker = MARKER.encode()
    try:
        read_until(fd, marker, time.monotonic() + 30)
        times = []
        for _ in range(presses):
            start = time.perf_counter()
            os.write(fd, b"\r")
            read_until(fd, marker, time.monotonic() + 30)
            times.append(time.perf_counter() - start)
    finally:
        os.write(fd, b"exit\r")
        os.waitpid(pid, 0)
        os.close(fd)
    return statistics.median(times)


def terminal_table(workspace: Path, runs: int, presses: int) -> str:
    """Enter to prompt, bare and with the segment, the median of `runs` rounds."""
    _, env = journal(workspace / "terminal")
    env["TERM"] = "xterm-256color"
    rows = []
    for shell in SHELLS:
        if shutil.which(shell) is None:
            rows.append([shell, "not installed", "", "", ""])
            continue
        folder = workspace / f"terminal-{shell}"
        folder.mkdir()
        made = subprocess.run(
            [NOCONTACT, "shell-init", shell], check=True, capture_output=True, text=True, env=env
        )
        snippet = folder / f"prompt.{shell}"
        snippet.write_text(made.stdout, encoding="utf-8")
        bare_setup = TERMINAL_BARE[shell]
        with_setup = bare_setup + f"source {snippet}\n"
        bare, segment = [], []
        for _ in range(runs):
            bare.append(enter_to_prompt(shell, bare_setup, presses, folder, env))
            segment.append(enter_to_prompt(shell, with_setup, presses, folder, env))
        b, w = statistics.median(bare) * 1e6, statistics.median(segment) * 1e6
        rows.append([shell, f"{b:.0f} µs", f"{w:.0f} µs", f"{w - b:+.0f} µs", f"{w / b:.2f}x"])
    header = ["shell", "Enter to a bare prompt", "with the segment", "difference", "ratio"]
    return markdown_table(header, rows)


def per_prompt(series: dict[str, Series], shell: str, name: str, draws: int) -> float:
    """Microseconds one prompt costs: the loop's time less start-up, over the draws."""
    return (series[f"{shell} {name}"].median() - series[f"{shell} start-up"].median()) / draws * 1e6


def table(series: dict[str, Series], draws: int) -> str:
    rows = []
    for shell in SHELLS:
        if f"{shell} bare" not in series:
            rows.append([shell, "not installed", "", "", "", ""])
            continue
        bare = per_prompt(series, shell, "bare", draws)
        segment = per_prompt(series, shell, "segment", draws)
        date = per_prompt(series, shell, "date", draws)
        rows.append(
            [
                shell,
                f"{bare:.0f} µs",
                f"{segment:.0f} µs",
                f"{segment - bare:+.0f} µs",
                f"{segment / bare:.1f}x" if bare > 0 else "-",
                f"{date:.0f} µs",
            ]
        )
    header = ["shell", "bare prompt", "with the segment", "difference", "ratio"]
    header.append("a prompt running `date`")
    status_ms = series["status --short"].median() * 1000
    note = f"\n\nOne `nocontact status --short`, for scale: {status_ms:.0f} ms."
    return markdown_table(header, rows) + note


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--draws", type=int, default=2000)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nocontact-prompt-") as workspace:
        os.chmod(workspace, 0o700)
        print("In a loop, one prompt drawn:\n")
        print(table(measure(args.runs, args.draws, Path(workspace)), args.draws))
        print("\nIn a terminal, Enter pressed and the prompt waited for:\n")
        print(terminal_table(Path(workspace), args.runs, args.presses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
