"""Opens the Textual app: the only path from the command line into the UI framework."""

from __future__ import annotations

import os
import sys

from tui.commandline.errors import UsageError

NO_TERMINAL = (
    "The app needs a terminal to draw in. From a script or a pipe, use the quick commands: "
    "`nocontact log 6`, `nocontact status`, `nocontact history` (`nocontact --help` lists them)."
)


def on_a_terminal() -> bool:
    """Whether keys come from, and the screen goes to, a terminal (Textual draws on stderr)."""
    return all(
        stream is not None and stream.isatty() for stream in (sys.stdin, sys.stdout, sys.stderr)
    )


def launch_app(
    data_dir: str | os.PathLike[str] | None, stage: int | None = None, debug: bool = False
) -> int:
    """Run the app until the person quits; its exit code is the command's."""
    if not on_a_terminal():
        # Drawn into a pipe or a file, the screen would be a page of escape codes.
        raise UsageError(NO_TERMINAL)
    from tui.app import create_app

    app = create_app(data_dir, initial_stage=stage, debug=debug, greet=True)
    app.run()
    return app.return_code or 0
