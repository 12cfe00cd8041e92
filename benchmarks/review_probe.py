"""One measured visit to history and review, headless: run by bench_review.py in a fresh process.

    python benchmarks/review_probe.py --data-dir DIR [--word river]

Opens the app on DIR, waits for home, then prints, each counted from its key press:
- `bench.rows=S`: `h` until the newest rows are painted (or the empty page, for no history);
- `bench.oldest=S`: `o` until the oldest entry's row is painted with the cursor on it;
- `bench.peak_mib=M`: the process's peak memory at that moment;
- `bench.first_match=S`: enter in the search field until the first match is painted;
- `bench.all_matches=S`: the same enter until every month has been looked through.
A row counts as painted when the table has drawn it (its render_line ran for that row).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (100, 32)
POLL = 0.002
TIMEOUT = 120.0


class Painted:
    """Which rows of the review table have been drawn, watched from outside the app."""

    rows: set[int] = set()

    @classmethod
    def watch(cls) -> None:
        from tui.widgets.entry_table import HEADER_LINES, EntryTable

        draw = EntryTable.render_line

        def render_line(table: EntryTable, y: int) -> Any:
            strip = draw(table, y)
            row = table.top_row + y - HEADER_LINES
            if y >= HEADER_LINES and row < len(table.rows):
                cls.rows.add(row)
            return strip

        EntryTable.render_line = render_line  # type: ignore[method-assign]


async def until(condition: Any, what: str) -> float:
    """Poll `condition` as often as a screen would repaint; seconds from now until it holds."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > TIMEOUT:
            raise TimeoutError(f"{what} not reached in {TIMEOUT:g} s")
        await asyncio.sleep(POLL)
    return time.perf_counter() - start


async def visit(data_dir: str, word: str) -> None:
    from textual.widgets import Input
    from textual.worker import WorkerState

    from tui.app import NoContactApp
    from tui.review_rows import MatchedRows
    from tui.screens.review import ReviewScreen
    from tui.store.store import Store
    from tui.widgets.entry_table import EntryTable

    Painted.watch()
    app = NoContactApp(store=Store.open(data_dir), initial_stage=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        busy = (WorkerState.PENDING, WorkerState.RUNNING)
        await until(lambda: not any(w.state in busy for w in app.workers), "home")

        def screen() -> Any:
            found = app.screen
            return found if isinstance(found, ReviewScreen) else None

        # Keys are pressed beside the polling: Pilot.press returns only once the app is
        # idle, which would hide how long the screen took to show what was asked.
        press = asyncio.create_task(pilot.press("h"))

        def newest_rows() -> bool:
            review = screen()
            if review is None or not review.loaded:
                return False
            return review.pages.index.total == 0 or 0 in Painted.rows

        print(f"bench.rows={await until(newest_rows, 'the newest rows'):.4f}", flush=True)
        await press
        review = screen()
        assert review is not None
        table = review.query_one(EntryTable)
        total = review.pages.index.total
        if not total:
            return  # nothing to go back to or search
        last = total - 1
        Painted.rows.clear()
        press = asyncio.create_task(pilot.press("o"))

        def at_oldest() -> bool:
            return table.cursor_row == last and last in Painted.rows

        print(f"bench.oldest={await until(at_oldest, 'the oldest row'):.4f}", flush=True)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"bench.peak_mib={peak:.1f}", flush=True)
        await press
        await pilot.press("slash")
        # The words go in whole; the time is the enter's, as after typing them.
        review.query_one("#search", Input).value = word
        Painted.rows.clear()
        press = asyncio.create_task(pilot.press("enter"))

        def first_match() -> bool:
            rows = review.rows
            return isinstance(rows, MatchedRows) and len(rows) > 0 and 0 in Painted.rows

        def all_matches() -> bool:
            rows = review.rows
            return isinstance(rows, MatchedRows) and rows.finished

        start = time.perf_counter()
        print(f"bench.first_match={await until(first_match, 'a match'):.4f}", flush=True)
        await until(all_matches, "the oldest month")
        print(f"bench.all_matches={time.perf_counter() - start:.4f}", flush=True)
        await press


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--word", default="river")
    args = parser.parse_args()
    asyncio.run(visit(args.data_dir, args.word))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
