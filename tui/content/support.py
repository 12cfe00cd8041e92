"""Crisis lines, specialist help and the gentle offers of support, read from data/support.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, Fields, load_json

SUPPORT_FILE = "support.json"
ANYWHERE = "anywhere"
"""The country code used when none is set, or when the saved one is unknown."""


@dataclass(frozen=True)
class Line:
    """One place to turn: its name, how to reach it, when, at what cost, and what it is for."""

    name: str
    contact: str
    open: str
    """When it answers: "Day and night", or its hours when it is not always open."""
    cost: str
    """Whether contacting it is free, or where a call may cost money."""
    about: str


@dataclass(frozen=True)
class Country:
    """The emergency number and the lines for one country."""

    code: str
    name: str
    emergency: str
    lines: tuple[Line, ...]
    abuse_lines: tuple[Line, ...]


@dataclass(frozen=True)
class PlanField:
    """One part of the safety plan: the key it is saved under, its label and a hint."""

    key: str
    label: str
    hint: str


@dataclass(frozen=True)
class SafetyPlanText:
    """The words around the person's own safety plan."""

    title: str
    intro: str
    empty: str
    fields: tuple[PlanField, ...]


@dataclass(frozen=True)
class Support:
    """Everything the support panel and the gentle offers say."""

    title: str
    intro: str
    trusted: str
    danger: str
    not_therapy: str
    abuse_title: str
    abuse_note: str
    directory: str
    offer_low_mood: str
    offer_low_mood_shell: str
    """As offer_low_mood, for the command line: {lines} stands for the country's lines."""
    offer_slip: str
    safety_plan: SafetyPlanText
    countries: tuple[Country, ...]

    def country(self, code: str | None) -> Country:
        """The country with `code`, or the "anywhere" fallback."""
        by_code = {country.code: country for country in self.countries}
        return by_code.get(code or ANYWHERE, by_code[ANYWHERE])


def _line(fields: Fields) -> Line:
    return Line(
        name=fields.text("name"),
        contact=fields.text("contact"),
        open=fields.text("open"),
        cost=fields.text("cost"),
        about=fields.text("about"),
    )


def _country(fields: Fields) -> Country:
    return Country(
        code=fields.text("code"),
        name=fields.text("name"),
        emergency=fields.text("emergency"),
        lines=tuple(_line(line) for line in fields.objects("lines")),
        abuse_lines=tuple(_line(line) for line in fields.objects("abuse_lines")),
    )


def _safety_plan(fields: Fields) -> SafetyPlanText:
    plan_fields = tuple(
        PlanField(key=field.text("key"), label=field.text("label"), hint=field.text("hint"))
        for field in fields.objects("fields")
    )
    if not plan_fields:
        raise ContentError(f"{fields.where}: field 'fields' is empty")
    return SafetyPlanText(
        title=fields.text("title"),
        intro=fields.text("intro"),
        empty=fields.text("empty"),
        fields=plan_fields,
    )


@cache
def load_support() -> Support:
    """The support content, read and checked once per process."""
    return parse_support(load_json(SUPPORT_FILE))


def parse_support(data: object) -> Support:
    """Support content from parsed JSON, checked, with faults naming the file and field."""
    fields = Fields(data, SUPPORT_FILE)
    countries = tuple(_country(country) for country in fields.objects("countries"))
    codes = [country.code for country in countries]
    if ANYWHERE not in codes:
        raise ContentError(f"{SUPPORT_FILE}: no country with code '{ANYWHERE}'")
    if len(set(codes)) != len(codes):
        raise ContentError(f"{SUPPORT_FILE}: a country code appears twice")
    if "{emergency}" not in fields.text("danger"):
        raise ContentError(f"{SUPPORT_FILE}: field 'danger' needs an {{emergency}} placeholder")
    shell_offer = fields.text("offer_low_mood_shell")
    if "{lines}" not in shell_offer:
        raise ContentError(
            f"{SUPPORT_FILE}: field 'offer_low_mood_shell' needs a {{lines}} placeholder"
        )
    for country in countries:
        if not country.lines:
            raise ContentError(f"{SUPPORT_FILE}: country '{country.code}' has no lines")
    return Support(
        title=fields.text("title"),
        intro=fields.text("intro"),
        trusted=fields.text("trusted"),
        danger=fields.text("danger"),
        not_therapy=fields.text("not_therapy"),
        abuse_title=fields.text("abuse_title"),
        abuse_note=fields.text("abuse_note"),
        directory=fields.text("directory"),
        offer_low_mood=fields.text("offer_low_mood"),
        offer_low_mood_shell=shell_offer,
        offer_slip=fields.text("offer_slip"),
        safety_plan=_safety_plan(fields.object("safety_plan")),
        countries=countries,
    )
