"""Wall time and peak memory of `nocontact log` and `nocontact status --short`.

    python benchmarks/bench_commands.py [--runs 15]

Each command runs in a fresh process on an empty history and on 1, 3 and 10 years, round
by round beside `python -c pass`, the floor any Python command stands on.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from harness import (
    NOCONTACT,
    PYTHON,
    SIZES,
    Series,
    child_env,
    interleaved,
    label,
    markdown_table,
    ms,
    run_child,
    working_copy,
)

BASELINE = "python -c pass"
COMMANDS = {
    "log": ["log", "6", "a quiet evening", "--tag", "calm"],
    "status --short": ["status", "--short"],
}


def measure(runs: int, workspace: Path) -> dict[str, Series]:
    """Series named BASELINE and "<command> @ <years>", measured round by round."""
    workspace.mkdir(parents=True, exist_ok=True)
    subjects = {BASELINE: lambda: run_child([PYTHON, "-c", "pass"], child_env())}
    for years in SIZES:
        data_dir = working_copy(years, workspace)
        for name, arguments in COMMANDS.items():
            command = [NOCONTACT, "--data-dir", str(data_dir), *arguments]
            subjects[f"{name} @ {years}"] = lambda command=command, data_dir=data_dir: run_child(
                command, child_env(data_dir)
            )
    return interleaved(runs, subjects)


def table(series: dict[str, Series]) -> str:
    """One row per command and history: median, ratio to empty and to the baseline."""
    baseline = series[BASELINE].median()
    base = series[BASELINE]
    base_cpu = base.median("cpu")
    peak = f"{base.median('peak_mib'):.0f}"
    rows = [[BASELINE, "-", ms(baseline), "-", "1.00x", ms(base_cpu), "1.00x", peak]]
    for name in COMMANDS:
        empty = series[f"{name} @ 0"]
        for years in SIZES:
            found = series[f"{name} @ {years}"]
            if found.failure:
                rows.append([f"`nocontact {name}`", label(years), "n/a", found.failure] + [""] * 4)
                continue
            median = found.median()
            rows.append(
                [
                    f"`nocontact {name}`",
                    label(years),
                    ms(median),
                    f"{median / empty.median():.2f}x",
                    f"{median / baseline:.2f}x",
                    ms(found.median("cpu")),
                    f"{found.median('cpu') / base_cpu:.2f}x",
                    f"{found.median('peak_mib'):.0f}",
                ]
            )
    header = ["command", "history", "median wall", "vs empty", "vs `python -c pass`"]
    header += ["median CPU", "CPU vs `python -c pass`", "peak MiB"]
    return markdown_table(header, rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nocontact-bench-") as workspace:
        print(table(measure(args.runs, Path(workspace))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
