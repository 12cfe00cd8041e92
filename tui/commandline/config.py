"""`nocontact config [KEY [VALUE]]`: every setting with its value and meaning, or one of them.

With no KEY it lists them all; with KEY it prints that one's value; with KEY VALUE it
saves the value and says so in one line. An unknown key or a value the setting cannot
take is one line on stderr and exit 2, with nothing written.
"""

from __future__ import annotations

import argparse
import textwrap

from tui.commandline.common import open_store, show_notices
from tui.commandline.errors import UsageError
from tui.content.settings_text import load_settings_text
from tui.content.support import load_support
from tui.store import setting_keys
from tui.store.preferences import CHOSEN, Preference
from tui.store.store import Store
from tui.store.validation import ValidationError

ABOUT_WIDTH = 72


def chosen(key: str) -> Preference:
    """The setting named `key`, or one clear line naming them all."""
    found = CHOSEN.get(key.strip().lower())
    if found is None:
        shown = key if len(key) <= 30 else f"{key[:27]}..."
        raise UsageError(f"{shown!r} is not a setting; the settings are {', '.join(CHOSEN)}.")
    return found


def parse_value(preference: Preference, text: str) -> object:
    """The value `text` means for `preference`; a country must be one support.json knows."""
    try:
        value = preference.parse(text)
    except ValidationError as error:
        raise UsageError(str(error)) from error
    if preference.key == setting_keys.COUNTRY:
        codes = [country.code for country in load_support().countries]
        if value not in codes:
            raise UsageError(f"The setting country takes one of: {', '.join(codes)}.")
    return value


def shown_value(store: Store, preference: Preference) -> str:
    """The setting's value as `config` prints it (the default when none is saved)."""
    return preference.show(preference.current(store.setting(preference.key)))


def listing(store: Store) -> str:
    """Every setting: its key and value, then what it means, indented beneath."""
    text = load_settings_text()
    width = max(len(key) for key in CHOSEN)
    blocks = []
    for key, preference in CHOSEN.items():
        about = textwrap.fill(
            text.settings[key].about,
            ABOUT_WIDTH,
            initial_indent="    ",
            subsequent_indent="    ",
        )
        blocks.append(f"{key.ljust(width)}  {shown_value(store, preference)}\n{about}")
    return "\n".join(blocks)


def run(args: argparse.Namespace) -> int:
    if args.key is None:
        store = open_store(args)
        print(listing(store))
        show_notices(store)
        return 0
    preference = chosen(args.key)
    if args.value is None:
        store = open_store(args)
        print(shown_value(store, preference))
        show_notices(store)
        return 0
    value = parse_value(preference, args.value)
    store = open_store(args)
    store.set_setting(preference.key, value)
    confirm = load_settings_text().confirm
    print(confirm.format(key=preference.key, value=preference.show(value)))
    show_notices(store)
    return 0
