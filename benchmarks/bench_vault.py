"""An encrypted journal against a plain one, in the same rounds: `log`, unlocking, home's paint.

    python benchmarks/bench_vault.py [--runs 15] [--years 3]

- log: `nocontact log 6 NOTE` in a fresh process; the encrypted journal is locked, so the
  record goes into the inbox sealed to the public key, as from a shell prompt.
- unlock: a fresh process opening the journal with its passphrase (age's scrypt) and
  merging what the logs above left in the inbox.
- home: a fresh process, the journal unlocked first when it is encrypted (the dialog is not
  counted), then the time from the app's start to home painted with its data.
Issue 13's targets: log and home within 1.3x of the plain journal's.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from harness import (
    NOCONTACT,
    PYTHON,
    Sample,
    child_env,
    interleaved,
    markdown_table,
    ms,
    run_child,
    working_copy,
)

PASSPHRASE = "a passphrase for the benchmark"

UNLOCK = """
import sys, time
from tui.store.store import Store
start = time.perf_counter()
Store.open(sys.argv[1]).unlock(sys.argv[2])
print(f"bench.unlock={time.perf_counter() - start:.4f}")
"""

HOME = """
import asyncio, sys, time
from tui.store.store import Store
store = Store.open(sys.argv[1])
if store.locked:
    store.unlock(sys.argv[2])

async def paint():
    from textual.worker import WorkerState
    from tui.app import NoContactApp
    start = time.perf_counter()
    app = NoContactApp(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        busy = (WorkerState.PENDING, WorkerState.RUNNING)
        while any(worker.state in busy for worker in app.workers):
            await asyncio.sleep(0.005)
        await pilot.pause()
        print(f"bench.paint={time.perf_counter() - start:.4f}")

asyncio.run(paint())
"""


def encrypted_copy(plain: Path, workspace: Path) -> Path:
    """The same history, encrypted (scrypt paid here, once)."""
    from tui.store.store import Store

    target = workspace / "encrypted"
    shutil.copytree(plain, target)
    Store.open(target).encrypt(PASSPHRASE)
    return target


def timed(command: list[str], data_dir: Path, key: str | None = None) -> Sample:
    sample = run_child(command, child_env(data_dir))
    if key is not None:
        sample.seconds = sample.extra[key]
    return sample


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--years", type=float, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workspace = Path(folder)
        plain = working_copy(args.years, workspace)
        sealed = encrypted_copy(plain, workspace)
        journals = {"plain": plain, "encrypted": sealed}
        log = ["log", "6", "a note for the benchmark"]
        logs = interleaved(
            args.runs,
            {name: (lambda d=d: timed([NOCONTACT, *log], d)) for name, d in journals.items()},
        )
        unlocks = interleaved(
            max(3, args.runs // 5),
            {
                "encrypted": lambda: timed(
                    [PYTHON, "-c", UNLOCK, str(sealed), PASSPHRASE], sealed, "unlock"
                )
            },
            warmups=0,
        )
        paints = interleaved(
            max(3, args.runs // 3),
            {
                name: (lambda d=d: timed([PYTHON, "-c", HOME, str(d), PASSPHRASE], d, "paint"))
                for name, d in journals.items()
            },
        )
    rows = []
    for what, series in (("log", logs), ("home painted", paints)):
        plain_s, sealed_s = series["plain"].median(), series["encrypted"].median()
        rows.append([what, ms(plain_s), ms(sealed_s), f"{sealed_s / plain_s:.2f}x"])
    rows.append(["unlock (scrypt + inbox merge)", "", ms(unlocks["encrypted"].median()), ""])
    print(f"{args.years:g} years of history, medians of {args.runs} interleaved rounds")
    print(markdown_table(["", "plain", "encrypted", "ratio"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
