"""History and review: every entry newest first, with filters; charts of how things move,
and insights into what went with better days.

The table paints only the rows on screen, read a month at a time through the month
index, so ten years open, page and jump to the oldest entry as quickly as one month.
A filter is run by a reader thread over the months, newest first, and its matches
show as they are found. History is watched for entries saved elsewhere (another
window, `nocontact log` in a shell): they appear within a second or two, and the
highlighted entry stays where it is.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane

from tui import clock
from tui.content.moods import MoodContent, load_moods
from tui.content.review import load_review_text
from tui.content.stages import Stage, load_stages
from tui.review_rows import status_line
from tui.screens.record_detail import HEADER_ICON, RecordDetailScreen
from tui.screens.review_reading import HistoryReader
from tui.store.store import Store
from tui.widgets.entry_table import Columns, EntryTable
from tui.widgets.review_filters import ReviewFilters, show_options

ENTRIES_ONLY = ("search", "clear_filters", "oldest")
"""Actions of the Entries tab, hidden on the other tabs and while there is nothing to show."""
LATER_TABS = {"charts": "_make_charts", "insights": "_make_insights"}
"""Tabs whose content is made the first time they are shown, by the method named: most
visits never open them. Another tab is a TabPane in compose and a line here."""


class ReviewScreen(HistoryReader):
    """All of history in a table that reads pages on demand, with charts and insights beside it."""

    DEFAULT_CSS = """
    ReviewScreen #status { height: 1; padding: 0 1; color: $text-muted; }
    ReviewScreen #empty { display: none; padding: 1 2; color: $text; }
    ReviewScreen.-empty #entries-table, ReviewScreen.-no-match #entries-table { display: none; }
    ReviewScreen.-empty #empty, ReviewScreen.-no-match #empty { display: block; }
    ReviewScreen.-empty #filters, ReviewScreen.-empty #status { display: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # While a filter is being run, escape stops it; otherwise it goes back.
        Binding("escape", "stop", "Stop looking"),
        Binding("escape", "back", "Back"),
        Binding("slash", "search", "Search"),
        Binding("ctrl+l", "clear_filters", "Clear filters"),
        Binding("o", "oldest", "Oldest"),
        Binding("t", "trash", "Trash"),
        # Said in every toast that offers it, and in the help screen: the footer is full.
        Binding("u", "app.undo", "Undo", show=False),
        # The tabs are on screen and take a click, so their keys live in the help screen.
        Binding("e", "show_tab('entries')", "Entries tab", show=False),
        Binding("c", "show_tab('charts')", "Charts tab", show=False),
        Binding("i", "show_tab('insights')", "Insights tab", show=False),
    ]

    def __init__(
        self,
        store: Store,
        stages: dict[int, Stage] | None = None,
        moods: MoodContent | None = None,
    ) -> None:
        super().__init__(store, clock.today())
        self.stages = stages if stages is not None else load_stages()
        self.mood_content = moods if moods is not None else load_moods()
        self.text = load_review_text()
        self._keys_shown: tuple[object, ...] = ()

    def stage_name(self, number: int) -> str:
        stage = self.stages.get(number)
        return f"Stage {number}: {stage.short_title}" if stage else f"Stage {number}"

    def short_stage_name(self, number: int) -> str:
        title = self.short_title(number)
        return self.text.kind_names("session", number=number, short_title=title)[0]

    def short_title(self, number: int) -> str:
        stage = self.stages.get(number)
        return stage.short_title if stage else ""

    def compose(self) -> ComposeResult:
        yield Header(icon=HEADER_ICON)
        with TabbedContent(id="tabs"):
            with TabPane("Entries", id="entries"):
                yield ReviewFilters(
                    show_options(sorted(self.stages), self.short_stage_name),
                    lambda: self.pages.tags,
                    id="filters",
                )
                yield Static(self.text.say("reading"), id="status")
                columns = Columns.for_review(self.text, self.stages)
                yield EntryTable(columns, id="entries-table")
                yield Static(self.text.say("empty"), id="empty")
            # Charts and insights are made when their tab is first shown: most visits
            # never need them, and the first rows must not wait for them.
            yield TabPane("Charts", id="charts")
            yield TabPane("Insights", id="insights")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.text.say("title")
        self._keys_shown = self._keys_state()  # the footer's first drawing shows these
        self.query_one(EntryTable).focus()
        self.start_reading()

    def rows_updated(self) -> None:
        self._show_status()
        self._refresh_keys()

    @on(ReviewFilters.Changed)
    def _filter_changed(self, event: ReviewFilters.Changed) -> None:
        self.run_filter(event.entry_filter)

    @on(Input.Submitted, "#tag, #search")
    def _search_submitted(self) -> None:
        self.table.focus()

    def _show_status(self) -> None:
        text, rows, total = self.text, self.rows, self.pages.index.total
        going = "reading" if not self.loaded else "stopped" if self.stopped else ""
        self.query_one("#status", Static).update(status_line(text, rows, going, self.today))
        self.set_class(self.loaded and not total, "-empty")
        no_match = self.loaded and bool(total) and not len(rows) and not self.scanning
        self.set_class(no_match, "-no-match")
        if no_match:
            self.query_one("#empty", Static).update(text.say("no_match"))

    # -- the entry detail and the tabs ------------------------------------------------

    @on(EntryTable.Opened)
    def _open(self, event: EntryTable.Opened) -> None:
        record = event.entry.record
        self.app.push_screen(
            RecordDetailScreen(record, self.stages, self.mood_content, self.today, self.store)
        )

    def action_trash(self) -> None:
        """Open the trash, where what was deleted waits 30 days."""
        from tui.screens.trash import TrashScreen

        self.app.push_screen(TrashScreen(self.store))

    def on_entries_changed(self) -> None:
        """An undo changed history: show it now, not at the next look."""
        self._look_for_changes()

    def _make_charts(self) -> Widget:
        """The Charts tab's content, made (and its history read) when the tab first shows."""
        from tui.widgets.review_charts import ReviewCharts

        self.call_after_refresh(self.totals.start, self, self.totals_updated)
        return ReviewCharts(self.today, self.stage_name, id="review-charts")

    def _make_insights(self) -> Widget:
        """The Insights tab's content, made (and its history read) when the tab first shows."""
        from tui.widgets.review_insights import ReviewInsights

        self.call_after_refresh(self.totals.start, self, self.totals_updated)
        return ReviewInsights(self.totals, self.today, id="review-insights")

    def totals_updated(self) -> None:
        """Draw the charts and say the insights again, on whichever tabs have been made."""
        from tui.widgets.review_charts import ReviewCharts
        from tui.widgets.review_insights import ReviewInsights

        for charts in self.query(ReviewCharts):
            charts.show(self.totals.totals())
        for insights in self.query(ReviewInsights):
            insights.show()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """Give the tab the keys; a tab made on first sight (see LATER_TABS) is made now."""
        pane = event.pane
        if pane.id in LATER_TABS and not pane.children:
            pane.mount(getattr(self, LATER_TABS[pane.id])())
        content = self.table if pane.id == "entries" else pane
        self.call_after_refresh(lambda: next(iter(content.children), content).focus())
        self._refresh_keys()

    def _keys_state(self) -> tuple[object, ...]:
        """What decides the keys the footer shows (see check_action)."""
        empty = self.loaded and not self.pages.index.total
        return (self.query_one(TabbedContent).active, self.scanning, empty)

    def _refresh_keys(self) -> None:
        """Redraw the footer, but only when the keys it shows have changed: it is costly."""
        shown = self._keys_state()
        if shown != self._keys_shown:
            self._keys_shown = shown
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop":
            return self.scanning
        if action == "back":
            return not self.scanning
        if action == "trash":  # even with nothing left in history: it may all be there
            return self.query_one(TabbedContent).active == "entries"
        if action in ENTRIES_ONLY:
            on_entries = self.query_one(TabbedContent).active == "entries"
            return on_entries and not (self.loaded and not self.pages.index.total)
        return True

    def action_back(self) -> None:
        self.dismiss()

    def action_stop(self) -> None:
        """Stop running the filter; what it found so far stays."""
        self.stop()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_oldest(self) -> None:
        """The oldest entry (of those a filter has found so far, and then as it finds more)."""
        self.follow_end = self.scanning
        self.table.focus()
        self.table.action_last()

    def action_clear_filters(self) -> None:
        self.query_one(ReviewFilters).clear()
