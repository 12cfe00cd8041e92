"""The review over ten years of history: pages, jumps and searches agree with a plain scan.

The ten years are written once for the module by the benchmarks' synthetic generator
(through the Store), and every test reads them; none writes to them.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from review_fixtures import SIZE, ReviewHost, review, settle
from textual.widgets import Input, Static

from tui.review_entries import SHOW_CONTACT, SHOW_MOODS, Entry, EntryFilter, entry_for, stage_choice
from tui.review_rows import MONTHS_KEPT, AllRows, MatchedRows, MonthPages, matches_in, scan
from tui.store.month_index import build_index
from tui.store.store import Store
from tui.widgets.entry_table import EntryTable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import synth_history  # noqa: E402

TODAY = date(2026, 11, 23)
"""The last day of the synthetic history, and "today" in every test (tests/conftest.py)."""


class CountingStore(Store):
    """The real store, counting the month files the review asks it to read."""

    months_read = 0

    def month_records(self, kind: str, month: str) -> list[Any]:
        CountingStore.months_read += 1
        return super().month_records(kind, month)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten years of daily use ending today, about 26,000 entries."""
    root = tmp_path_factory.mktemp("ten-years") / "data"
    store = Store.open(root)
    synth_history.fill(store, 10, seed=5, last=TODAY)
    store.overview()  # the summary cache, as home leaves it before `h`
    return root


@pytest.fixture(scope="module")
def plain_scan(ten_years: Path) -> list[Entry]:
    """Every entry newest first, read the slow, obvious way: every record, sorted by time."""
    store = Store.open(ten_years)
    records: list[Any] = []
    for kind in ("sessions", "moods", "urges"):
        records.extend(store.records(kind))
    records.extend([*store.slips(), *store.logistics()])
    records.sort(key=lambda record: record.when, reverse=True)  # stable: kinds keep this order
    return [entry_for(record, TODAY) for record in records]


def pages_of(root: Path, months_kept: int = MONTHS_KEPT) -> MonthPages:
    pages = MonthPages(Store.open(root), TODAY, months_kept)
    pages.use(build_index(pages.store))
    return pages


@pytest.fixture(scope="module")
def every_month(ten_years: Path) -> MonthPages:
    """Pages that keep every month once read, so the filter tests read the years once."""
    pages = pages_of(ten_years, months_kept=10_000)
    for month in pages.index.months:
        pages.entries(month.key)
    return pages


def test_every_month_boundary_pages_like_a_plain_scan(
    ten_years: Path, plain_scan: list[Entry]
) -> None:
    """Around each month's first row, at random rows and at the very end, the row is right."""
    pages = pages_of(ten_years)
    rows = AllRows(pages)
    assert len(rows) == len(plain_scan) > 20_000
    assert len(pages.index.months) == 121
    wanted = {len(rows) - 1, *random.Random(1).sample(range(len(rows)), 300)}
    for start in pages.index.starts:
        wanted.update(row for row in (start - 1, start, start + 1) if 0 <= row < len(rows))
    for row in sorted(wanted):
        found = rows.entry(row)
        assert found is not None and found.record == plain_scan[row].record, row


@pytest.mark.parametrize(
    "entry_filter",
    [
        EntryFilter(text="river"),
        EntryFilter(text="quiet CAME back"),
        EntryFilter(tag="grateful"),
        EntryFilter(show=SHOW_MOODS, since=date(2019, 2, 14), until=date(2019, 4, 2)),
        EntryFilter(show=stage_choice(3), text="walk"),
        EntryFilter(show=SHOW_CONTACT, until=date(2017, 1, 31)),
        EntryFilter(text="no entry says this"),
    ],
    ids=["word", "words", "tag", "moods-in-dates", "stage-and-word", "contact-until", "none"],
)
def test_filters_find_what_a_plain_scan_finds(
    every_month: MonthPages, plain_scan: list[Entry], entry_filter: EntryFilter
) -> None:
    """The reader, month by month, keeps exactly the entries a plain filter keeps, in order."""
    pages = every_month
    rows = MatchedRows(pages, entry_filter)
    for key in scan(pages, entry_filter):
        rows.add(key, matches_in(pages, entry_filter, key))
    found = [rows.entry(row) for row in range(len(rows))]
    expected = [entry.record for entry in plain_scan if entry_filter.matches(entry)]
    assert [entry.record for entry in found if entry] == expected


def visible_times(table: EntryTable) -> list[str]:
    """The When column of every row on screen, as painted."""
    lines = (table.render_line(y).text for y in range(1, table.page_rows + 1))
    return [line[1:18] for line in lines if line.strip()]


def times_of(entries: list[Entry]) -> list[str]:
    return [f"{entry.when:%d %b %Y %H:%M}" for entry in entries]


async def test_the_oldest_entry_and_back_cost_a_month_or_two(
    ten_years: Path, plain_scan: list[Entry]
) -> None:
    """o, PageUp, Home, End and a drag of the scrollbar each show the right rows, and
    read no more than the months on screen."""
    store = CountingStore.open(ten_years)
    app = ReviewHost(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = review(pilot).query_one(EntryTable)
        page, last = table.page_rows, len(plain_scan) - 1
        assert visible_times(table) == times_of(plain_scan[:page])

        CountingStore.months_read = 0
        await pilot.press("o")
        await pilot.pause()
        assert table.cursor_row == last
        assert visible_times(table) == times_of(plain_scan[last - page + 1 :])
        assert CountingStore.months_read <= 2 * 3, "more than two months read to reach the oldest"

        await pilot.press("pageup")
        await pilot.pause()
        assert table.cursor_row == last - page
        assert visible_times(table) == times_of(plain_scan[last - 2 * page + 1 : last - page + 1])

        await pilot.press("home")
        await pilot.pause()
        assert table.cursor_row == 0
        assert visible_times(table) == times_of(plain_scan[:page])

        middle = len(plain_scan) // 2
        table.scroll_to(y=middle, animate=False)  # where a drag of the scrollbar lands
        await pilot.pause()
        assert visible_times(table) == times_of(plain_scan[middle : middle + page])

        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == last
        assert len(table.rows) == len(plain_scan)
        kept = review(pilot).pages._kept  # what stays in memory after all that
        assert len(kept) <= MONTHS_KEPT


async def test_a_search_over_ten_years_counts_every_match(
    ten_years: Path, plain_scan: list[Entry]
) -> None:
    """Words typed in the search run over every month; the count is a plain scan's."""
    app = ReviewHost(Store.open(ten_years))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        screen.query_one("#search", Input).value = "sister"
        await pilot.click("#search")
        await pilot.press("enter")
        await settle(pilot)
        expected = sum(1 for entry in plain_scan if EntryFilter(text="sister").matches(entry))
        status = str(screen.query_one("#status", Static).content)
        assert status == f"{expected:,} of {len(plain_scan):,} entries match"
        assert len(screen.query_one(EntryTable).rows) == expected
