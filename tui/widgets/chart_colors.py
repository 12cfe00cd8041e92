"""Colours for plotext charts taken from the current Textual theme, so every theme works."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.color import Color

RGB = tuple[int, int, int]


def theme_rgb(app: App[Any], variable: str, fallback: str = "primary") -> RGB:
    """The RGB of a theme variable such as "primary" or "accent", for plotext."""
    variables = app.theme_variables
    value = variables.get(variable) or variables[fallback]
    return Color.parse(value).rgb
