"""What the settings screen, `nocontact config` and the prompt say, read from data/settings.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document

SETTINGS_FILE = "settings.json"
SAFE_PROMPT_WORD = re.compile(r"[^'\\\n\"$`%!]*")
"""Prompt words go into shell code inside single quotes: nothing there may end or escape them."""


@dataclass(frozen=True)
class SettingText:
    """One setting's label and what it means, in a sentence or two."""

    key: str
    label: str
    about: str


@dataclass(frozen=True)
class PromptWords:
    """The words of the prompt's segment: "day 40 · mood 7 · how are you?"."""

    day: str
    mood: str
    ask: str
    separator: str


@dataclass(frozen=True)
class SettingsText:
    """Everything the settings screen and `config` say."""

    title: str
    intro: str
    settings: dict[str, SettingText]
    choices: dict[str, str]
    saved: str
    close: str
    checkin_placeholder: str
    confirm: str
    """`config KEY VALUE`'s line: {key} and {value} stand for the setting and its new value."""
    quiet_note: str
    """What `nocontact status` says in place of the day counts in quiet mode."""
    prompt_words: PromptWords


@cache
def load_settings_text() -> SettingsText:
    """The settings' words, read and checked once per process."""
    fields = document(SETTINGS_FILE)
    settings = {
        entry.text("key"): SettingText(entry.text("key"), entry.text("label"), entry.text("about"))
        for entry in fields.objects("settings")
    }
    if not settings:
        raise ContentError(f"{SETTINGS_FILE}: field 'settings' is empty")
    choices = fields.object("choices")
    words = fields.object("prompt_words")
    prompt_words = PromptWords(
        day=words.text("day"),
        mood=words.text("mood"),
        ask=words.text("ask"),
        separator=words.text("separator"),
    )
    for key, word in vars(prompt_words).items():
        if not SAFE_PROMPT_WORD.fullmatch(word):
            raise ContentError(f"{SETTINGS_FILE}: prompt word '{key}' holds a shell character")
    return SettingsText(
        title=fields.text("title"),
        intro=fields.text("intro"),
        settings=settings,
        choices={key: choices.text(key) for key in choices.data},
        saved=fields.text("saved"),
        close=fields.text("close"),
        checkin_placeholder=fields.text("checkin_placeholder"),
        confirm=fields.text("confirm"),
        quiet_note=fields.text("quiet_note"),
        prompt_words=prompt_words,
    )
