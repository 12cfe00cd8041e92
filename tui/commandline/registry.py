"""Adds the quick subcommands to the parser; each handler module is imported on use."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def _lazy(module: str, function: str = "run") -> Any:
    """A handler that imports its module only when its command runs."""

    def handler(args: argparse.Namespace) -> int:
        from importlib import import_module

        result: int = getattr(import_module(module), function)(args)
        return result

    return handler


NOTE_HELP = "an optional note (quote it, or just type it after the other words)"
WHEN_HELP = 'when it happened: "2026-11-20 21:00", "yesterday 21:00", "3 days ago", "last monday"'


def _log(commands: Any) -> None:
    log = commands.add_parser("log", help="log a mood from 0 (worst) to 10 (best), quickly")
    log.add_argument("mood", metavar="MOOD", help="a whole number from 0 to 10")
    log.add_argument("note", metavar="NOTE", nargs="*", help=NOTE_HELP)
    log.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="WORD",
        help="an emotion word or an activity (walk, friend, slept-badly); repeatable",
    )
    log.add_argument("--at", metavar="WHEN", help=WHEN_HELP + " (default: now)")
    log.set_defaults(handler=_lazy("tui.commandline.log"))


def _history(commands: Any) -> None:
    history = commands.add_parser("history", help="past sessions, moods, urges and slips")
    history.add_argument("--since", metavar="WHEN", help="only records from then on")
    history.add_argument(
        "--until", metavar="WHEN", help="only records up to then (a day: all of it)"
    )
    history.add_argument("--stage", metavar="N", help="only sessions of stage N (1-5)")
    history.add_argument("--json", action="store_true", help="print JSON (shape in the README)")
    history.set_defaults(handler=_lazy("tui.commandline.history"))


def _status(commands: Any) -> None:
    status = commands.add_parser("status", help="your no-contact days and latest mood")
    status.add_argument("--short", action="store_true", help="one short line for a shell prompt")
    status.set_defaults(handler=_lazy("tui.commandline.status"))


def _start(commands: Any) -> None:
    start = commands.add_parser("start", help="set the day your no-contact period began")
    start.add_argument("when", metavar="WHEN", nargs="?", help="the day (default: today)")
    start.add_argument(
        "--change", action="store_true", help="move a start day already set (it stays on record)"
    )
    start.add_argument("--undo", action="store_true", help="put back the start day before")
    start.set_defaults(handler=_lazy("tui.commandline.tracking", "start"))


def _slip(commands: Any) -> None:
    slip = commands.add_parser("slip", help="record contact that happened; nothing is erased")
    slip.add_argument("note", metavar="NOTE", nargs="*", help=NOTE_HELP)
    slip.add_argument("--at", metavar="WHEN", help=WHEN_HELP + " (default: now)")
    slip.add_argument("--they", action="store_true", help="they reached out, not you")
    slip.add_argument("--mood", metavar="N", help="how you feel now, 0 to 10")
    slip.set_defaults(handler=_lazy("tui.commandline.tracking", "slip"))


def _urge(commands: Any) -> None:
    urge = commands.add_parser("urge", help="record an urge to reach out (resisted by default)")
    urge.add_argument("strength", metavar="STRENGTH", help="how strong, 0 to 10")
    urge.add_argument("note", metavar="NOTE", nargs="*", help=NOTE_HELP)
    urge.add_argument("--acted", action="store_true", help="you acted on it this time")
    urge.set_defaults(handler=_lazy("tui.commandline.tracking", "urge"))


def _export(commands: Any) -> None:
    export = commands.add_parser("export", help="write everything out as json, csv or md")
    export.add_argument(
        "--format",
        dest="format",
        default="json",
        metavar="FORMAT",
        help="json (complete, for import), csv (a spreadsheet) or md (a readable summary)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: print)")
    export.add_argument(
        "--plain",
        action="store_true",
        help="from an encrypted journal, write plain text anyway (anyone with the file reads it)",
    )
    export.set_defaults(handler=_lazy("tui.commandline.export"))


def _import(commands: Any) -> None:
    from tui.importers.options import add_from_options

    imported = commands.add_parser("import", help="bring in a json export, or another app's")
    imported.add_argument(
        "file", metavar="FILE", help="a file written by `nocontact export`, or by APP with --from"
    )
    add_from_options(imported)
    imported.set_defaults(handler=_lazy("tui.commandline.importer"))


def _insights(commands: Any) -> None:
    insights = commands.add_parser(
        "insights", help="what went with your better days, and what helped"
    )
    insights.set_defaults(handler=_lazy("tui.commandline.insights"))


def _restore(commands: Any) -> None:
    restore = commands.add_parser("restore", help="list backups, or put files back from one")
    restore.add_argument(
        "file", metavar="FILE", nargs="?", help='a data file, e.g. "moods/2026-11.json"'
    )
    restore.add_argument(
        "--day", metavar="DATE", help="the backup of that day (default: newest); alone, every file"
    )
    restore.add_argument("--list", action="store_true", help="list the backups (the default)")
    restore.add_argument(
        "--undo", action="store_true", help="put back what the last restore replaced"
    )
    restore.add_argument("--yes", action="store_true", help="do it without asking")
    restore.set_defaults(handler=_lazy("tui.commandline.restore"))


ID_HELP = "the entry's id, or its start, as `nocontact history` shows it"


def _edit(commands: Any) -> None:
    edit = commands.add_parser("edit", help="correct an entry: only the fields you give change")
    edit.add_argument("id", metavar="ID", help=ID_HELP)
    edit.add_argument("--mood", metavar="N", help="a mood, or contact's mood (none: not given)")
    edit.add_argument("--note", dest="note_text", metavar="TEXT", help="the note, in full")
    edit.add_argument(
        "--tag", dest="tags", action="append", default=[], metavar="WORD", help="a mood's tags"
    )
    edit.add_argument("--no-tags", action="store_true", help="take a mood's tags away")
    edit.add_argument("--at", metavar="WHEN", help=WHEN_HELP)
    edit.add_argument("--strength", metavar="N", help="an urge's strength, 0 to 10")
    edit.add_argument("--acted", action="store_true", help="the urge was acted on")
    edit.add_argument("--resisted", action="store_true", help="the urge was ridden out")
    edit.add_argument("--they", action="store_true", help="they reached out (contact)")
    edit.add_argument("--me", action="store_true", help="you reached out (contact)")
    edit.add_argument("--feeling", metavar="TEXT", help="how contact felt")
    edit.add_argument("--before", metavar="N", help="a session's mood before (none: not given)")
    edit.add_argument("--after", metavar="N", help="a session's mood after (none: not given)")
    edit.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="NAME=TEXT",
        help="a session's written answer, by the name `history --json` shows",
    )
    edit.set_defaults(handler=_lazy("tui.commandline.edit"))


def _delete(commands: Any) -> None:
    delete = commands.add_parser("delete", help="move an entry to the trash (kept 30 days)")
    delete.add_argument("id", metavar="ID", help=ID_HELP)
    delete.set_defaults(handler=_lazy("tui.commandline.delete"))


def _undo(commands: Any) -> None:
    undo = commands.add_parser("undo", help="reverse the last change to an entry")
    undo.set_defaults(handler=_lazy("tui.commandline.undo"))


def _trash(commands: Any) -> None:
    trash = commands.add_parser("trash", help="what you deleted in the last 30 days")
    trash.add_argument("--restore", metavar="ID", help="bring the entry with this id back")
    trash.set_defaults(handler=_lazy("tui.commandline.trash"))


def _vault(commands: Any) -> None:
    encrypt = commands.add_parser(
        "encrypt", help="encrypt your journal (age format); writing never needs the passphrase"
    )
    encrypt.add_argument(
        "--recovery-key",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="make a recovery key, shown once (default: asked; without a terminal, yes)",
    )
    encrypt.add_argument("--yes", action="store_true", help="do it without asking")
    encrypt.set_defaults(handler=_lazy("tui.commandline.vault", "encrypt"))
    decrypt = commands.add_parser("decrypt", help="turn an encrypted journal back to plain text")
    decrypt.add_argument("--yes", action="store_true", help="do it without asking")
    decrypt.set_defaults(handler=_lazy("tui.commandline.vault", "decrypt"))
    passphrase = commands.add_parser(
        "passphrase", help="change the passphrase (only the key file is rewritten)"
    )
    passphrase.set_defaults(handler=_lazy("tui.commandline.vault", "passphrase"))


def _config(commands: Any) -> None:
    config = commands.add_parser("config", help="see or change a setting (no KEY: list them all)")
    config.add_argument("key", metavar="KEY", nargs="?", help="a setting, e.g. quiet")
    config.add_argument("value", metavar="VALUE", nargs="?", help="its new value, e.g. on")
    config.set_defaults(handler=_lazy("tui.commandline.config"))


def _shell_init(commands: Any) -> None:
    shell = commands.add_parser(
        "shell-init", help="print the prompt snippet for bash, zsh or fish (see the README)"
    )
    shell.add_argument("shell", metavar="SHELL", help="bash, zsh or fish")
    shell.set_defaults(handler=_lazy("tui.commandline.shell_init"))


def _week(commands: Any) -> None:
    week = commands.add_parser("week", help="the last week looked back on, in a few lines")
    week.add_argument(
        "--last", metavar="N", default="1", help="the last N weeks that have ended (default: 1)"
    )
    week.set_defaults(handler=_lazy("tui.commandline.week"))


BUILDERS: dict[str, Callable[[Any], None]] = {
    "log": _log,
    "history": _history,
    "status": _status,
    "start": _start,
    "slip": _slip,
    "urge": _urge,
    "export": _export,
    "import": _import,
    "restore": _restore,
    "insights": _insights,
    "edit": _edit,
    "delete": _delete,
    "undo": _undo,
    "trash": _trash,
    "encrypt": _vault,
    "decrypt": _vault,
    "passphrase": _vault,
    "config": _config,
    "shell-init": _shell_init,
    "week": _week,
}
"""Each quick command and the function that adds it, in the order `--help` lists them."""


def add_commands(commands: Any, only: str | None = None) -> None:
    """Add the quick commands; just `only` when the command is known, since each costs time."""
    if only in BUILDERS:
        BUILDERS[only](commands)
        return
    for build in dict.fromkeys(BUILDERS.values()):
        build(commands)
