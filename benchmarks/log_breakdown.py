"""Where `nocontact log` spends its time after the interpreter has started, step by step.

    python benchmarks/log_breakdown.py [--runs 15]

Each run is a fresh process that imports what `log` needs in the order it needs it,
timing each step, then runs the command; the medians show what each step adds on top of
`python -c pass`, without -X importtime's own overhead.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import tempfile

from harness import PYTHON, child_env, run_child

STEPS = (
    ("argparse", "import argparse"),
    ("typing", "import typing"),
    ("pathlib", "import pathlib"),
    ("tinydb", "import tinydb, tinydb.storages"),
    ("dataclasses", "import dataclasses"),
    ("tui.store.records", "import tui.store.records"),
    ("rest of tui.store.store", "import tui.store.store"),
    ("tui.cli", "import tui.cli"),
    ("build the parser", "tui.cli.build_parser()"),
    ("tui.commandline.log", "import tui.commandline.log"),
    ("run `log` (parse, open, lock, read, write, fsync)", "tui.cli.main(ARGV)"),
)
CHILD = """
import sys, time, json
ARGV = ["--data-dir", sys.argv[1], "log", "6", "a quiet evening", "--tag", "calm"]
times = []
for code in json.loads(sys.argv[2]):
    start = time.perf_counter()
    exec(code)
    times.append(time.perf_counter() - start)
sys.stdout = sys.__stdout__
print("TIMES", json.dumps(times))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    codes = json.dumps([code for _, code in STEPS])
    samples: list[list[float]] = []
    baseline: list[float] = []
    with tempfile.TemporaryDirectory(prefix="nocontact-breakdown-") as data_dir:
        for _ in range(args.runs):
            baseline.append(run_child([PYTHON, "-c", "pass"], child_env()).seconds)
            done = subprocess.run(
                [PYTHON, "-c", CHILD, data_dir, codes],
                capture_output=True,
                text=True,
                env=child_env(),
                check=True,
            )
            line = next(line for line in done.stdout.splitlines() if line.startswith("TIMES"))
            samples.append(json.loads(line.removeprefix("TIMES")))
    base = statistics.median(baseline)
    print(f"python -c pass: {base * 1000:.1f} ms (wall, the whole process)")
    total = 0.0
    for index, (name, _) in enumerate(STEPS):
        step = statistics.median(sample[index] for sample in samples)
        total += step
        print(f"  + {step * 1000:5.1f} ms  {name}")
    print(f"= {(base + total) * 1000:.1f} ms, {(base + total) / base:.2f}x `python -c pass`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
