"""The options of `nocontact import --from`, added to the import command's parser."""

from __future__ import annotations

import argparse

CSV_ONLY = ("date_column", "time_column", "mood_column", "note_column", "tags_column")
"""Options only `--from csv` reads, as argparse names them."""
FROM_ONLY = ("map", "yes", "zone", *CSV_ONLY)
"""Options that mean nothing without --from."""


def add_from_options(parser: argparse.ArgumentParser) -> None:
    """--from APP and the options that go with it."""
    parser.add_argument(
        "--from",
        dest="source",
        metavar="APP",
        help="daylio, jrnl or csv: read FILE as that app's export (a dry run unless --yes)",
    )
    parser.add_argument(
        "--map",
        action="append",
        metavar="NAME=N,...",
        help="a number from 0 to 10 for each mood name (Daylio, csv) or mood tag (jrnl)",
    )
    parser.add_argument("--yes", action="store_true", help="add what the dry run shows")
    parser.add_argument(
        "--zone", metavar="ZONE", help="the time zone of times without one (default: yours)"
    )
    for name, default in (("date", "date"), ("mood", "mood"), ("time", ""), ("note", "")):
        parser.add_argument(
            f"--{name}-column",
            metavar="NAME",
            help=f"csv: the {name} column" + (f" (default: {default})" if default else ""),
        )
    parser.add_argument(
        "--tags-column", metavar="NAME", help="csv: a column of tags separated by | , or ;"
    )


def given(args: argparse.Namespace, names: tuple[str, ...]) -> list[str]:
    """Which of the options `names` were given on the command line."""
    return [name for name in names if getattr(args, name, None) not in (None, False, [])]


def uses_from(args: argparse.Namespace) -> bool:
    """Whether the command asks for another app's history (or gives its options)."""
    return args.source is not None or bool(given(args, FROM_ONLY))
