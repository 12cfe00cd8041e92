"""Where `nocontact log` spends its time after the interpreter has started, step by step.

    python benchmarks/log_breakdown.py [--runs 15]

Each run is a fresh process that imports what `log` needs in the order it needs it,
timing each step, then runs the command; the medians show what each step adds on top of
`python -c pass`, without -X importtime's own overhead.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile

from harness import NOCONTACT, PYTHON, child_env, run_child

STEPS = (
    ("argparse", "import argparse"),
    ("datetime", "import datetime"),
    ("pathlib", "import pathlib"),
    ("json", "import json"),
    ("tui.store.records", "import tui.store.records"),
    ("rest of tui.store.store", "import tui.store.store"),
    ("tui.cli", "import tui.cli"),
    ("build the parser", "tui.cli.build_parser()"),
    ("tui.commandline.log", "import tui.commandline.log"),
    ("run `log` (parse, open, lock, import TinyDB, read, write, fsync)", "tui.cli.main(ARGV)"),
)
CHILD = """
import sys, time  # built in: nothing is imported before the first step but these
ARGV = ["--data-dir", sys.argv[1], "log", "6", "a quiet evening", "--tag", "calm"]
times = []
for code in sys.argv[2:]:
    start = time.perf_counter()
    exec(code)
    times.append(time.perf_counter() - start)
print("TIMES", *times)
"""


def measure(runs: int) -> str:
    """The breakdown as a few lines of text: medians of `runs` fresh processes."""
    codes = [code for _, code in STEPS]
    samples: list[list[float]] = []
    baseline: list[float] = []
    whole_runs: list[float] = []
    with tempfile.TemporaryDirectory(prefix="nocontact-breakdown-") as data_dir:
        command = [NOCONTACT, "--data-dir", data_dir, "log", "6", "a quiet evening"]
        for _ in range(runs):
            baseline.append(run_child([PYTHON, "-c", "pass"], child_env()).seconds)
            whole_runs.append(run_child(command, child_env()).seconds)
            done = subprocess.run(
                [PYTHON, "-c", CHILD, data_dir, *codes],
                capture_output=True,
                text=True,
                env=child_env(),
                check=True,
            )
            line = next(line for line in done.stdout.splitlines() if line.startswith("TIMES"))
            samples.append([float(value) for value in line.split()[1:]])
    base = statistics.median(baseline)
    lines = [f"    {base * 1000:5.1f} ms  python -c pass (the whole process)"]
    total = 0.0
    for index, (name, _) in enumerate(STEPS):
        step = statistics.median(sample[index] for sample in samples)
        total += step
        lines.append(f"  + {step * 1000:5.1f} ms  {name}")
    whole = statistics.median(whole_runs)
    rest = whole - base - total
    lines.append(f"  + {rest * 1000:5.1f} ms  the rest: interpreter shutdown, the entry script")
    lines.append(f"  = {whole * 1000:5.1f} ms  nocontact log, {whole / base:.2f}x python -c pass")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(measure(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
