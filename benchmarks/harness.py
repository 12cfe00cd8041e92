"""Shared pieces of the benchmarks: histories to measure on, child runs, medians, tables."""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PYTHON = str(Path(sys.executable))
NOCONTACT = str(Path(sys.executable).with_name("nocontact"))
SIZES = (0, 1, 3, 10)
"""Years of synthetic history measured: an empty data dir, then 1, 3 and 10 years."""
SEED = 1
CACHE_ROOT = Path(tempfile.gettempdir()) / "nocontact-bench-cache"
CHILD_TIMEOUT = 240.0
"""Seconds before a measured child that hangs is killed and reported as such."""


@dataclass
class Sample:
    """One child run: wall seconds, peak memory in MiB, and any figures it printed."""

    seconds: float
    peak_mib: float
    extra: dict[str, float] = field(default_factory=dict)
    cpu: float = float("nan")
    """User plus system CPU seconds: steadier than wall time on a busy machine."""


@dataclass
class Series:
    """Several runs of one thing, summarised by medians."""

    name: str
    samples: list[Sample] = field(default_factory=list)
    failure: str = ""
    """Why the thing could not be measured (a command not built yet), if it could not."""

    def median(self, key: str = "seconds") -> float:
        if key == "seconds":
            values = [sample.seconds for sample in self.samples]
        elif key == "peak_mib":
            values = [sample.peak_mib for sample in self.samples]
        elif key == "cpu":
            values = [sample.cpu for sample in self.samples]
        else:
            values = [sample.extra[key] for sample in self.samples if key in sample.extra]
        return statistics.median(values) if values else float("nan")


def child_env(data_dir: Path | None = None) -> dict[str, str]:
    """The environment of a measured child: as installed (bytecode cached), clock not pinned."""
    # An installed wheel has its bytecode compiled; PYTHONDONTWRITEBYTECODE would make
    # every start compile the whole package from source instead.
    dropped = {"NOCONTACT_NOW", "PYTHONDONTWRITEBYTECODE"}
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    if data_dir is not None:
        env["NOCONTACT_DATA_DIR"] = str(data_dir)
    env.setdefault("TERM", "xterm-256color")
    return env


def run_child(
    command: Sequence[str], env: dict[str, str] | None = None, timeout: float = CHILD_TIMEOUT
) -> Sample:
    """Run `command` to the end; its wall time, peak RSS, and `key=value` lines it printed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        error = err.read().decode(errors="replace")
        if seconds >= timeout:
            raise RuntimeError(f"no answer within {timeout:g} s")
        if process.returncode != 0:
            last_line = error.strip().splitlines()[-1] if error.strip() else ""
            raise RuntimeError(f"exit {process.returncode}: {last_line}")
        out.seek(0)
        extra = {}
        for line in out.read().decode().splitlines():
            key, sep, value = line.partition("=")
            if sep and key.startswith("bench."):
                extra[key.removeprefix("bench.")] = float(value)
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds=seconds, peak_mib=usage.ru_maxrss / 1024, extra=extra, cpu=cpu)


def interleaved(
    runs: int, subjects: dict[str, Callable[[], Sample]], warmups: int = 1
) -> dict[str, Series]:
    """Run every subject once per round, so a busy moment on the machine hits all alike."""
    series = {name: Series(name) for name in subjects}
    for round_number in range(warmups + runs):
        for name, measure in subjects.items():
            if series[name].failure:
                continue
            try:
                sample = measure()
            except RuntimeError as error:
                series[name].failure = str(error).strip().splitlines()[-1]
                continue
            if round_number >= warmups:
                series[name].samples.append(sample)
    return series


def _generator_key(years: float, seed: int, end: str) -> str:
    digest = hashlib.sha256((BENCH_DIR / "synth_history.py").read_bytes()).hexdigest()[:10]
    return f"y{years:g}-s{seed}-{end}-{digest}"


def cached_history(years: float, seed: int = SEED) -> Path:
    """A synthetic history ending today, generated once per seed, span, day and generator."""
    end = time.strftime("%Y-%m-%d")
    target = CACHE_ROOT / _generator_key(years, seed, end)
    if not (target / "complete").exists():
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True, mode=0o700)
        data = target / "data"
        command = [PYTHON, str(BENCH_DIR / "synth_history.py"), "--years", f"{years:g}"]
        command += ["--data-dir", str(data), "--seed", str(seed), "--end", end]
        subprocess.run(command, check=True, capture_output=True, env=child_env())
        (target / "complete").touch()
    return target / "data"


def working_copy(years: float, workspace: Path) -> Path:
    """A fresh copy of a cached history (or an empty one) that measurements may write to."""
    target = workspace / f"history-{years:g}y"
    shutil.rmtree(target, ignore_errors=True)
    if years:
        shutil.copytree(cached_history(years), target)
    else:
        target.mkdir(mode=0o700)
        skip_the_welcome(target)
    return target


def skip_the_welcome(data_dir: Path) -> None:
    """Mark the first-run welcome as seen, as a person's is after their first start.

    `nocontact` opens an empty journal on the welcome; the benchmarks measure home.
    """
    from tui.store.store import Store

    Store.open(data_dir).set_setting("welcomed", True)


def label(years: float) -> str:
    return "empty" if not years else f"{years:g} years"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
