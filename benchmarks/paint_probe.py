"""One measured app start, headless: run by bench_paint.py in a fresh process each time.

    python benchmarks/paint_probe.py bare|home|review [--data-dir DIR]
    python benchmarks/paint_probe.py bare --terminal    (the bare app in a real terminal)

Prints `bench.paint=S`: seconds from the spawn time the parent put in $BENCH_SPAWN (a
time.time()) until the first screen has painted with its data (imports included, as a
person waits for them). For `review` it then presses `h` and prints `bench.review_rows=S`
(the first rows of the table painted) and `bench.review_oldest=S` (every row loaded and
the cursor on the oldest record), both counted from the key press.
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


async def review(pilot: Any) -> None:
    """Open history and review, time its first rows, then go to the oldest record."""
    from textual.widgets import DataTable

    app = pilot.app
    start = time.perf_counter()
    # The key press runs beside the polling: Pilot.press returns only once the app is idle,
    # which here is after the whole table has filled. Plain asyncio polling gets the event
    # loop as often as a person's screen would, so a busy loop shows in the figure.
    press = asyncio.create_task(pilot.press("h"))
    deadline = start + TIMEOUT
    table = screen = None
    # Rows on screen, or an empty history read to the end (the screen's `loaded` flag).
    while table is None or (table.row_count == 0 and not getattr(screen, "loaded", True)):
        await asyncio.sleep(POLL)
        if app.screen.__class__.__name__ == "ReviewScreen":
            screen = app.screen
            table = next(iter(screen.query(DataTable)), None)
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no rows after {TIMEOUT:g} s on {app.screen!r}")
    await asyncio.sleep(0)
    print(f"bench.review_rows={time.perf_counter() - start:.4f}", flush=True)
    await press
    await pilot.press("o")  # the review screen's key for "take me to the oldest record"

    def at_oldest() -> bool:
        on_last = table.cursor_row == table.row_count - 1
        return bool(getattr(screen, "loaded", True)) and (table.row_count == 0 or on_last)

    while not at_oldest():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"not at the oldest row after {TIMEOUT:g} s")
        await asyncio.sleep(POLL)
    await asyncio.sleep(0)
    print(f"bench.review_oldest={time.perf_counter() - start:.4f}")
    print(f"bench.review_row_count={table.row_count}", flush=True)


async def probe(which: str, data_dir: str | None) -> None:
    app = make_app(which, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await settle(app, time.perf_counter() + TIMEOUT)
        await pilot.pause()
        print(f"bench.paint={since_spawn():.4f}", flush=True)
        if which == "review":
            await review(pilot)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("which", choices=("bare", "home", "review"))
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
