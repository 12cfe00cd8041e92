"""`nocontact insights` against `nocontact history --json | head -1`, on ten years.

    python benchmarks/bench_insights.py [--runs 7] [--years 10]

Issue 14 asks that insights over ten years take under twice what the first line of the
full JSON history takes (which reads and encodes every record before it prints). Both run
round by round in fresh processes on a copy of the same synthetic history.
"""

from __future__ import annotations

import argparse
import shlex
import tempfile
from pathlib import Path

from harness import NOCONTACT, Series, child_env, interleaved, ms, run_child, working_copy

INSIGHTS = "nocontact insights"
HISTORY = "nocontact history --json | head -1"
LIMIT = 2.0


def measure(runs: int, years: float, workspace: Path) -> dict[str, Series]:
    data_dir = working_copy(years, workspace)
    env = child_env(data_dir)
    history = f"{shlex.quote(NOCONTACT)} history --json | head -1"
    subjects = {
        INSIGHTS: lambda: run_child([NOCONTACT, "insights"], env),
        HISTORY: lambda: run_child(["sh", "-c", history], env),
    }
    return interleaved(runs, subjects)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--years", type=float, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workspace:
        series = measure(args.runs, args.years, Path(workspace))
    for name in (INSIGHTS, HISTORY):
        found = series[name]
        if found.failure:
            print(f"{name}: not measured ({found.failure})")
            return 1
        print(f"{name}: median {ms(found.median())} wall, {ms(found.median('cpu'))} CPU")
    ratio = series[INSIGHTS].median() / series[HISTORY].median()
    verdict = "within" if ratio < LIMIT else "over"
    print(f"insights / history: {ratio:.2f}x wall ({verdict} the {LIMIT:g}x limit)")
    return 0 if ratio < LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
