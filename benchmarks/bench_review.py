"""History and review over a month and over ten years: the same speed, the same memory.

    python benchmarks/bench_review.py [--runs 3]

For an empty history, one month, and 1, 3 and 10 years, each in a fresh process, in
rounds so that a busy moment on the machine hits every size alike:
- headless (review_probe.py drives the app with run_test): from `h` to the newest rows,
  from `o` to the oldest row, from a search's enter to its first match (and to the end of
  the search), and the process's peak memory once the oldest row is on screen;
- terminal: `nocontact` in a real tmux pane, polled with capture-pane until what was asked
  for is drawn (the newest entry's time, the oldest's, a count of matches), with the
  app's peak memory (VmHWM) read once the oldest row shows.
Every figure at ten years is compared with the same figure at one month.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import (
    BENCH_DIR,
    NOCONTACT,
    PYTHON,
    Sample,
    Series,
    child_env,
    interleaved,
    markdown_table,
    ms,
    run_child,
    working_copy,
)

SIZES = (0, 1 / 12, 1, 3, 10)
"""Years of history: none, a month, then 1, 3 and 10 years."""
MONTH = 1 / 12
WORD = "river"
"""A word the synthetic notes use, so a search finds it in the newest month already."""
PROBE = str(BENCH_DIR / "review_probe.py")
HOME_MARKER = "Latest mood"
EMPTY_MARKER = "Nothing here yet"
MATCHES = re.compile(r"([\d,]+) (?:found so far|of [\d,]+ entries match)")
TIMEOUT = 60.0
SETTLE = 1.0
"""Seconds between one thing showing and the next key, as a person would take at least."""
POLL = 0.01
FIGURES = (
    ("rows", "`h` to the newest rows"),
    ("oldest", "`o` to the oldest row"),
    ("first_match", "a search to its first match"),
)


def size_label(years: float) -> str:
    if not years:
        return "empty"
    if years < 1:
        return "1 month"
    return f"{years:g} years"


def newest_and_oldest(data_dir: Path) -> tuple[str, str] | None:
    """The When cells of the newest and the oldest entry, as the table writes them."""
    from tui.store.month_index import build_index, read_month
    from tui.store.store import Store

    store = Store.open(data_dir)
    index = build_index(store)
    if not index.months:
        return None
    newest = read_month(store, index, index.months[0].key)[0].when
    oldest = read_month(store, index, index.months[-1].key)[-1].when
    return f"{newest:%d %b %Y %H:%M}", f"{oldest:%d %b %Y %H:%M}"


def headless(data_dir: Path) -> Sample:
    sample = run_child([PYTHON, PROBE, "--data-dir", str(data_dir), "--word", WORD], child_env())
    sample.seconds = sample.extra["rows"]
    if "peak_mib" in sample.extra:
        sample.peak_mib = sample.extra["peak_mib"]
    return sample


class Pane:
    """A fresh tmux server running one command in a 100x32 pane."""

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.tmux = ["tmux", "-L", f"nocontact-review-{os.getpid()}", "-f", "/dev/null"]
        line = "exec " + shlex.join(command)
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", "bench", "-x", "100", "-y", "32", line],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        done = subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-t", "bench"], capture_output=True, text=True
        )
        return done.stdout

    def keys(self, *keys: str, literal: bool = False) -> None:
        flags = ["-l"] if literal else []
        subprocess.run([*self.tmux, "send-keys", "-t", "bench", *flags, *keys], check=True)

    def wait(self, shown: Callable[[str], bool], what: str) -> float:
        """Seconds from now until `shown` holds for what is on screen."""
        start = time.perf_counter()
        while True:
            screen = self.screen()
            if shown(screen):
                return time.perf_counter() - start
            if time.perf_counter() - start > TIMEOUT:
                raise RuntimeError(f"{what} never showed in {TIMEOUT:g} s")
            time.sleep(POLL)

    def peak_mib(self) -> float:
        done = subprocess.run(
            [*self.tmux, "display", "-p", "-t", "bench", "#{pane_pid}"],
            capture_output=True,
            text=True,
        )
        status = Path(f"/proc/{done.stdout.strip()}/status")
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
        time.sleep(0.3)  # let the app wind down before the next start is timed


def found_matches(screen: str) -> bool:
    return any(int(count.replace(",", "")) > 0 for count in MATCHES.findall(screen))


def in_tmux(data_dir: Path, times: tuple[str, str] | None) -> Sample:
    """`h`, `o` and a search in a real terminal, each timed from its key to what it shows."""
    pane = Pane([NOCONTACT, "--data-dir", str(data_dir)], child_env(data_dir))
    extra: dict[str, float] = {}
    try:
        pane.wait(lambda screen: HOME_MARKER in screen, "home")
        time.sleep(SETTLE)
        pane.keys("h")
        if times is None:
            extra["rows"] = pane.wait(lambda screen: EMPTY_MARKER in screen, "the empty page")
            return Sample(seconds=extra["rows"], peak_mib=pane.peak_mib(), extra=extra)
        newest, oldest = times
        extra["rows"] = pane.wait(lambda screen: newest in screen, "the newest row")
        time.sleep(SETTLE)
        pane.keys("o")
        extra["oldest"] = pane.wait(lambda screen: oldest in screen, "the oldest row")
        peak = pane.peak_mib()
        time.sleep(SETTLE)
        pane.keys("/")
        time.sleep(0.3)  # the search field takes the focus before the words come
        # Typed and entered at once: a pause would let the field apply the words by itself.
        pane.keys(WORD, literal=True)
        pane.keys("Enter")
        extra["first_match"] = pane.wait(found_matches, "a match")
        return Sample(seconds=extra["rows"], peak_mib=peak, extra=extra)
    finally:
        pane.close()


def measure(runs: int, workspace: Path) -> dict[str, Series]:
    """Series "review @ N" (headless) and "tmux review @ N" for each size, in rounds."""
    workspace.mkdir(parents=True, exist_ok=True)
    subjects: dict[str, Callable[[], Sample]] = {}
    for years in SIZES:
        data_dir = working_copy(years, workspace)
        times = newest_and_oldest(data_dir)
        subjects[f"review @ {years:g}"] = lambda data_dir=data_dir: headless(data_dir)
        subjects[f"tmux review @ {years:g}"] = lambda data_dir=data_dir, times=times: in_tmux(
            data_dir, times
        )
    return interleaved(runs, subjects)


def _figure(found: Series, key: str) -> str:
    value = found.median(key)
    return "-" if value != value else ms(value)  # NaN: not measured for this size


def table(series: dict[str, Series]) -> str:
    """A row per way of measuring and size: each figure, and its ratio to one month's."""
    header = ["measure", "history", *(title for _, title in FIGURES), "peak MiB"]
    rows = []
    for prefix, kind in (("review", "headless"), ("tmux review", "tmux")):
        month = series[f"{prefix} @ {MONTH:g}"]
        for years in SIZES:
            found = series[f"{prefix} @ {years:g}"]
            if found.failure:
                rows.append([kind, size_label(years), found.failure, "", "", ""])
                continue
            cells = [_figure(found, key) for key, _ in FIGURES]
            peak = found.median("peak_mib")
            peak_cell = f"{peak:.0f}"
            if years == SIZES[-1] and not month.failure:
                cells = [
                    f"{cell} ({found.median(key) / month.median(key):.2f}x)"
                    for cell, (key, _) in zip(cells, FIGURES, strict=True)
                ]
                peak_cell += f" ({peak / month.median('peak_mib'):.2f}x)"
            rows.append([kind, size_label(years), *cells, peak_cell])
        searched = series[f"{prefix} @ {SIZES[-1]:g}"].median("all_matches")
        if searched == searched:
            whole = f"a search to its last match: {ms(searched)}"
            rows.append([kind, size_label(SIZES[-1]), whole, "", "", ""])
    return markdown_table(header, rows)


def targets(series: dict[str, Series]) -> list[str]:
    """Issue 11's targets: every figure at ten years within 2x of one month's, memory 1.3x."""
    lines = []
    for prefix, kind in (("review", "headless"), ("tmux review", "tmux")):
        ten, month = series[f"{prefix} @ {SIZES[-1]:g}"], series[f"{prefix} @ {MONTH:g}"]
        if ten.failure or month.failure:
            lines.append(f"- {kind}: not measured ({ten.failure or month.failure})")
            continue
        for key, title in (*FIGURES, ("peak_mib", "peak memory")):
            ratio = ten.median(key) / month.median(key)
            limit = 1.3 if key == "peak_mib" else 2.0
            verdict = "met" if ratio <= limit else f"missed by {ratio / limit - 1:.0%}"
            figure = f"{ratio:.2f}x (target {limit:g}x) {verdict}"
            lines.append(f"- {kind}, {title}, 10 years vs 1 month: {figure}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nocontact-bench-") as workspace:
        series = measure(args.runs, Path(workspace))
    print(table(series))
    print("\n".join(targets(series)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
