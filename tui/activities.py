"""The person's own activities for the mood log: read, checked, typed in, and given keys.

An activity is a tag like any other (the insights compare days with it and without it);
the set is a setting (setting_keys.ACTIVITIES) that `nocontact config` may show too.
No Textual here.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence

from tui.content.activities import ActivityText, load_activity_text
from tui.store import setting_keys
from tui.store.store import Store
from tui.store.validation import ValidationError, clean_tags

MAX_ACTIVITIES = 12
"""A short set: each needs a key of its own, and a long list is slow to scan."""
KEYS = string.ascii_lowercase


def check_activities(value: object) -> tuple[str, ...]:
    """The set as saved: distinct one-word tags, lower case, at most MAX_ACTIVITIES.

    Raises ValidationError for anything else (a hand-edited profile.json, say).
    """
    if not isinstance(value, list) or not all(isinstance(word, str) for word in value):
        raise ValidationError("The activities are kept as a list of words.")
    words = clean_tags(value)
    if list(words) != value or len(words) > MAX_ACTIVITIES:
        raise ValidationError("The activities are kept as distinct one-word tags.")
    return words


def read_activities(store: Store, text: ActivityText | None = None) -> tuple[str, ...]:
    """The person's activities, or the defaults when none are saved or what is saved is
    not a set of activities (a preference is never a reason for the mood log to fail)."""
    defaults = (text or load_activity_text()).defaults
    saved = store.setting(setting_keys.ACTIVITIES)
    if saved is None:
        return defaults
    try:
        return check_activities(saved)
    except ValidationError:
        return defaults


def as_tag(words: str) -> str:
    """A few words as one tag: "Slept badly" -> "slept-badly"."""
    return "-".join(words.casefold().split())


def parse_activities(typed: str, text: ActivityText | None = None) -> tuple[str, ...]:
    """The activities in what was typed: one to a line (or between commas), as tags, the
    first of any repeat kept. Raises ValidationError with one sentence for the person."""
    text = text or load_activity_text()
    found = [as_tag(part) for part in typed.replace("\n", ",").split(",")]
    words = clean_tags([word for word in found if word])
    if len(words) > MAX_ACTIVITIES:
        raise ValidationError(text.say("too_many", limit=MAX_ACTIVITIES, count=len(words)))
    return words


def activity_keys(activities: Iterable[str]) -> list[tuple[str | None, str]]:
    """Each activity with a letter of its own: the first free one of the first letters of
    its words ("saw-their-posts": s, t, p), else of its other letters, else of the
    alphabet; None once all 26 are taken."""
    taken: set[str] = set()
    keyed: list[tuple[str | None, str]] = []
    for word in activities:
        initials = [part[0] for part in word.split("-") if part]
        candidates = (*initials, *word, *KEYS)
        key = next((k for k in candidates if k in KEYS and k not in taken), None)
        if key is not None:
            taken.add(key)
        keyed.append((key, word))
    return keyed


def in_order(marked: Iterable[str], activities: Sequence[str]) -> list[str]:
    """The marked activities in the order the set shows them, any others after."""
    chosen = set(marked)
    return [word for word in activities if word in chosen] + sorted(chosen - set(activities))
