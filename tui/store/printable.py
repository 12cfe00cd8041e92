"""Text from a file made safe to show: no control or escape sequence reaches a terminal.

The store never saves a control character (see validation.check_text), but a file can be
edited by hand, copied from elsewhere or damaged. Whatever it holds, every way out (the
shell's history, the md and csv exports, the review table and detail view, settings shown
on screen) passes the text through `printable` first. Newlines and tabs stay; every other
C0 and C1 control (ESC, CSI, BEL, CR...), any direction override and any lone surrogate is
dropped, which leaves an escape sequence's remaining letters as plain, harmless text.
"""

from __future__ import annotations

from typing import Any

KEPT = {"\n", "\t"}
_DROPPED: dict[int, None] = {}
"""The translate table: control and surrogate code points to None; built on first use."""


DIRECTION_OVERRIDES = (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""Bidirectional embeddings, overrides and isolates: one note could reorder what follows it."""


def _table() -> dict[int, None]:
    if not _DROPPED:
        controls = [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000)]
        _DROPPED.update({code: None for code in controls if chr(code) not in KEPT})
        _DROPPED.update({code: None for code in DIRECTION_OVERRIDES})
    return _DROPPED


def printable(text: str) -> str:
    """`text` without control characters (newline and tab kept), direction overrides or lone
    surrogates."""
    if text.isascii() and text.isprintable():
        return text
    return text.translate(_table())


_ESCAPED: dict[int, str] = {}
"""For JSON text: DEL, C1 controls and surrogates to \\u escapes; built on first use."""


def json_printable(text: str) -> str:
    """JSON text (from json.dumps, which escapes only C0) with DEL, every C1 control and any
    lone surrogate written as a \\u escape too: the same data, nothing a terminal acts on."""
    if text.isascii():
        return text.replace("\x7f", "\\u007f")
    if not _ESCAPED:
        codes = [0x7F, *range(0x80, 0xA0), *range(0xD800, 0xE000)]
        _ESCAPED.update({code: f"\\u{code:04x}" for code in codes})
    return text.translate(_ESCAPED)


def printable_value(value: Any) -> Any:
    """A JSON-like value with every text in it (keys too) passed through `printable`."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_value(key): printable_value(item) for key, item in value.items()}
    if isinstance(value, list):
        return [printable_value(item) for item in value]
    return value
