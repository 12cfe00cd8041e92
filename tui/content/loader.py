"""Reads the JSON content files and checks them, naming the file and field at fault."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent.parent
PACKAGED_DIR = _PACKAGE / "_content"
SOURCE_DIR = _PACKAGE.parent / "data"


class ContentError(Exception):
    """A content file is missing or malformed; the message names the file and field."""


def content_dir() -> Path:
    """data/ in a checkout, or its copy inside an installed wheel."""
    return PACKAGED_DIR if PACKAGED_DIR.is_dir() else SOURCE_DIR


@cache
def load_json(name: str) -> Any:
    """The parsed content of data/NAME, read once per process."""
    path = content_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ContentError(f"{name}: the content file is missing") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ContentError(f"{name}: not valid JSON ({error})") from error


class Fields:
    """Typed access to one JSON object of a content file, with errors that say where."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ContentError(f"{where}: expected an object")
        self.data = data
        self.where = where

    def _get(self, key: str, kind: type | tuple[type, ...], default: Any) -> Any:
        if key not in self.data:
            if default is not _REQUIRED:
                return default
            raise ContentError(f"{self.where}: field '{key}' is missing")
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise ContentError(f"{self.where}: field '{key}' has the wrong type")
        return value

    def text(self, key: str, default: Any = None) -> str:
        value: str = self._get(key, str, _REQUIRED if default is None else default)
        if default is None and not value.strip():
            raise ContentError(f"{self.where}: field '{key}' is empty")
        return value

    def number(self, key: str, default: Any = None) -> int:
        value: int = self._get(key, int, _REQUIRED if default is None else default)
        return value

    def flag(self, key: str, default: bool = False) -> bool:
        value: bool = self._get(key, bool, default)
        return value

    def texts(self, key: str, default: Any = None) -> list[str]:
        values = self._get(key, list, _REQUIRED if default is None else default)
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise ContentError(f"{self.where}: field '{key}[{index}]' is not text")
        return list(values)

    def objects(self, key: str, default: Any = None) -> list[Fields]:
        values = self._get(key, list, _REQUIRED if default is None else default)
        return [Fields(value, f"{self.where}.{key}[{index}]") for index, value in enumerate(values)]

    def object(self, key: str) -> Fields:
        return Fields(self._get(key, dict, _REQUIRED), f"{self.where}.{key}")


_REQUIRED: Any = object()


def document(name: str) -> Fields:
    """The top object of data/NAME, ready to read with errors naming NAME."""
    return Fields(load_json(name), name)
