"""The five stages and their guided steps, read from data/stages.json."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from tui.content import STAGE_NUMBERS
from tui.content.loader import ContentError, Fields, load_json
from tui.content.scales import load_scales

FILE = "stages.json"
MOOD_KEYS = ("mood_before", "mood_after")

INPUT_KINDS = ("mood", "scale", "line", "text", "date", "choice", "checklist")
"""Fields any stage can ask for."""
SPECIAL_KINDS = ("emotions", "breathing", "urge_timer", "reasons", "card", "plan")
"""Fields that belong to one stage's own exercise."""
CARD_KEYS = ("need", "wont_accept", "line")
"""The boundaries card's statements, by the keys of the stage 4 fields that hold them."""
LAYOUTS = ("stack", "columns")


@dataclass(frozen=True)
class Field:
    """One thing a step asks for; its key names the answer in a saved session."""

    key: str
    kind: str
    label: str
    hint: str = ""
    placeholder: str = ""
    options: tuple[str, ...] = ()
    """For a choice or checklist: what can be picked. For a card: each statement's heading."""
    labels: tuple[str, ...] = ()
    """For a scale: the words for each value, 0 to 10, from the scale it names."""
    tall: bool = False
    default_days_ahead: int | None = None
    future_only: bool = False


@dataclass(frozen=True)
class Step:
    """One screenful of an exercise: a prompt and the fields that answer it."""

    key: str
    title: str
    prompt: str
    fields: tuple[Field, ...]
    layout: str = "stack"


@dataclass(frozen=True)
class Stage:
    """A stage of the method: a guided exercise of a few steps."""

    number: int
    title: str
    short_title: str
    summary: str
    closing: str
    steps: tuple[Step, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        """Every field of every step, in order."""
        return tuple(field for step in self.steps for field in step.fields)


def _field(data: Fields, scales: dict[str, tuple[str, ...]]) -> Field:
    kind = data.text("kind")
    if kind not in INPUT_KINDS + SPECIAL_KINDS:
        raise ContentError(f"{data.where}: field 'kind' is '{kind}', which no screen knows")
    options = tuple(data.texts("options", []))
    if kind in ("choice", "checklist") and not options:
        raise ContentError(f"{data.where}: field 'options' is needed for a {kind}")
    if kind == "card" and len(options) != len(CARD_KEYS):
        raise ContentError(f"{data.where}: field 'options' needs a heading for each statement")
    labels: tuple[str, ...] = ()
    if kind == "scale":
        scale = data.text("scale")
        if scale not in scales:
            raise ContentError(f"{data.where}: field 'scale' is '{scale}', which no file defines")
        labels = scales[scale]
    days = data.number("default_days_ahead", -1)
    return Field(
        key=data.text("key"),
        kind=kind,
        label=data.text("label"),
        hint=data.text("hint", ""),
        placeholder=data.text("placeholder", ""),
        options=options,
        labels=labels,
        tall=data.flag("tall"),
        default_days_ahead=None if days < 0 else days,
        future_only=data.flag("future_only"),
    )


def _step(data: Fields, scales: dict[str, tuple[str, ...]]) -> Step:
    layout = data.text("layout", "stack")
    if layout not in LAYOUTS:
        raise ContentError(f"{data.where}: field 'layout' is '{layout}', not one of {LAYOUTS}")
    fields = tuple(_field(item, scales) for item in data.objects("fields"))
    if not fields:
        raise ContentError(f"{data.where}: field 'fields' is empty")
    return Step(
        key=data.text("key"),
        title=data.text("title"),
        prompt=data.text("prompt"),
        fields=fields,
        layout=layout,
    )


def _stage(data: Fields, scales: dict[str, tuple[str, ...]]) -> Stage:
    steps = tuple(_step(item, scales) for item in data.objects("steps"))
    if len(steps) < 2:
        raise ContentError(f"{data.where}: field 'steps' needs at least two steps")
    stage = Stage(
        number=data.number("number"),
        title=data.text("title"),
        short_title=data.text("short_title"),
        summary=data.text("summary"),
        closing=data.text("closing"),
        steps=steps,
    )
    keys = [field.key for field in stage.fields]
    for key in keys:
        if keys.count(key) > 1:
            raise ContentError(f"{data.where}: field key '{key}' is used twice")
    if steps[0].fields[0].key != "mood_before" or steps[-1].fields[-1].key != "mood_after":
        raise ContentError(
            f"{data.where}: field 'steps' must open with 'mood_before' and end with 'mood_after'"
        )
    for field in stage.fields:
        if (field.kind == "mood") != (field.key in MOOD_KEYS):
            raise ContentError(f"{data.where}: field '{field.key}' mixes up the mood kind")
    return stage


def parse_stages(
    data: Any, name: str = FILE, scales: dict[str, tuple[str, ...]] | None = None
) -> dict[int, Stage]:
    """Check parsed stage content; a fault raises ContentError naming file and field.

    A scale field names its scale (`"scale": "urge"`); the labels come from `scales`,
    by default data/scales.json, so a scale is worded in one place.
    """
    scales = load_scales() if scales is None else scales
    stages: dict[int, Stage] = {}
    for item in Fields(data, name).objects("stages"):
        stage = _stage(item, scales)
        if stage.number in stages or stage.number not in STAGE_NUMBERS:
            raise ContentError(f"{item.where}: field 'number' {stage.number} is out of place")
        stages[stage.number] = stage
    if tuple(sorted(stages)) != STAGE_NUMBERS:
        first, last = STAGE_NUMBERS[0], STAGE_NUMBERS[-1]
        raise ContentError(f"{name}: field 'stages' must hold stages {first} to {last}, once each")
    return stages


def card_statements(card: Mapping[str, Any], headings: tuple[str, ...]) -> list[str]:
    """The boundaries card's statements, each after its heading: "I need: time and quiet".

    An answer that already begins with its heading ("I need time...") is shown as written,
    so the card never reads "I need: I need".
    """
    lines = []
    for key, heading in zip(CARD_KEYS, headings, strict=True):
        value = str(card.get(key) or "").strip()
        if not value:
            continue
        starts_alike = value.casefold().startswith(heading.casefold())
        lines.append(value if starts_alike else f"{heading}: {value}")
    return lines


def card_headings() -> tuple[str, ...]:
    """The headings of the boundaries card's statements, from stage 4's card field."""
    return next(field.options for field in load_stages()[4].fields if field.kind == "card")


@cache
def load_stages() -> dict[int, Stage]:
    """The five stages by number, read once per process."""
    return parse_stages(load_json(FILE))
