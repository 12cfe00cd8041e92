"""The kinds of record a person keeps, as small immutable classes that round-trip through JSON.

They are written by hand rather than as dataclasses: `import dataclasses` and building
the classes cost `nocontact log` about 25 ms, most of its start-up beyond Python's own.
Each class lists its fields once in FIELDS; the shared base gives equality, hashing,
an immutable instance, `replace()` and `to_dict()` from that list.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any, ClassVar, Self

MOOD_MIN = 0
MOOD_MAX = 10
LOW_MOOD = 2
"""A mood at or below this gets a gentle offer of support, wherever it is logged."""
SOURCES = ("cli", "app", "session", "import")

_FRESH: Any = object()
"""The default of a field filled in per instance (a new id, an empty answers dict)."""


def new_id() -> str:
    """A random, stable identity for a record, kept through export and import."""
    return os.urandom(8).hex()


SHORT_ID = 8
"""Characters of an id that history and the trash show: enough to tell ten years apart."""


def short_id(record_id: str) -> str:
    """The start of an id as it is shown, safe to print (a hand-edited id could hold anything)."""
    from tui.store.printable import printable

    return printable(record_id[:SHORT_ID])


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _plain(value: Any) -> Any:
    """A copy of a JSON-like value, so a dict handed out never aliases the record's own."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return value


class ImmutableError(AttributeError):
    """A field of a record was assigned or deleted: records never change, they are replaced."""


