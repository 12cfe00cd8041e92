"""Opens the Textual app: the only path from the command line into the UI framework."""

from __future__ import annotations

import os

from tui.store.store import Store


def launch_app(data_dir: str | os.PathLike[str] | None, stage: int | None = None) -> int:
    from tui.app import NoContactApp

    store = Store.open(data_dir)
    NoContactApp(store=store, initial_stage=stage).run()
    return 0
