"""Snapshots of each review chart with fixed data, and of the review screen in its main states."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from review_fixtures import SIZE, ReviewHost, fill_weeks, settle
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import RadioButton, Select

from tui.analysis import Totals, daily_means, totals_of
from tui.review_entries import stage_choice
from tui.store.records import MoodLog
from tui.store.store import Store
from tui.widgets.entry_table import EntryTable
from tui.widgets.mood_calendar import MoodCalendar
from tui.widgets.mood_chart import MoodChart
from tui.widgets.review_charts import ReviewCharts
from tui.widgets.stage_effect import StageEffectChart
from tui.widgets.weekday_hour_chart import WeekdayHourChart

TODAY = date(2026, 11, 23)


def history() -> Totals:
    """The fixed weeks of tests/review_fixtures.py, read back through the Store."""
    store = Store.open()
    fill_weeks(store)
    return totals_of([*store.moods(), *store.sessions()])


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
        totals = history()
        app = ChartHost(lambda: MoodChart(TODAY, id="chart"), lambda chart: chart.show(totals))
        assert snap_compare(app, terminal_size=SIZE)

    def test_mood_chart_by_week(self, snap_compare: Callable[..., bool]) -> None:
        """The same moods in weekly buckets, chosen with the Weeks button."""
        totals = history()
        app = ChartHost(lambda: MoodChart(TODAY, id="chart"), lambda chart: chart.show(totals))

        async def pick_weeks(pilot: Pilot[None]) -> None:
            await pilot.pause()
            await pilot.click("#bucket-week")
            await pilot.pause()

        assert snap_compare(app, terminal_size=SIZE, run_before=pick_weeks)

    def test_mood_calendar(self, snap_compare: Callable[..., bool]) -> None:
        """A year in pixels, newest month on top: four weeks coloured from low to high."""
        totals = history()
        app = ChartHost(
            lambda: MoodCalendar(TODAY, id="chart"),
            lambda chart: chart.show(daily_means(totals)),
        )
        assert snap_compare(app, terminal_size=SIZE)

    def test_charts_follow_a_light_theme(self, snap_compare: Callable[..., bool]) -> None:
        """After a switch to textual-light, the calendar and the bars take its colours."""
        totals = history()

        class Both(App[None]):
            def compose(self) -> ComposeResult:
                yield MoodCalendar(TODAY)
                yield WeekdayHourChart()

            def on_mount(self) -> None:
                self.query_one(MoodCalendar).show(daily_means(totals))
                self.query_one(WeekdayHourChart).show(totals)

        async def go_light(pilot: Pilot[None]) -> None:
            pilot.app.theme = "textual-light"
            await pilot.pause()

        assert snap_compare(Both(), terminal_size=SIZE, run_before=go_light)

    def test_weekday_and_hour_chart(self, snap_compare: Callable[..., bool]) -> None:
        """Average mood by day of the week and by hour: mornings lower than evenings."""
        totals = history()
        app = ChartHost(lambda: WeekdayHourChart(id="chart"), lambda chart: chart.show(totals))
        assert snap_compare(app, terminal_size=SIZE)

    def test_stage_effect_chart(self, snap_compare: Callable[..., bool]) -> None:
        """Mood change per stage, and a sentence naming the stage that helped most."""
        totals = history()
        app = ChartHost(
            lambda: StageEffectChart(lambda number: f"Stage {number}: a name", id="chart"),
            lambda chart: chart.show(totals),
        )
        assert snap_compare(app, terminal_size=SIZE)


def shown_early(make: Callable[[], object], totals: Totals) -> object:
    """A chart given its totals before it is mounted, as the review's reader may do."""
    chart = make()
    chart.show(totals)  # type: ignore[attr-defined]
    return chart


def screen_text(app: App[None]) -> str:
    """The screen as SVG, without the ids that differ from one export to the next."""
    return re.sub(r"terminal-\d+-", "", app.export_screenshot())


