"""Where a quick command's start-up time goes: `python -X importtime`, best of several runs.

    python benchmarks/import_profile.py [--runs 15] [--top 25] -- log 6 a note

Prints the modules with the largest cumulative import time (the fastest of the runs, so
a busy moment on a shared machine does not show up as a slow module), and the total.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile

from harness import PYTHON, child_env

NOCONTACT_MAIN = "import sys; from tui.cli import run; sys.argv[0] = 'nocontact'; run()"


def profile(arguments: list[str], runs: int) -> dict[str, tuple[int, int, int]]:
    """Each module's fastest (self, cumulative) microseconds, and its nesting depth."""
    best: dict[str, tuple[int, int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="nocontact-imports-") as data_dir:
        command = [PYTHON, "-X", "importtime", "-c", NOCONTACT_MAIN, *arguments]
        for _ in range(runs):
            done = subprocess.run(command, capture_output=True, text=True, env=child_env(data_dir))
            for line in done.stderr.splitlines():
                if not line.startswith("import time:") or "|" not in line:
                    continue
                self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
                if not self_us.strip().isdigit():
                    continue
                depth = (len(name) - len(name.lstrip())) // 2
                key = name.strip()
                own, total = int(self_us), int(cumulative_us)
                if key in best:
                    own, total = min(own, best[key][0]), min(total, best[key][1])
                best[key] = (own, total, depth)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("arguments", nargs="*", default=["log", "6", "a note"])
    args = parser.parse_args()
    best = profile(args.arguments, args.runs)
    top_level = sum(total for _, total, depth in best.values() if depth == 0)
    print(f"nocontact {' '.join(args.arguments)}: {top_level / 1000:.1f} ms of imports")
    print(f"{'cumulative':>10} {'self':>7}  module")
    ranked = sorted(best.items(), key=lambda item: item[1][1], reverse=True)
    for name, (own, total, depth) in ranked[: args.top]:
        print(f"{total / 1000:9.1f}m {own / 1000:6.1f}m  {'  ' * depth}{name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
