"""The kinds of record a person keeps, as plain dataclasses that round-trip through JSON."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any, ClassVar

from tui.clock import now

MOOD_MIN = 0
MOOD_MAX = 10
SOURCES = ("cli", "app", "session")


def new_id() -> str:
    """A random, stable identity for a record, kept through export and import."""
    return os.urandom(8).hex()


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


@dataclass(frozen=True)
class Record:
    """Shared behaviour: every record has an id and a time, and turns into a JSON dict."""

    KIND: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key, value in data.items():
            if isinstance(value, datetime | date):
                data[key] = value.isoformat()
            elif isinstance(value, tuple):
                data[key] = list(value)
        return data

    @property
    def when(self) -> datetime:
        """The moment that orders this record in history."""
        raise NotImplementedError


@dataclass(frozen=True)
class MoodLog(Record):
    """A mood from 0 (worst) to 10 (best) at a moment, with an optional note and tags."""

    KIND: ClassVar[str] = "moods"
    at: datetime
    mood: int
    note: str = ""
    tags: tuple[str, ...] = ()
    source: str = "app"
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MoodLog:
        return cls(
            at=_time(data["at"]),
            mood=int(data["mood"]),
            note=data.get("note", ""),
            tags=tuple(data.get("tags", ())),
            source=data.get("source", "app"),
            id=data["id"],
        )


@dataclass(frozen=True)
class Session(Record):
    """One stage's guided exercise as it was saved: both moods and every answer."""

    KIND: ClassVar[str] = "sessions"
    stage: int
    started_at: datetime
    saved_at: datetime
    mood_before: int | None
    mood_after: int | None
    answers: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> datetime:
        return self.saved_at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        return cls(
            stage=int(data["stage"]),
            started_at=_time(data["started_at"]),
            saved_at=_time(data["saved_at"]),
            mood_before=data.get("mood_before"),
            mood_after=data.get("mood_after"),
            answers=dict(data.get("answers", {})),
            id=data["id"],
        )


@dataclass(frozen=True)
class Urge(Record):
    """An urge to reach out, its strength 0-10, and whether it passed or was acted on."""

    KIND: ClassVar[str] = "urges"
    at: datetime
    strength: int
    note: str = ""
    acted: bool = False
    source: str = "app"
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Urge:
        return cls(
            at=_time(data["at"]),
            strength=int(data["strength"]),
            note=data.get("note", ""),
            acted=bool(data.get("acted", False)),
            source=data.get("source", "app"),
            id=data["id"],
        )


@dataclass(frozen=True)
class Slip(Record):
    """Contact that happened: it restarts the count and erases nothing."""

    KIND: ClassVar[str] = "slips"
    at: datetime
    they_reached_out: bool = False
    note: str = ""
    feeling: str = ""
    mood: int | None = None
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slip:
        return cls(
            at=_time(data["at"]),
            they_reached_out=bool(data.get("they_reached_out", False)),
            note=data.get("note", ""),
            feeling=data.get("feeling", ""),
            mood=data.get("mood"),
            id=data["id"],
        )


@dataclass(frozen=True)
class LogisticsContact(Record):
    """Contact that had to happen (children, money, a lease): it breaks nothing."""

    KIND: ClassVar[str] = "logistics"
    at: datetime
    note: str = ""
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogisticsContact:
        return cls(at=_time(data["at"]), note=data.get("note", ""), id=data["id"])


@dataclass(frozen=True)
class Draft:
    """A stage left half way: offered again when the stage is reopened."""

    stage: int
    started_at: datetime
    updated_at: datetime
    mood_before: int | None
    answers: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat()
        data["updated_at"] = self.updated_at.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        return cls(
            stage=int(data["stage"]),
            started_at=_time(data["started_at"]),
            updated_at=_time(data["updated_at"]),
            mood_before=data.get("mood_before"),
            answers=dict(data.get("answers", {})),
        )
