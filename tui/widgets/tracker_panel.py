"""The no-contact tracker on home: today's count, the longest run and the total, and its links.

The panel only shows: its screen reads the store, hands it a Tracker, and decides what a
link does when the panel posts ActionLinks.Chosen.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from tui.content.tracker import ACTIONS, TrackerText
from tui.date_words import short_day
from tui.store.tracker import MILESTONES, Tracker, in_words
from tui.widgets.action_links import ActionLinks, Link

SET_START = "start"
"""The one action offered before there is a start day: setting it."""


def count_text(tracker: Tracker) -> Content:
    """ "Day 12", with the span in months beside it once it says more than the count."""
    days = tracker.current_days
    count = Content.styled(f"Day {days}", "bold $accent")
    span = tracker.current_in_words
    if span == in_words(days):
        return count  # "Day 21" and "21 days" would say the same thing twice
    return Content.assemble(count, ("  ·  ", "dim"), span)


def counts_text(tracker: Tracker, text: TrackerText, urges_resisted: int) -> Content | None:
    """The longest run and the total beside the count once there was a slip, and urges passed.

    Before any slip both equal the count, so they would only repeat it; on a first day
    with nothing logged there is nothing to add at all. The value comes first, so a long
    label wraps nowhere even in the narrow column of an 80-column terminal.
    """
    rows = []
    if tracker.slips:
        rows.append((in_words(tracker.longest_days), text.longest))
        rows.append((in_words(tracker.total_days), text.total))
    if urges_resisted or tracker.current_days:
        rows.append((str(urges_resisted), text.urges))
    if not rows:
        return None
    width = max(len(value) for value, _ in rows)
    return Content("\n").join(
        Content.assemble((value.rjust(width), "bold"), "  ", (name, "dim")) for value, name in rows
    )


def urges_text(urges_resisted: int, text: TrackerText) -> Content:
    """The urges ridden out alone, where no count goes beside them."""
    return Content.assemble((str(urges_resisted), "bold"), "  ", (text.urges, "dim"))


def note_text(tracker: Tracker, text: TrackerText) -> str:
    """One calm line under the count: day zero, a restart, or the next milestone."""
    lines = []
    if tracker.current_days == 0 and tracker.slips == 0:
        lines.append(text.day_zero)
    elif tracker.slips and tracker.current:
        lines.append(text.restarted.format(date=short_day(tracker.current.start, tracker.today)))
    upcoming = [days for days in MILESTONES if days > tracker.current_days]
    if upcoming:
        lines.append(text.next_milestone.format(days=upcoming[0]))
    return "\n".join(lines)


class TrackerPanel(Vertical):
    """Shows a Tracker; its links post ActionLinks.Chosen with one of ACTIONS."""

    DEFAULT_CSS = """
    TrackerPanel {
        height: auto;
        border: round $border-blurred;
        border-title-color: $primary;
        border-title-style: bold;
        padding: 0 1;
        margin-bottom: 1;
    }
    TrackerPanel.-unset > #tracker-current, TrackerPanel.-unset > #tracker-counts,
    TrackerPanel.-unset > #tracker-note, TrackerPanel.-set > #tracker-invite {
        display: none;
    }
    TrackerPanel #tracker-note, TrackerPanel #tracker-invite {
        color: $text-muted;
    }
    TrackerPanel #tracker-counts, TrackerPanel #tracker-note, TrackerPanel ActionLinks {
        margin-top: 1;
    }
    """

    def __init__(self, text: TrackerText, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-unset")
        self.text = text
        self.border_title = text.title
        self.current = Static(id="tracker-current")
        self.counts = Static(id="tracker-counts")
        self.note = Static(id="tracker-note", markup=False)
        self.links = ActionLinks([], id="tracker-links")

    def compose(self) -> ComposeResult:
        # Before a start day only the invitation and its one link show; after, the count,
        # the totals, a note and every link. A class on the panel says which.
        yield Static(self.text.no_start, id="tracker-invite", markup=False)
        yield self.current
        yield self.counts
        yield self.note
        yield self.links

    def show(self, tracker: Tracker, urges_resisted: int, quiet: bool = False) -> None:
        """Paint `tracker`, with the urges ridden out since its start; no count when `quiet`."""
        started = tracker.started
        self.set_class(started is not None, "-set")
        self.set_class(started is None, "-unset")
        if started is None:
            self.links.show_links([Link(SET_START, self.text.start_button)])
            return
        self.links.show_links([Link(action, self.text.actions[action]) for action in ACTIONS])
        if quiet or started > tracker.today:
            # Quiet mode, or a first day still to come: a few words and the urges, no count.
            words = self.text.quiet if quiet else self.text.starts_on
            self.current.update(words.format(date=short_day(started, tracker.today)))
            self.counts.display = bool(urges_resisted)
            self.counts.update(urges_text(urges_resisted, self.text))
            self.note.display = False
            return
        self.note.display = True
        self.current.update(count_text(tracker))
        counts = counts_text(tracker, self.text, urges_resisted)
        self.counts.display = counts is not None
        self.counts.update(counts or "")
        self.note.update(note_text(tracker, self.text))
