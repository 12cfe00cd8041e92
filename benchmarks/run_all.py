"""Every benchmark, one table: `make bench`. Writes benchmarks/results/latest.md too.

    python benchmarks/run_all.py [--runs 15] [--paint-runs 5] [--review-runs 3]

Synthetic histories are cached in $TMPDIR/nocontact-bench-cache by seed, span, end day
and generator version; each run measures on fresh copies of them.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import tempfile
import time
from pathlib import Path

import bench_commands
import bench_paint
import bench_review
import log_breakdown
from harness import BENCH_DIR, Series, cached_history

RESULTS = BENCH_DIR / "results" / "latest.md"


def machine() -> str:
    """`nproc`, the CPU model and the Python, for the README's figures."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    system = f"Linux {platform.release()}, Python {platform.python_version()}"
    return f"{os.cpu_count()} CPUs ({model}), {system}"


def _check(name: str, value: float, limit: float, unit: str = "x") -> str:
    if math.isnan(value):
        return f"- {name}: not measured"
    verdict = "met" if value <= limit else f"missed by {value / limit - 1:.0%}"
    return f"- {name}: {value:.2f}{unit} (target {limit:g}{unit}) {verdict}"


def targets(commands: dict[str, Series], paint: dict[str, Series]) -> list[str]:
    """Issue 6's targets, each with its measured figure."""

    def median(series: dict[str, Series], name: str, key: str = "seconds") -> float:
        found = series.get(name)
        return float("nan") if found is None or found.failure else found.median(key)

    log_10, log_0 = median(commands, "log @ 10"), median(commands, "log @ 0")
    home_10, home_0 = median(paint, "home @ 10"), median(paint, "home @ 0")
    peaks = [
        series.median("peak_mib")
        for name, series in (*commands.items(), *paint.items())
        if name.endswith("@ 10") and not series.failure and not name.startswith("tmux")
    ]
    return [
        _check("`nocontact log` at 10 years vs empty", log_10 / log_0, 1.3),
        _check(
            "`nocontact log` at 10 years vs `python -c pass`",
            log_10 / median(commands, bench_commands.BASELINE),
            2.5,
        ),
        _check("home's first paint at 10 years vs empty", home_10 / home_0, 1.3),
        _check(
            "home's first paint at 10 years vs the bare app",
            home_10 / median(paint, bench_paint.BARE),
            1.3,
        ),
        _check("peak memory at 10 years", max(peaks, default=float("nan")), 120, " MiB"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each quick command")
    parser.add_argument("--paint-runs", type=int, default=5, help="runs of each app start")
    parser.add_argument("--review-runs", type=int, default=3)
    args = parser.parse_args()
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    for years in {*bench_commands.SIZES, *bench_review.SIZES}:
        if years:
            cached_history(years)
    with tempfile.TemporaryDirectory(prefix="nocontact-bench-") as workspace:
        commands = bench_commands.measure(args.runs, Path(workspace) / "commands")
        paint = bench_paint.measure(args.paint_runs, Path(workspace) / "paint")
        review = bench_review.measure(args.review_runs, Path(workspace) / "review")
    breakdown = log_breakdown.measure(args.runs)
    report = "\n\n".join(
        [
            f"Measured {started} on {machine()}. Medians of {args.runs} runs (commands), "
            f"{args.paint_runs} (first paint) and {args.review_runs} (history and review), "
            "each in a fresh process, interleaved with the baseline.",
            bench_commands.table(commands),
            bench_paint.table(paint),
            "Targets (issue 6):\n" + "\n".join(targets(commands, paint)),
            bench_review.table(review),
            "Targets (issue 11), ten years against one month in the same rounds:\n"
            + "\n".join(bench_review.targets(review)),
            "Where `nocontact log` spends its time (medians, `benchmarks/log_breakdown.py`):\n\n"
            + "```\n"
            + breakdown
            + "\n```",
        ]
    )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report + "\n")
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