class Frozen:
    """Immutable values defined by FIELDS: equality, hashing and repr by those fields."""

    __slots__ = ()
    FIELDS: ClassVar[tuple[str, ...]] = ()
    HIDDEN: ClassVar[frozenset[str]] = frozenset()
    """Fields of free text that repr shows only by length, so a traceback never shows them."""

    def _set(self, *values: Any) -> None:
        for name, value in zip(self.FIELDS, values, strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __setattr__(self, name: str, value: Any) -> None:
        raise ImmutableError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise ImmutableError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Frozen) or other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = []
        for name in self.FIELDS:
            value = getattr(self, name)
            if name in self.HIDDEN:
                shown.append(
                    f"{name}=<{len(value)} {'chars' if isinstance(value, str) else 'items'}>"
                )
            else:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._values()))

    def replace(self, **changes: Any) -> Self:
        """A copy with `changes` applied, like dataclasses.replace."""
        values = {name: getattr(self, name) for name in self.FIELDS}
        unknown = changes.keys() - values.keys()
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return type(self)(**values)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: times as ISO text, tuples as lists, containers copied."""
        data: dict[str, Any] = {}
        for name in self.FIELDS:
            value = getattr(self, name)
            if isinstance(value, datetime | date):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = [_plain(item) for item in value]
            else:
                value = _plain(value)
            data[name] = value
        return data


def _rebuild(cls: type[Frozen], values: tuple[Any, ...]) -> Frozen:
    """Unpickle (and copy) a Frozen value."""
    made = cls.__new__(cls)
    made._set(*values)
    return made


class Record(Frozen):
    """Shared behaviour: every record has an id and a time, and turns into a JSON dict.

    `updated_at` is when the record was last written (added, edited or brought back from
    the trash): None until the Store saves it, which sets it. Two copies of a journal can
    be merged record by record with it (and with the trash's tombstones).
    """

    __slots__ = ()
    KIND: ClassVar[str] = ""
    id: str
    updated_at: datetime | None

    @property
    def when(self) -> datetime:
        """The moment that orders this record in history."""
        raise NotImplementedError

    def to_dict(self) -> dict[str, Any]:
        """The JSON form; a record not saved yet has no `updated_at` in it."""
        data = super().to_dict()
        if data["updated_at"] is None:
            del data["updated_at"]
        return data

    def stamped(self, moment: datetime) -> Self:
        """This record as written at `moment`."""
        return self.replace(updated_at=moment)


def _updated(data: dict[str, Any], when: datetime) -> datetime:
    """A saved record's `updated_at`; one saved before there was one reads as its own time."""
    found = data.get("updated_at")
    return when if found is None else _time(found)


class MoodLog(Record):
    """A mood from 0 (worst) to 10 (best) at a moment, with an optional note and tags."""

    KIND: ClassVar[str] = "moods"
    FIELDS = ("at", "mood", "note", "tags", "source", "id", "updated_at")
    HIDDEN = frozenset({"note"})
    __slots__ = FIELDS
    at: datetime
    mood: int
    note: str
    tags: tuple[str, ...]
    source: str

    def __init__(
        self,
        at: datetime,
        mood: int,
        note: str = "",
        tags: tuple[str, ...] = (),
        source: str = "app",
        id: str = _FRESH,
        updated_at: datetime | None = None,
    ) -> None:
        self._set(at, mood, note, tags, source, new_id() if id is _FRESH else id, updated_at)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MoodLog:
        at = _time(data["at"])
        return cls(
            at=at,
            mood=int(data["mood"]),
            note=data.get("note", ""),
            tags=tuple(data.get("tags", ())),
            source=data.get("source", "app"),
            id=data["id"],
            updated_at=_updated(data, at),
        )


class Session(Record):
    """One stage's guided exercise as it was saved: both moods and every answer."""

    KIND: ClassVar[str] = "sessions"
    FIELDS = (
        "stage",
        "started_at",
        "saved_at",
        "mood_before",
        "mood_after",
        "answers",
        "id",
        "updated_at",
    )
    HIDDEN = frozenset({"answers"})
    __slots__ = FIELDS
    stage: int
    started_at: datetime
    saved_at: datetime
    mood_before: int | None
    mood_after: int | None
    answers: dict[str, Any]

    def __init__(
        self,
        stage: int,
        started_at: datetime,
        saved_at: datetime,
        mood_before: int | None,
        mood_after: int | None,
        answers: dict[str, Any] = _FRESH,
        id: str = _FRESH,
        updated_at: datetime | None = None,
    ) -> None:
        self._set(
            stage,
            started_at,
            saved_at,
            mood_before,
            mood_after,
            {} if answers is _FRESH else answers,
            new_id() if id is _FRESH else id,
            updated_at,
        )

    @property
    def when(self) -> datetime:
        return self.saved_at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Session:
        saved_at = _time(data["saved_at"])
        return cls(
            stage=int(data["stage"]),
            started_at=_time(data["started_at"]),
            saved_at=saved_at,
            mood_before=data.get("mood_before"),
            mood_after=data.get("mood_after"),
            answers=dict(data.get("answers", {})),
            id=data["id"],
            updated_at=_updated(data, saved_at),
        )


class Urge(Record):
    """An urge to reach out, its strength 0-10, and whether it passed or was acted on."""

    KIND: ClassVar[str] = "urges"
    FIELDS = ("at", "strength", "note", "acted", "source", "id", "updated_at")
    HIDDEN = frozenset({"note"})
    __slots__ = FIELDS
    at: datetime
    strength: int
    note: str
    acted: bool
    source: str

    def __init__(
        self,
        at: datetime,
        strength: int,
        note: str = "",
        acted: bool = False,
        source: str = "app",
        id: str = _FRESH,
        updated_at: datetime | None = None,
    ) -> None:
        new = new_id() if id is _FRESH else id
        self._set(at, strength, note, acted, source, new, updated_at)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Urge:
        at = _time(data["at"])
        return cls(
            at=at,
            strength=int(data["strength"]),
            note=data.get("note", ""),
            acted=bool(data.get("acted", False)),
            source=data.get("source", "app"),
            id=data["id"],
            updated_at=_updated(data, at),
        )


class Slip(Record):
    """Contact that happened: it restarts the count and erases nothing."""

    KIND: ClassVar[str] = "slips"
    FIELDS = ("at", "they_reached_out", "note", "feeling", "mood", "id", "updated_at")
    HIDDEN = frozenset({"note", "feeling"})
    __slots__ = FIELDS
    at: datetime
    they_reached_out: bool
    note: str
    feeling: str
    mood: int | None

    def __init__(
        self,
        at: datetime,
        they_reached_out: bool = False,
        note: str = "",
        feeling: str = "",
        mood: int | None = None,
        id: str = _FRESH,
        updated_at: datetime | None = None,
    ) -> None:
        new = new_id() if id is _FRESH else id
        self._set(at, they_reached_out, note, feeling, mood, new, updated_at)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Slip:
        at = _time(data["at"])
        return cls(
            at=at,
            they_reached_out=bool(data.get("they_reached_out", False)),
            note=data.get("note", ""),
            feeling=data.get("feeling", ""),
            mood=data.get("mood"),
            id=data["id"],
            updated_at=_updated(data, at),
        )


class LogisticsContact(Record):
    """Contact that had to happen (children, money, a lease): it breaks nothing."""

    KIND: ClassVar[str] = "logistics"
    FIELDS = ("at", "note", "id", "updated_at")
    HIDDEN = frozenset({"note"})
    __slots__ = FIELDS
    at: datetime
    note: str

    def __init__(
        self,
        at: datetime,
        note: str = "",
        id: str = _FRESH,
        updated_at: datetime | None = None,
    ) -> None:
        self._set(at, note, new_id() if id is _FRESH else id, updated_at)

    @property
    def when(self) -> datetime:
        return self.at

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LogisticsContact:
        at = _time(data["at"])
        return cls(at=at, note=data.get("note", ""), id=data["id"], updated_at=_updated(data, at))


class Draft(Frozen):
    """A stage left half way: offered again when the stage is reopened.

    Every open stage keeps its own draft, named by `owner` (a token of that window), so a
    save in one window never deletes the work of another. `step` is the step on screen when
    the draft was kept (from 0); a mood not given is None, never a made-up value.
    """

    FIELDS = (
        "stage",
        "started_at",
        "updated_at",
        "mood_before",
        "answers",
        "mood_after",
        "step",
        "owner",
    )
    HIDDEN = frozenset({"answers"})
    __slots__ = FIELDS
    stage: int
    started_at: datetime
    updated_at: datetime
    mood_before: int | None
    answers: dict[str, Any]
    mood_after: int | None
    step: int
    owner: str

    def __init__(
        self,
        stage: int,
        started_at: datetime,
        updated_at: datetime,
        mood_before: int | None,
        answers: dict[str, Any] = _FRESH,
        mood_after: int | None = None,
        step: int = 0,
        owner: str = "",
    ) -> None:
        self._set(
            stage,
            started_at,
            updated_at,
            mood_before,
            {} if answers is _FRESH else answers,
            mood_after,
            step,
            owner,
        )

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        return cls(
            stage=int(data["stage"]),
            started_at=_time(data["started_at"]),
            updated_at=_time(data["updated_at"]),
            mood_before=data.get("mood_before"),
            answers=dict(data.get("answers", {})),
            mood_after=data.get("mood_after"),
            step=data.get("step", 0),
            owner=data.get("owner", ""),
        )


class FormDraft(Frozen):
    """What was typed in a dialog (the mood log, a tracker form, the safety plan) and not saved.

    It is there again the next time that dialog opens. `values` holds each field's content
    by the field's id; `owner` is the window that kept it, as for a Draft.
    """

    FIELDS = ("form", "updated_at", "values", "owner")
    HIDDEN = frozenset({"values"})
    __slots__ = FIELDS
    form: str
    updated_at: datetime
    values: dict[str, Any]
    owner: str

    def __init__(
        self, form: str, updated_at: datetime, values: dict[str, Any], owner: str = ""
    ) -> None:
        self._set(form, updated_at, values, owner)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FormDraft:
        return cls(
            form=data["form"],
            updated_at=_time(data["updated_at"]),
            values=dict(data.get("values", {})),
            owner=data.get("owner", ""),
        )
