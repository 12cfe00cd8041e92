"""Opens the Textual app: the only path from the command line into the UI framework."""

from __future__ import annotations

import os


def launch_app(
    data_dir: str | os.PathLike[str] | None, stage: int | None = None, debug: bool = False
) -> int:
    """Run the app until the person quits; its exit code is the command's."""
    from tui.app import create_app

    app = create_app(data_dir, initial_stage=stage, debug=debug)
    app.run()
    return app.return_code or 0
