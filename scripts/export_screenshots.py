"""Drive the real app headless and save an SVG of each screen into screenshots/.

Run it with `make screenshots` (or `.venv/bin/python scripts/export_screenshots.py [NAME...]`
for a few). Each shot gets a fresh data dir, filled with three weeks of sample records unless
it asks for none, and the same pinned clock, so the pictures are the same every run.

To add a shot, add a `Shot` to SHOTS: a file name, and what to press or do before the picture.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from textual.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "screenshots"
SIZE = (100, 32)
PINNED_NOW = "2026-11-23T20:15:00+00:00"
"""The moment every shot lives in, the same one the tests use (a Monday evening)."""

Drive = Callable[[Pilot[None]], Awaitable[None]]


def press(*keys: str) -> Drive:
    """Press these keys, then let the screen settle."""

    async def drive(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause(0.3)

    return drive


@dataclass(frozen=True)
class Shot:
    """One screenshot: its file name, and how to get the app there."""

    name: str
    drive: Drive = press()
    sample_data: bool = True
    initial_stage: int | None = None
    greet: bool = False
    """Open as `nocontact` does from the shell: the welcome on an empty journal."""


SHOTS: list[Shot] = [
    Shot("welcome", sample_data=False, greet=True),
    Shot("home-empty", sample_data=False),
    Shot("home"),
    *(Shot(f"stage-{number}", initial_stage=number) for number in range(1, 6)),
    Shot("help", press("question_mark")),
    Shot("mood-log", press("m", "3", "tab", *"a long day", "tab", "down", "space")),
    Shot("review", press("h")),
    Shot("review-charts", press("h", "c")),
    Shot("review-insights", press("h", "i")),
    Shot("entry", press("h", "enter")),
    Shot("trash", press("h", "enter", "d", "enter", "t")),
    Shot("support", press("f2")),
    Shot("safety-plan", press("f2", "e")),
    Shot("settings", press("s")),
]


def pin_the_clock() -> None:
    """The same "now" and time zone for every shot, unless the caller pinned their own."""
    os.environ.setdefault("NOCONTACT_NOW", PINNED_NOW)
    os.environ.setdefault("TZ", "UTC")
    time.tzset()


async def take(shot: Shot, data_dir: Path) -> Path:
    """Run the app for one shot and save its SVG; returns the file written."""
    from tui.app import create_app
    from tui.sample_data import fill_sample_history
    from tui.store.store import Store

    if shot.sample_data:
        fill_sample_history(Store.open(data_dir))
    app = create_app(data_dir, initial_stage=shot.initial_stage, greet=shot.greet)
    async with app.run_test(size=SIZE) as pilot:
        await shot.drive(pilot)
        name = app.save_screenshot(f"{shot.name}.svg", str(OUT_DIR))
    return Path(name)


def main(argv: list[str] | None = None) -> int:
    """Take every shot, or only those named on the command line."""
    wanted = set(sys.argv[1:] if argv is None else argv)
    unknown = wanted - {shot.name for shot in SHOTS}
    if unknown:
        print(f"No such shot: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    pin_the_clock()
    OUT_DIR.mkdir(exist_ok=True)
    for shot in SHOTS:
        if wanted and shot.name not in wanted:
            continue
        with tempfile.TemporaryDirectory(prefix="nocontact-shot-") as data_dir:
            os.environ["NOCONTACT_DATA_DIR"] = data_dir
            written = asyncio.run(take(shot, Path(data_dir)))
        print(f"saved {written.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
