"""Adds the quick subcommands to the parser; each handler module is imported on use."""

from __future__ import annotations

import argparse
from typing import Any


def _lazy(module: str, function: str = "run") -> Any:
    """A handler that imports its module only when its command runs."""

    def handler(args: argparse.Namespace) -> int:
        from importlib import import_module

        result: int = getattr(import_module(module), function)(args)
        return result

    return handler


def add_commands(commands: Any) -> None:
    history = commands.add_parser("history", help="past sessions and moods, newest first")
    history.add_argument("--json", action="store_true", help="print JSON (see README)")
    history.set_defaults(handler=_lazy("tui.commandline.history"))
