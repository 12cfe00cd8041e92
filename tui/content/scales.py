"""The words for each point of a 0-10 scale other than mood, read from data/scales.json.

One urge scale for stage 3, the urge form and the shell, so a 5 reads the same everywhere.
"""

from __future__ import annotations

from tui.content.loader import ContentError, Fields, load_json

SCALES_FILE = "scales.json"
SCALE_POINTS = 11
"""A label for each whole number from 0 to 10."""
URGE = "urge"
"""The scale of how strong an urge to reach out is."""


def parse_scales(data: object, name: str = SCALES_FILE) -> dict[str, tuple[str, ...]]:
    """Every scale by name, each checked to have a non-empty label for 0 to 10."""
    top = Fields(data, name)
    scales = {}
    for key in top.data:
        labels = tuple(top.texts(key))
        if len(labels) != SCALE_POINTS or not all(label.strip() for label in labels):
            raise ContentError(f"{name}: field '{key}' needs {SCALE_POINTS} labels, 0 to 10")
        scales[key] = labels
    if URGE not in scales:
        raise ContentError(f"{name}: field '{URGE}' is missing")
    return scales


def load_scales() -> dict[str, tuple[str, ...]]:
    """Every scale by name; the file is read once per process (load_json caches it)."""
    return parse_scales(load_json(SCALES_FILE))


def urge_labels() -> tuple[str, ...]:
    """The words for an urge's strength, from "Not there at all" to "As strong as it gets"."""
    return load_scales()[URGE]
