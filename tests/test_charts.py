"""Snapshots of each review chart with fixed data, and of the review screen in its main states."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from review_fixtures import SIZE, ReviewHost, fill_weeks, settle
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable, Select

from tui.analysis import daily_means
from tui.review_entries import stage_choice
from tui.store.records import MoodLog, Session
from tui.store.store import Store
from tui.widgets.mood_calendar import MoodCalendar
from tui.widgets.mood_chart import MoodChart
from tui.widgets.stage_effect import StageEffectChart
from tui.widgets.weekday_hour_chart import WeekdayHourChart

TODAY = date(2026, 11, 23)


def history() -> tuple[list[MoodLog], list[Session]]:
    """The fixed weeks of tests/review_fixtures.py, read back through the Store."""
    store = Store.open()
    fill_weeks(store)
    return store.moods(), store.sessions()


class ChartHost(App[None]):
    """One chart on its own, fed fixed data once it is mounted."""

    def __init__(self, make: Callable[[], object], feed: Callable[[object], None]) -> None:
        super().__init__()
        self.make = make
        self.feed = feed

    def compose(self) -> ComposeResult:
        yield self.make()  # type: ignore[misc]

    def on_mount(self) -> None:
        self.feed(self.query_one("#chart"))


class TestChartSnapshots:
    def test_mood_chart_by_day(self, snap_compare: Callable[..., bool]) -> None:
        """Four weeks of moods as daily averages, with the seven-day rolling average."""
        moods, _ = history()
        app = ChartHost(lambda: MoodChart(TODAY, id="chart"), lambda chart: chart.show(moods))
        assert snap_compare(app, terminal_size=SIZE)

    def test_mood_chart_by_week(self, snap_compare: Callable[..., bool]) -> None:
        """The same moods in weekly buckets, chosen with the Weeks button."""
        moods, _ = history()
        app = ChartHost(lambda: MoodChart(TODAY, id="chart"), lambda chart: chart.show(moods))

        async def pick_weeks(pilot: Pilot[None]) -> None:
            await pilot.pause()
            await pilot.click("#bucket-week")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=pick_weeks)

    def test_mood_calendar(self, snap_compare: Callable[..., bool]) -> None:
        """A year in pixels: the last four weeks coloured from low (red) to high (green)."""
        moods, _ = history()
        app = ChartHost(
            lambda: MoodCalendar(TODAY, id="chart"),
            lambda chart: chart.show(daily_means(moods)),
        )
        assert snap_compare(app, terminal_size=SIZE)

    def test_charts_follow_a_light_theme(self, snap_compare: Callable[..., bool]) -> None:
        """After a switch to textual-light, the calendar and the bars take its colours."""
        moods, _ = history()

        class Both(App[None]):
            def compose(self) -> ComposeResult:
                yield MoodCalendar(TODAY)
                yield WeekdayHourChart()

            def on_mount(self) -> None:
                self.query_one(MoodCalendar).show(daily_means(moods))
                self.query_one(WeekdayHourChart).show(moods)

        async def go_light(pilot: Pilot[None]) -> None:
            pilot.app.theme = "textual-light"
            await pilot.pause()

        assert snap_compare(Both(), terminal_size=SIZE, run_before=go_light)

    def test_weekday_and_hour_chart(self, snap_compare: Callable[..., bool]) -> None:
        """Average mood by day of the week and by hour: mornings lower than evenings."""
        moods, _ = history()
        app = ChartHost(lambda: WeekdayHourChart(id="chart"), lambda chart: chart.show(moods))
        assert snap_compare(app, terminal_size=SIZE)

    def test_stage_effect_chart(self, snap_compare: Callable[..., bool]) -> None:
        """Mood change per stage, and a sentence naming the stage that helped most."""
        _, sessions = history()
        app = ChartHost(
            lambda: StageEffectChart(lambda number: f"Stage {number}: a name", id="chart"),
            lambda chart: chart.show(sessions),
        )
        assert snap_compare(app, terminal_size=SIZE)


class TestReviewSnapshots:
    def test_review_empty(self, snap_compare: Callable[..., bool]) -> None:
        """No history yet: a kind message that says how to begin."""
        assert snap_compare(ReviewHost(Store.open()), terminal_size=SIZE, run_before=settle)

    def test_review_with_a_few_weeks(self, snap_compare: Callable[..., bool]) -> None:
        """Four weeks of moods, sessions, urges and a slip, newest first."""
        store = Store.open()
        fill_weeks(store)
        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=settle)

    def test_review_filtered_to_moods_and_words(self, snap_compare: Callable[..., bool]) -> None:
        """Only mood logs that mention the river, with the count of matches."""
        store = Store.open()
        fill_weeks(store)

        async def filter_moods(pilot: Pilot[None]) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#show", Select).value = "moods"
            await pilot.click("#search")
            await pilot.press(*"river", "enter")
            await settle(pilot)

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=filter_moods)

    def test_review_charts_tab(self, snap_compare: Callable[..., bool]) -> None:
        """The Charts tab, opened with c: the mood line on top."""
        store = Store.open()
        fill_weeks(store)

        async def open_charts(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("c")
            await pilot.pause(0.3)

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_charts)

    def test_session_detail(self, snap_compare: Callable[..., bool]) -> None:
        """A stage 1 session opened from the table: every answer under its question."""
        store = Store.open()
        fill_weeks(store)

        async def open_session(pilot: Pilot[None]) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#show", Select).value = stage_choice(1)
            await settle(pilot)
            pilot.app.screen.query_one(DataTable).focus()
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_session)


async def test_the_calendar_steps_back_a_year_and_forward_again() -> None:
    """With the calendar focused, [ shows the year before and ] comes back."""
    moods, _ = history()
    app = ChartHost(
        lambda: MoodCalendar(TODAY, id="chart"), lambda chart: chart.show(daily_means(moods))
    )
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.query_one(MoodCalendar)
        calendar.focus()
        await pilot.press("[")
        assert "Dec 2024 to Nov 2025" in str(calendar.render())
        await pilot.press("]", "]")
        assert "Dec 2025 to Nov 2026" in str(calendar.render())


def test_stage_effect_sentences() -> None:
    """The summary names the stage that helped most, or says kindly that none has yet."""
    from tui.analysis import StageEffect
    from tui.widgets.stage_effect import effect_lines, effect_summary

    effects = [StageEffect(1, 2, 4.0, 5.0), StageEffect(3, 1, 3.0, 6.0)]
    assert effect_summary(effects, lambda n: f"Stage {n}").startswith(
        "Stage 3 has helped most: on average your mood went from 3.0 to 6.0 over 1 session."
    )
    assert effect_lines(effects, lambda n: f"Stage {n}").splitlines() == [
        "Stage 1: 4.0 → 5.0 (+1.0) over 2 sessions",
        "Stage 3: 3.0 → 6.0 (+3.0) over 1 session",
    ]
    assert "no stage has lifted" in effect_summary([StageEffect(2, 1, 6.0, 5.0)], str)


async def test_the_calendar_names_the_day_and_mood_under_the_pointer() -> None:
    """Colour alone is not enough: hovering a day shows its date and average mood."""
    from datetime import date as day

    moods, _ = history()
    means = daily_means(moods)
    app = ChartHost(lambda: MoodCalendar(TODAY, id="chart"), lambda chart: chart.show(means))
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.query_one(MoodCalendar)
        # Row 2 + 11 is November 2026 (title and day numbers first); 23 Nov is the 23rd cell.
        assert calendar.day_at(10 + 2 * 22, 2 + 11) == TODAY
        assert calendar.day_at(10 + 2 * 29, 2 + 11) == day(2026, 11, 30)
        assert calendar.day_at(10 + 2 * 30, 2 + 11) is None  # November has no 31st
        assert calendar.day_at(3, 5) is None
        await pilot.hover(MoodCalendar, offset=(1 + 10 + 2 * 22, 2 + 11))
        assert calendar.tooltip == f"Mon 23 Nov 2026: average mood {means[TODAY]:.1f}"
