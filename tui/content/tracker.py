"""The words around the no-contact tracker, read from data/tracker.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from tui.content.loader import ContentError, document
from tui.content.scales import urge_labels

TRACKER_FILE = "tracker.json"
ACTIONS = ("urge", "slip", "logistics", "reasons", "start")
"""What the tracker offers once a start day is set, each named in data/tracker.json."""


@dataclass(frozen=True)
class TrackerText:
    """Everything the tracker panel and its forms say."""

    title: str
    no_start: str
    start_button: str
    actions: dict[str, str]
    """The name of each of ACTIONS, as its link, its form and the palette say it."""
    day_zero: str
    restarted: str
    longest: str
    total: str
    urges: str
    next_milestone: str
    milestone_notes: dict[int, str]
    strength_labels: tuple[str, ...]
    slip_intro: str
    urge_intro: str
    urge_acted: str
    urge_passed: str
    logistics_intro: str
    reasons_intro: str
    reasons_empty: str
    start_intro: str
    quiet: str
    """In place of the count in quiet mode."""
    starts_on: str
    """In place of the count while the first day is still to come; {date} is that day."""
    slip_quiet: str
    """What `nocontact slip` says of the count in quiet mode, with no number in it."""

    def milestone_note(self, days: int) -> str:
        """The quiet line for a milestone, or a plain count if the file has none for it."""
        return self.milestone_notes.get(days, f"{days} days.")


@cache
def load_tracker_text() -> TrackerText:
    """The tracker's words, read and checked once per process."""
    fields = document(TRACKER_FILE)
    notes = {
        milestone.number("days"): milestone.text("note")
        for milestone in fields.objects("milestones")
    }
    actions = fields.object("actions")
    for key in ("restarted", "next_milestone", "starts_on"):
        placeholder = "{days}" if key == "next_milestone" else "{date}"
        if placeholder not in fields.text(key):
            raise ContentError(f"{TRACKER_FILE}: field '{key}' needs a {placeholder} placeholder")
    return TrackerText(
        title=fields.text("title"),
        no_start=fields.text("no_start"),
        start_button=fields.text("start_button"),
        actions={action: actions.text(action) for action in ACTIONS},
        day_zero=fields.text("day_zero"),
        restarted=fields.text("restarted"),
        longest=fields.text("longest"),
        total=fields.text("total"),
        urges=fields.text("urges"),
        next_milestone=fields.text("next_milestone"),
        milestone_notes=notes,
        strength_labels=urge_labels(),
        slip_intro=fields.text("slip_intro"),
        urge_intro=fields.text("urge_intro"),
        urge_acted=fields.text("urge_acted"),
        urge_passed=fields.text("urge_passed"),
        logistics_intro=fields.text("logistics_intro"),
        reasons_intro=fields.text("reasons_intro"),
        reasons_empty=fields.text("reasons_empty"),
        start_intro=fields.text("start_intro"),
        quiet=fields.text("quiet"),
        starts_on=fields.text("starts_on"),
        slip_quiet=fields.text("slip_quiet"),
    )