@pytest.mark.parametrize(
    "make",
    [
        lambda: MoodChart(TODAY, id="chart"),
        lambda: WeekdayHourChart(id="chart"),
        lambda: StageEffectChart(lambda number: f"Stage {number}: a name", id="chart"),
    ],
    ids=["mood", "weekday-hour", "stage-effect"],
)
async def test_a_chart_shown_before_it_is_mounted_draws_the_same(
    make: Callable[[], object],
) -> None:
    """Totals that arrive before the chart is mounted are drawn once it is: same screen."""
    totals = history()
    screens = []
    for app in (
        ChartHost(lambda: shown_early(make, totals), lambda _chart: None),
        ChartHost(make, lambda chart: chart.show(totals)),  # type: ignore[attr-defined]
    ):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            screens.append(screen_text(app))
    assert screens[0] == screens[1]


def days_of_moods(days: int) -> Totals:
    """One mood a day for `days` days up to TODAY: rising over the years, with seasons in it."""
    return totals_of(
        MoodLog(
            at=datetime.combine(TODAY - timedelta(days=back), time(20), UTC),
            mood=round(5 - back / 1200 + 2.5 * math.sin(back / 9) * math.cos(back / 70)),
        )
        for back in range(days)
    )


def mood_chart(totals: Totals, bucket: str = "day") -> App[None]:
    def pick(chart: object) -> None:
        assert isinstance(chart, MoodChart)
        chart.show(totals)
        chart.query_one(f"#bucket-{bucket}", RadioButton).value = True

    return ChartHost(lambda: MoodChart(TODAY, id="chart"), pick)


class TestChartSpans:
    """The mood chart with no days, one, two, seven, and ten years: a right axis and title."""

    def test_no_days(self, snap_compare: Callable[..., bool]) -> None:
        """Nothing logged yet: a plain title and an empty frame, no made-up dates."""
        assert snap_compare(mood_chart(totals_of([])), terminal_size=SIZE)

    def test_one_day(self, snap_compare: Callable[..., bool]) -> None:
        """One day: a single dot under one date, and the title names the day."""
        assert snap_compare(mood_chart(days_of_moods(1)), terminal_size=SIZE)

    def test_two_days(self, snap_compare: Callable[..., bool]) -> None:
        """Two days: two dates, each once."""
        assert snap_compare(mood_chart(days_of_moods(2)), terminal_size=SIZE)

    def test_seven_days(self, snap_compare: Callable[..., bool]) -> None:
        """A week: a line with its rolling average and a few dates."""
        assert snap_compare(mood_chart(days_of_moods(7)), terminal_size=SIZE)

    def test_ten_years_by_month(self, snap_compare: Callable[..., bool]) -> None:
        """Ten years by month: years on the axis, the whole span in the title."""
        assert snap_compare(mood_chart(days_of_moods(3653), "month"), terminal_size=SIZE)

    def test_year_in_pixels_as_numbers(self, snap_compare: Callable[..., bool]) -> None:
        """Readable without colour: each day's average as a number, half a month a line."""

        def numbers(calendar: object) -> None:
            assert isinstance(calendar, MoodCalendar)
            calendar.show(daily_means(days_of_moods(60)))
            calendar.numbers = True

        app = ChartHost(lambda: MoodCalendar(TODAY, id="chart"), numbers)
        assert snap_compare(app, terminal_size=SIZE)


async def test_no_color_shows_the_year_as_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR the year in pixels starts as numbers; n turns colour back on."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = ChartHost(
        lambda: ReviewCharts(TODAY, str, id="chart"), lambda charts: charts.show(history())
    )
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.query_one(MoodCalendar)
        assert calendar.numbers
        assert "Each day shows its average mood" in str(calendar.render())
        app.query_one(ReviewCharts).focus()
        await pilot.press("n")
        assert not calendar.numbers


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
            await settle(pilot)

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_charts)

    def test_review_at_80_by_24(self, snap_compare: Callable[..., bool]) -> None:
        """At 80x24 every column and filter is there: names shortened, fields compact."""
        store = Store.open()
        fill_weeks(store)
        assert snap_compare(ReviewHost(store), terminal_size=(80, 24), run_before=settle)

    def test_review_charts_at_80_by_24(self, snap_compare: Callable[..., bool]) -> None:
        """The Charts tab at 80x24, focused, with its own keys in the footer."""
        store = Store.open()
        fill_weeks(store)

        async def open_charts(pilot: Pilot[None]) -> None:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)

        assert snap_compare(ReviewHost(store), terminal_size=(80, 24), run_before=open_charts)

    def test_session_detail(self, snap_compare: Callable[..., bool]) -> None:
        """A stage 1 session opened from the table: every answer under its question."""
        store = Store.open()
        fill_weeks(store)

        async def open_session(pilot: Pilot[None]) -> None:
            await settle(pilot)
            pilot.app.screen.query_one("#show", Select).value = stage_choice(1)
            await settle(pilot)
            pilot.app.screen.query_one(EntryTable).focus()
            await pilot.press("enter")
            await pilot.pause()

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_session)


