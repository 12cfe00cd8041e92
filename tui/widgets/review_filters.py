"""The review's filter bar: what to show, a tag, a date range and words to search for."""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.message import Message
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Input, Select

from tui.review_entries import (
    SHOW_ALL,
    SHOW_CONTACT,
    SHOW_MOODS,
    SHOW_SESSIONS,
    EntryFilter,
    stage_choice,
)
from tui.when import WhenError, parse_when

NARROW = 90
"""Below this many columns the fields go compact, on two rows."""
SEARCH_WIDE = "search what you wrote"
SEARCH_NARROW = "search"
SEARCH_ROOM = len(SEARCH_WIDE) + 1
"""Columns inside the search field that its long placeholder needs: the text and the cursor."""
TYPING_PAUSE = 0.25
"""Seconds of quiet typing before the filter is applied, so a long history is not
refiltered on every key."""


def show_options(stages: list[int], stage_name: Callable[[int], str]) -> list[tuple[str, str]]:
    """The choices of what to show: everything, a kind of entry, or one stage's sessions."""
    return [
        ("Everything", SHOW_ALL),
        ("Mood logs", SHOW_MOODS),
        ("All sessions", SHOW_SESSIONS),
        *((stage_name(number), stage_choice(number)) for number in stages),
        ("Urges and contact", SHOW_CONTACT),
    ]


class SuggestKnownTags(Suggester):
    """The first tag used so far that starts with what is typed."""

    def __init__(self, tags: Callable[[], Set[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.tags = tags

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.casefold()
        return next((tag for tag in sorted(self.tags()) if tag.startswith(typed)), None)


class SearchField(Input):
    """The words to search for, with a placeholder that fits whole or is the short one."""

    def on_resize(self) -> None:
        self.placeholder = SEARCH_WIDE if self.size.width >= SEARCH_ROOM else SEARCH_NARROW


class ReviewFilters(Container):
    """Fields that together make an EntryFilter, announced with a Changed message.

    One row of bordered fields where there is room; below NARROW columns, two rows of
    compact ones (what to show and the words on top, the tag and the dates under them),
    so every field keeps room to be read and typed in.
    """

    DEFAULT_CSS = """
    ReviewFilters { height: auto; layout: horizontal; }
    ReviewFilters Select { width: 28; }
    ReviewFilters Input { width: 15; }
    ReviewFilters #tag { width: 12; }
    ReviewFilters #search { width: 1fr; }
    ReviewFilters Input.-invalid { border: tall $error; }
    ReviewFilters.-narrow {
        layout: grid;
        grid-size: 3;
        grid-rows: 1;
        grid-columns: 1fr;
        grid-gutter: 0 1;
        padding: 0 1;
        & Select, & Input, & #tag { width: 1fr; }
        & #search { column-span: 2; }
        & Input.-invalid { background: $error 30%; }
    }
    """

    @dataclass
    class Changed(Message):
        """The person changed a filter; `entry_filter` is what they now ask to see."""

        entry_filter: EntryFilter

    def __init__(
        self,
        show_options: list[tuple[str, str]],
        tags: Callable[[], Set[str]],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.show_options = show_options
        self.tags = tags
        """The tags used so far, for suggestions as the tag field is typed in."""
        self.entry_filter = EntryFilter()
        self._typing_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Select(self.show_options, value=SHOW_ALL, allow_blank=False, id="show")
        yield SearchField(placeholder=SEARCH_WIDE, id="search")
        yield Input(placeholder="tag", suggester=SuggestKnownTags(self.tags), id="tag")
        yield Input(placeholder="from date", id="since")
        yield Input(placeholder="to date", id="until")

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            for field in self.query("Select, Input"):
                field.compact = narrow  # type: ignore[attr-defined]

    def apply(self) -> None:
        """Read the fields and announce the filter if it changed."""
        show = self.query_one("#show", Select).value
        wanted = EntryFilter(
            show=show if isinstance(show, str) else SHOW_ALL,
            tag=self.query_one("#tag", Input).value.strip().lstrip("#"),
            since=self._day("#since"),
            until=self._day("#until"),
            text=self.query_one("#search", Input).value,
        )
        if wanted != self.entry_filter:
            self.entry_filter = wanted
            self.post_message(self.Changed(wanted))

    def clear(self) -> None:
        """Empty every field and show everything again."""
        for field in self.query(Input).results(Input):
            field.value = ""
            field.remove_class("-invalid")
        self.query_one("#show", Select).value = SHOW_ALL
        self.apply()

    def _day(self, selector: str) -> date | None:
        """The day typed in a date field (ISO, or words like "3 weeks ago"), or None."""
        field = self.query_one(selector, Input)
        text = field.value.strip()
        field.remove_class("-invalid")
        if not text:
            return None
        try:
            return parse_when(text).date()
        except WhenError as error:
            field.add_class("-invalid")
            self.notify(str(error), title="That date is unclear", severity="warning")
            return None

    @on(Select.Changed)
    def _show_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.apply()

    @on(Input.Changed, "#tag, #search")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._typing_timer is not None:
            self._typing_timer.stop()
        self._typing_timer = self.set_timer(TYPING_PAUSE, self.apply)

    @on(Input.Submitted)
    @on(Input.Blurred, "#since, #until")
    def _entered(self) -> None:
        self.apply()
