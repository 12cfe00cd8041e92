"""The `nocontact` command line: argparse, fast, and Textual only when the app opens."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from tui.commandline.errors import UsageError
from tui.store.validation import ValidationError
from tui.when_error import WhenError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

Handler = Callable[[argparse.Namespace], int]


REQUIRED_HINTS = {
    "MOOD": "A mood is needed, from 0 (worst) to 10 (best), as in `nocontact log 6`.",
    "STRENGTH": "An urge strength is needed: 0 to 10, as in `nocontact urge 7`.",
    "N": "A stage number is needed, from 1 to 5.",
    "FILE": "A file to import is needed, as in `nocontact import my-export.json`.",
    "ID": "An entry's id is needed, as `nocontact history` shows it.",
    "SHELL": "A shell is needed: bash, zsh or fish, as in `nocontact shell-init bash`.",
}


def polish(message: str) -> str:
    """argparse's error text as one clear sentence."""
    required = "the following arguments are required: "
    if message.startswith(required):
        first = message.removeprefix(required).split(",")[0].strip()
        return REQUIRED_HINTS.get(first, f"{first} is missing.")
    if message.startswith("unrecognized arguments: "):
        extra = message.removeprefix("unrecognized arguments: ").split()[0]
        return f"{extra!r} is not an option here; add --help to see what is."
    argument, colon, detail = message.partition(": ")
    if not colon or not argument.startswith("argument "):
        return f"{message[0].upper()}{message[1:]}."
    name = argument.removeprefix("argument ").split("/")[-1]
    if detail.startswith("invalid choice: ") and name == "COMMAND":
        choice = detail.removeprefix("invalid choice: ").split(" (choose")[0]
        return f"{choice} is not a command; `nocontact --help` lists them."
    if detail == "expected one argument":
        return f"{name} needs a value."
    if detail.startswith("ignored explicit argument"):
        return f"{name} takes no value."
    return f"{detail[0].upper()}{detail[1:]}" + ("" if detail.endswith(".") else ".")


def _terminal_width() -> int:
    """Columns for help text: $COLUMNS, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit():
        return int(columns)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout, sized without shutil, whose import (bz2, lzma) slows `log`."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=max(_terminal_width() - 2, 40))


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so main() owns every exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(polish(message))


def stage_number(text: str) -> int:
    """A stage number from 1 to 5, or one clear sentence."""
    from tui.content import STAGE_NUMBERS

    if not text.strip().isdigit() or int(text) not in STAGE_NUMBERS:
        raise argparse.ArgumentTypeError(f"Stage must be a number from 1 to 5, not {text}.")
    return int(text)


def _open_app(args: argparse.Namespace) -> int:
    from tui.launch import launch_app

    return launch_app(args.data_dir, stage=getattr(args, "stage", None), debug=args.debug)


VALUED_GLOBALS = ("--data-dir", "--passphrase-fd")
"""The global options that take a value."""
VALUED_PREFIXES = tuple(f"{name}=" for name in VALUED_GLOBALS)


def command_word(arguments: list[str]) -> str | None:
    """The subcommand named in `arguments`, if any, skipping the global options."""
    words = iter(arguments)
    for word in words:
        if word in VALUED_GLOBALS:
            next(words, None)
        elif not word.startswith("-"):
            return word
        elif word != "--debug" and not word.startswith(VALUED_PREFIXES):
            return None
    return None


def descriptor(text: str) -> int:
    """--passphrase-fd N: a file descriptor number, or one clear sentence."""
    if not text.isascii() or not text.isdigit():
        raise argparse.ArgumentTypeError("--passphrase-fd needs a file descriptor number.")
    return int(text)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `command` known, only that subcommand is built (it is faster)."""
    parser = _Parser(
        prog="nocontact",
        description="A calm coach for the weeks after a breakup. Run with no command to open it.",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where your records live (default: $NOCONTACT_DATA_DIR, else your user data folder)",
    )
    parser.add_argument(
        "--passphrase-fd",
        metavar="N",
        type=descriptor,
        help="read an encrypted journal's passphrase from file descriptor N (for scripts)",
    )
    parser.add_argument("--debug", action="store_true", help="show a traceback on failure")
    parser.set_defaults(handler=_open_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    from tui.commandline import registry

    # Each subparser costs a quick command time; `stage` is left out when another is named.
    if command not in registry.BUILDERS:
        stage = commands.add_parser("stage", help="open stage N (1-5) directly")
        stage.add_argument("stage", type=stage_number, metavar="N", help="a stage from 1 to 5")
        stage.set_defaults(handler=_open_app)
    registry.add_commands(commands, only=command)
    return parser


PATH_ARGUMENTS = ("data_dir", "output", "file")
"""Arguments that name a file or folder: any bytes the system allows in a name are fine."""


def _not_utf8(text: str) -> bool:
    """Whether `text` came from bytes that are not UTF-8 (Python keeps those as surrogates)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse what would otherwise be changed without a word: text that is not UTF-8 (it
    would lose letters when saved), and an empty --data-dir (it would mean the default)."""
    if args.data_dir is not None and not args.data_dir.strip():
        raise UsageError("--data-dir needs a folder, and it was given an empty one.")
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and _not_utf8(item):
                raise UsageError(
                    "Something typed here is not UTF-8 text (it may be in another encoding), "
                    "so nothing was saved."
                )


def parse(arguments: list[str]) -> argparse.Namespace:
    """Parsed arguments; words after the options join the note, as a person would mean."""
    parser = build_parser(command_word(arguments))
    args, extras = parser.parse_known_args(arguments)
    # After "--" every word is the note's, even one that starts with a dash.
    cut = extras.index("--") if "--" in extras else len(extras)
    loose, literal = extras[:cut], extras[cut + 1 :]
    stray = [word for word in loose if word.startswith("-") and " " not in word and word != "-"]
    if stray or (extras and not hasattr(args, "note")):
        unexpected = stray or [word for word in extras if word != "--"] or extras
        parser.error(f"unrecognized arguments: {' '.join(unexpected)}")
    if extras:
        args.note = [*args.note, *loose, *literal]
    check_arguments(args)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return its exit code. Tests call this with a list."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in arguments
    try:
        args = parse(arguments)
        handler: Handler = args.handler
        return handler(args)
    except (UsageError, ValidationError, WhenError) as error:
        print(f"nocontact: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`nocontact history | head`): nothing failed on our side.
        # Point stdout at /dev/null so the final flush at exit cannot raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except SystemExit as done:
        # argparse exits after --help; a test calling main() gets the code back instead.
        return done.code if isinstance(done.code, int) else EXIT_OK
    except Exception as error:
        if debug:
            raise
        from tui.commandline.errors import describe_failure

        print(f"nocontact: {describe_failure(error)}", file=sys.stderr)
        return EXIT_FAILURE


def _nothing_waits_for_exit() -> bool:
    """Whether ending this process at once loses nothing a normal exit would do."""
    # A Textual app registers exit work and may leave threads; a quick command does neither.
    if "textual" in sys.modules:
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    return atexit._ncallbacks() == 0


def run() -> None:
    """Console-script entry point."""
    code = main()
    if _nothing_waits_for_exit():
        # Tearing the interpreter down (freeing every module and object) costs a quick
        # command about 15 ms, an eighth of its time, and does nothing for it: every save
        # was written with os.write, fsynced and renamed before main() returned, and no
        # file is left open. Only Python's own stdout and stderr buffers still hold text.
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            sys.exit(code)  # a closed pipe: let the normal exit report it as it always has
        os._exit(code)
    sys.exit(code)