async def test_the_charts_step_the_calendar_back_a_year_and_forward_again() -> None:
    """With the charts focused, [ shows the year before and ] comes back."""
    totals = history()
    app = ChartHost(
        lambda: ReviewCharts(TODAY, str, id="chart"), lambda charts: charts.show(totals)
    )
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(ReviewCharts).focus()
        calendar = app.query_one(MoodCalendar)
        await pilot.press("[")
        assert "Dec 2024 to Nov 2025" in str(calendar.render())
        await pilot.press("]", "]")
        assert "Dec 2025 to Nov 2026" in str(calendar.render())


def test_stage_effect_sentences() -> None:
    """The summary names the stage that helped most, or says kindly that none has yet."""
    from tui.analysis import StageEffect
    from tui.widgets.stage_effect import effect_lines, effect_summary

    effects = [StageEffect(1, 2, 4.0, 5.0), StageEffect(3, 1, 3.0, 6.0, no_after=1)]
    assert effect_summary(effects, lambda n: f"Stage {n}") == (
        "Stage 3 has helped most: on average your mood went from 3.0 to 6.0, "
        "from 1 session with both moods; 1 had no closing mood."
    )
    assert effect_lines(effects, lambda n: f"Stage {n}").splitlines() == [
        "Stage 1: 4.0 → 5.0 (+1.0) from 2 sessions with both moods",
        "Stage 3: 3.0 → 6.0 (+3.0) from 1 session with both moods; 1 had no closing mood",
    ]
    assert "no stage has lifted" in effect_summary([StageEffect(2, 1, 6.0, 5.0)], str)


async def test_the_calendar_names_the_day_and_mood_under_the_pointer() -> None:
    """Colour alone is not enough: hovering a day shows its date and average mood."""
    from datetime import date as day

    means = daily_means(history())
    app = ChartHost(lambda: MoodCalendar(TODAY, id="chart"), lambda chart: chart.show(means))
    async with app.run_test(size=SIZE) as pilot:
        calendar = app.query_one(MoodCalendar)
        # Line 3 is November 2026 (the title, the key and the day numbers come first).
        assert calendar.day_at(10 + 2 * 22, 3) == TODAY
        assert calendar.day_at(10 + 2 * 29, 3) == day(2026, 11, 30)
        assert calendar.day_at(10 + 2 * 30, 3) is None  # November has no 31st
        assert calendar.day_at(10, 4) == day(2026, 10, 1)
        assert calendar.day_at(3, 5) is None
        await pilot.hover(MoodCalendar, offset=(1 + 10 + 2 * 22, 3))
        assert calendar.tooltip == f"Mon 23 Nov 2026: average mood {means[TODAY]:.1f}"


async def test_the_charts_tab_takes_focus_keys_and_its_own_footer() -> None:
    """c shows the charts focused: pagedown scrolls them, t changes the scale, the footer
    lists the charts' keys and not the entries'; e goes back to the table."""
    store = Store.open()
    fill_weeks(store)
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = pilot.app.screen
        charts = screen.query_one(ReviewCharts)
        assert screen.focused is charts
        keys = set(screen.active_bindings)
        assert {"t", "n", "left_square_bracket", "escape"} <= keys
        assert not {"o", "slash", "ctrl+l"} & keys
        await pilot.press("pagedown")
        await pilot.pause()
        assert charts.scroll_y > 0
        await pilot.press("t")
        assert charts.query_one(MoodChart).bucket == "week"
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(screen.focused, EntryTable)
        assert "o" in screen.active_bindings
