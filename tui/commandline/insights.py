"""`nocontact insights`: what went with better days, and what has helped, as plain text."""

from __future__ import annotations

import argparse

from tui.commandline.common import open_store, show_notices
from tui.content.insights import load_insight_text
from tui.insights import contact_insight, stage_insight, stage_names, urge_insight, word_insight
from tui.what_helped import what_helped

INDENT = "  "


def _section(title: str, sentences: tuple[str, ...] | list[str]) -> list[str]:
    if not sentences:
        return []
    return ["", title, *(f"{INDENT}{sentence}" for sentence in sentences)]


def run(args: argparse.Namespace) -> int:
    store = open_store(args)
    moods, sessions = store.moods(), store.sessions()
    urges, slips = store.urges(), store.slips()
    text = load_insight_text()
    print(text.heading)
    if not (moods or sessions or urges):
        print(text.nothing_yet)
        show_notices(store)
        return 0
    print(text.intro)
    names = stage_names(text)
    words = word_insight(moods, sessions, text=text)
    helped = what_helped(sessions, moods, names=names, words=words, text=text)
    lines = [
        *_section(text.title("words"), words.sentences),
        *_section(text.title("urges"), urge_insight(urges, text=text).sentences),
        *_section(text.title("contact"), contact_insight(slips, moods, text=text).sentences),
        *_section(text.title("stages"), stage_insight(sessions, names=names, text=text).sentences),
        *_section(
            text.title("helped"),
            [f"{index}. {helper.sentence}" for index, helper in enumerate(helped, 1)]
            or [text.say("helped", "none")],
        ),
    ]
    for line in lines:
        print(line)
    show_notices(store)
    return 0
