"""`nocontact insights`: what went with better days, and what has helped, as plain text."""

from __future__ import annotations

import argparse

from tui.commandline.common import open_store, show_notices
from tui.content.insights import load_insight_text
from tui.insight_facts import read_facts
from tui.insight_report import insight_report

INDENT = "  "


def _section(title: str, sentences: tuple[str, ...] | list[str]) -> list[str]:
    if not sentences:
        return []
    return ["", title, *(f"{INDENT}{sentence}" for sentence in sentences)]


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    text = load_insight_text()
    report = insight_report(read_facts(store), text=text)
    print(text.heading)
    if report.empty:
        print(text.nothing_yet)
        show_notices(store)
        return 0
    print(text.intro)
    lines = [line for part in report.sections for line in _section(part.title, part.sentences)]
    lines += _section(
        text.title("helped"),
        [f"{index}. {helper.sentence}" for index, helper in enumerate(report.helped, 1)]
        or [text.say("helped", "none")],
    )
    for line in lines:
        print(line)
    show_notices(store)
    return 0
