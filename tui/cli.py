"""The `nocontact` command line: argparse, fast, and Textual only when the app opens."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from tui.commandline.errors import UsageError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit code."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message[0].upper()}{message[1:]}.")


def stage_number(text: str) -> int:
    """A stage number from 1 to 5, or one clear sentence."""
    if not text.strip().isdigit() or not 1 <= int(text) <= 5:
        raise argparse.ArgumentTypeError(f"stage must be a number from 1 to 5, not {text!r}")
    return int(text)


def _open_app(args: argparse.Namespace) -> int:
    from tui.launch import launch_app

    return launch_app(args.data_dir, stage=getattr(args, "stage", None))


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; subcommands import their handlers only when run."""
    parser = _Parser(
        prog="nocontact",
        description="A calm coach for the weeks after a breakup. Run with no command to open it.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where your records live (default: $NOCONTACT_DATA_DIR, else your user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    parser.set_defaults(handler=_open_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    stage = commands.add_parser("stage", help="open stage N (1-5) directly")
    stage.add_argument("stage", type=stage_number, metavar="N", help="a stage from 1 to 5")
    stage.set_defaults(handler=_open_app)

    from tui.commandline import registry

    registry.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Tests call this with a list."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    try:
        args = build_parser().parse_args(arguments)
        handler: Handler = args.handler
        return handler(args)
    except UsageError as error:
        print(f"nocontact: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if debug:
            raise
        from tui.commandline.errors import describe_failure

        print(f"nocontact: {describe_failure(error)}", file=sys.stderr)
        return EXIT_FAILURE


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
