"""Time from launch to home painted, and f12 to a blank screen.

    python benchmarks/bench_paint.py [--runs 5]

Three measurements, each in a fresh process, on an empty history and on 1, 3 and 10 years:
- headless: paint_probe.py drives the app with run_test until home has painted;
- terminal: `nocontact` in a real tmux pane, polled with capture-pane until home's text
  shows (the bare app likewise), which adds a terminal's start and drawing to both;
- blank: in tmux, after home, f12 until home's text is gone, the first time and again
  (on an empty history and on 10 years).
The baseline is a bare Textual app with a Header, a Label and a Footer, measured in the
same rounds. History and review has a benchmark of its own, bench_review.py.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import tempfile
import time
from pathlib import Path

from harness import (
    BENCH_DIR,
    NOCONTACT,
    PYTHON,
    SIZES,
    Sample,
    Series,
    child_env,
    interleaved,
    label,
    markdown_table,
    ms,
    run_child,
    working_copy,
)

BARE = "bare Textual app"
HOME_MARKER = "Latest mood"
"""Text home shows once its overview has been read (a card title)."""
BARE_MARKER = "A bare Textual app"
TERMINAL_TIMEOUT = 60.0
PROBE = str(BENCH_DIR / "paint_probe.py")


def headless(which: str, data_dir: Path | None) -> Sample:
    """One headless start; `seconds` is the probe's own spawn-to-paint figure."""
    env = child_env(data_dir)
    env["BENCH_SPAWN"] = repr(time.time())
    command = [PYTHON, PROBE, which]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    sample = run_child(command, env)
    sample.seconds = sample.extra["paint"]
    return sample


def in_tmux(command: list[str], marker: str, env: dict[str, str]) -> Sample:
    """Launch `command` in a fresh tmux server and time it until `marker` is on screen."""
    socket = f"nocontact-bench-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "bench", "-x", "100", "-y", "32", shlex.join(command)],
        check=True,
        env=env,
    )
    try:
        while True:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True
            ).stdout
            if marker in screen:
                return Sample(seconds=time.perf_counter() - start, peak_mib=float("nan"))
            if time.perf_counter() - start > TERMINAL_TIMEOUT:
                raise RuntimeError(f"{marker!r} never showed; the screen was:\n{screen}")
            time.sleep(0.01)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
        time.sleep(0.3)  # let the app wind down before the next start is timed


def blank_in_tmux(command: list[str], env: dict[str, str]) -> Sample:
    """Start the app in tmux; `seconds` is the first f12 to a blank screen, `later` the next."""
    socket = f"nocontact-blank-{os.getpid()}"
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "bench", "-x", "100", "-y", "32", shlex.join(command)],
        check=True,
        env=env,
    )

    def until(shown: bool) -> float:
        start = time.perf_counter()
        while True:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True
            ).stdout
            if (HOME_MARKER in screen) == shown:
                return time.perf_counter() - start
            if time.perf_counter() - start > TERMINAL_TIMEOUT:
                raise RuntimeError(f"the screen never changed; it was:\n{screen}")
            time.sleep(0.002)

    def press_f12() -> float:
        subprocess.run([*tmux, "send-keys", "-t", "bench", "F12"], check=True)
        return until(shown=False)

    try:
        until(shown=True)
        time.sleep(1.0)  # home settled, as a person would have it before someone walks in
        first = press_f12()
        subprocess.run([*tmux, "send-keys", "-t", "bench", "F12"], check=True)
        until(shown=True)
        time.sleep(0.5)
        return Sample(seconds=first, peak_mib=float("nan"), extra={"later": press_f12()})
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
        time.sleep(0.3)


def measure(runs: int, workspace: Path) -> dict[str, Series]:
    """Series "bare", "home @ N", "tmux bare", "tmux home @ N", "blank @ N"."""
    workspace.mkdir(parents=True, exist_ok=True)
    dirs = {years: working_copy(years, workspace) for years in SIZES}
    subjects = {BARE: lambda: headless("bare", None)}
    for years, data_dir in dirs.items():
        subjects[f"home @ {years}"] = lambda data_dir=data_dir: headless("home", data_dir)
    bare_command = [PYTHON, PROBE, "bare", "--terminal"]
    subjects[f"tmux {BARE}"] = lambda: in_tmux(bare_command, BARE_MARKER, child_env())
    for years, data_dir in dirs.items():
        command = [NOCONTACT, "--data-dir", str(data_dir)]
        subjects[f"tmux home @ {years}"] = lambda command=command, data_dir=data_dir: in_tmux(
            command, HOME_MARKER, child_env(data_dir)
        )
    for years in (SIZES[0], SIZES[-1]):
        command = [NOCONTACT, "--data-dir", str(dirs[years])]
        subjects[f"blank @ {years}"] = lambda command=command, years=years: blank_in_tmux(
            command, child_env(dirs[years])
        )
    return interleaved(runs, subjects)


def _ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x"


def table(series: dict[str, Series]) -> str:
    """Rows for first paint, headless and in tmux."""
    header = ["measure", "history", "median", "vs empty", "vs bare app", "peak MiB"]
    rows = []
    for prefix, bare_name in (("home", BARE), ("tmux home", f"tmux {BARE}")):
        bare = series[bare_name]
        kind = "first paint, headless" if prefix == "home" else "first paint, tmux"
        peak = "-" if prefix != "home" else f"{bare.median('peak_mib'):.0f}"
        rows.append([f"{kind} (bare app)", "-", ms(bare.median()), "-", "1.00x", peak])
        empty = series[f"{prefix} @ 0"]
        for years in SIZES:
            found = series[f"{prefix} @ {years}"]
            if found.failure:
                rows.append([kind, label(years), "n/a", found.failure, "", ""])
                continue
            peak = "-" if prefix != "home" else f"{found.median('peak_mib'):.0f}"
            median = found.median()
            rows.append(
                [
                    kind,
                    label(years),
                    ms(median),
                    _ratio(median, empty.median()),
                    _ratio(median, bare.median()),
                    peak,
                ]
            )
    for years in (SIZES[0], SIZES[-1]):
        found = series[f"blank @ {years}"]
        if found.failure:
            rows.append(["f12 to a blank screen, tmux", label(years), "n/a", found.failure, "", ""])
            continue
        rows.append(["first f12 to a blank screen, tmux", label(years), ms(found.median())])
        rows[-1] += ["", "", ""]
        rows.append(["a later f12, tmux", label(years), ms(found.median("later")), "", "", ""])
    return markdown_table(header, rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nocontact-bench-") as workspace:
        print(table(measure(args.runs, Path(workspace))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
