"""One measured app start, headless: run by bench_paint.py in a fresh process each time.

    python benchmarks/paint_probe.py bare|home [--data-dir DIR]
    python benchmarks/paint_probe.py bare --terminal    (the bare app in a real terminal)

Prints `bench.paint=S`: seconds from the spawn time the parent put in $BENCH_SPAWN (a
time.time()) until the first screen has painted with its data (imports included, as a
person waits for them). History and review is measured by review_probe.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (100, 32)
POLL = 0.005
TIMEOUT = 180.0
BARE_TEXT = "A bare Textual app, for comparison."


def since_spawn() -> float:
    return time.time() - float(os.environ["BENCH_SPAWN"])


def make_app(which: str, data_dir: str | None) -> Any:
    """The app to measure, imported only now so its import time counts."""
    if which == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Footer, Header, Label

        class BareApp(App[None]):
            """The baseline: a header, a label and a footer."""

            def compose(self) -> ComposeResult:
                yield Header()
                yield Label(BARE_TEXT)
                yield Footer()

        return BareApp()
    from tui.app import NoContactApp
    from tui.store.store import Store

    return NoContactApp(store=Store.open(data_dir), initial_stage=None)


async def settle(app: Any, deadline: float) -> None:
    """Wait until no worker is pending or running (a cancelled one counts as done)."""
    from textual.worker import WorkerState

    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    while any(worker.state in busy for worker in app.workers):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"workers still busy after {TIMEOUT:g} s: {list(app.workers)}")
        await asyncio.sleep(POLL)
    await asyncio.sleep(0)


async def probe(which: str, data_dir: str | None) -> None:
    app = make_app(which, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(app, time.perf_counter() + TIMEOUT)
        await pilot.pause()
        print(f"bench.paint={since_spawn():.4f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=("bare", "home"))
    parser.add_argument("--data-dir")
    parser.add_argument("--terminal", action="store_true", help="run for real, not headless")
    args = parser.parse_args()
    if args.terminal:
        make_app(args.which, args.data_dir).run()
    else:
        asyncio.run(probe(args.which, args.data_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
