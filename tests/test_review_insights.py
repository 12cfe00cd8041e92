"""The review's Insights tab: what it says, how it reads history, its keys, its looks."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest
from insight_history import fill_few_days, fill_year
from review_fixtures import SIZE, ReviewHost, review, settle
from textual.pilot import Pilot
from textual.widgets import Static

from tui.cli import main
from tui.screens.review_totals import TotalsReader
from tui.store.store import Store
from tui.widgets.entry_table import EntryTable
from tui.widgets.mood_chart import MoodChart
from tui.widgets.review_insights import ReviewInsights


def said(pilot: Pilot[None]) -> list[str]:
    """Every line of words the Insights tab shows, in order, as the person reads them."""
    tab = review(pilot).query_one(ReviewInsights)
    return [str(static.content) for static in tab.query(Static) if static.display]


def said_once(pilot: Pilot[None]) -> str:
    return "\n".join(said(pilot))


async def open_insights(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("i")
    await settle(pilot)


def cli_sentences(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The sentences `nocontact insights` prints, without their indent or number."""
    assert main(["insights"]) == 0
    lines = capsys.readouterr().out.splitlines()
    sentences = [line.strip() for line in lines if line.startswith("  ")]
    return [line.split(". ", 1)[1] if line[0].isdigit() else line for line in sentences]


async def test_the_tab_says_what_nocontact_insights_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A year of entries: every sentence of the command is on the tab, in the same order,
    with how much there is to go on above them."""
    store = Store.open()
    fill_year(store)
    expected = cli_sentences(capsys)
    assert len(expected) > 12
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await open_insights(pilot)
        shown = said(pilot)
        found = [line for line in shown if line in expected]
        assert found == expected
        assert "All your entries: 24 Nov 2025 to 23 Nov 2026." in shown
        assert (
            "Days with a mood: 365. Urges noted: 122. Exercises with a mood before and after: 82."
            in shown
        )
        assert not any("because" in line for line in shown)
        assert any(line.startswith("Days with “walk” went with a higher mood") for line in shown)


async def test_a_few_days_claim_nothing_and_say_how_many_more_are_needed() -> None:
    store = Store.open()
    fill_few_days(store)
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await open_insights(pilot)
        shown = said(pilot)
        counts = "Days with a mood: 3. Urges noted: 1. Exercises with a mood before and after: 0."
        assert counts in shown
        assert (
            "Words can be compared from 10 days with a mood (5 with a word and 5 without): "
            "7 more to go."
        ) in shown
        assert (
            "Urges noted so far: 1. It is too soon to say when they tend to come; 5 are needed."
        ) in shown
        assert "No contact logged, so there is nothing to look at here." in shown
        assert not any("went with a" in line for line in shown)
        assert not any(line.startswith("Most urges came") for line in shown)


async def test_the_review_opens_without_reading_for_the_tab() -> None:
    """The first rows never wait for the insights: nothing is read until the tab shows."""
    store = Store.open()
    fill_year(store)
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = review(pilot)
        assert not screen.totals.started
        assert not screen.query(ReviewInsights)
        assert len(screen.query_one(EntryTable).rows) > 700


async def test_the_tab_takes_focus_keys_and_its_own_footer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """i shows the insights focused, the footer lists t and a and not the entries' keys;
    t looks at the last 12 months, then 3; a lists every word; c shows the charts from the
    same reading; e goes back to the table."""
    store = Store.open()
    fill_year(store)
    read: list[str] = []
    month_facts = TotalsReader.month_facts

    def counted(reader: TotalsReader, key: str):  # type: ignore[no-untyped-def]
        read.append(key)
        return month_facts(reader, key)

    monkeypatch.setattr(TotalsReader, "month_facts", counted)
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await open_insights(pilot)
        screen = review(pilot)
        tab = screen.query_one(ReviewInsights)
        assert screen.focused is tab
        keys = set(screen.active_bindings)
        assert {"t", "a", "escape"} <= keys
        assert not {"o", "slash", "ctrl+l"} & keys
        assert sorted(read) == sorted(set(read)) and len(read) == 13  # each month once
        await pilot.press("t")
        assert "The last 12 months: 1 Dec 2025 to 23 Nov 2026." in said(pilot)
        await pilot.press("t")
        assert "The last 3 months: 1 Sep to 23 Nov 2026." in said(pilot)
        assert "Every word compared" not in said(pilot)
        await pilot.press("a")
        shown = said(pilot)
        assert "Every word compared" in shown
        assert any(line.startswith("“walk”: ") for line in shown)
        await pilot.press("pagedown")
        await pilot.pause()
        assert tab.scroll_y > 0
        await pilot.press("c")
        await settle(pilot)
        assert screen.query_one(MoodChart).totals.days
        assert len(read) == 13  # the charts drew from the same reading
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(screen.focused, EntryTable)


def log_from_another_shell(*argv: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "log", *argv], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


async def test_a_mood_logged_elsewhere_counts_at_once() -> None:
    """With the tab open, a `nocontact log` from another shell joins the counts in seconds."""
    store = Store.open()
    fill_few_days(store)
    async with ReviewHost(store).run_test(size=SIZE) as pilot:
        await open_insights(pilot)
        log_from_another_shell("7", "--at", "4 days ago", "--tag", "walk")
        for _ in range(100):
            await pilot.pause(0.05)
            if any(line.startswith("Days with a mood: 4.") for line in said(pilot)):
                break
        assert "6 more to go." in said_once(pilot)


class TestInsightsLooks:
    def test_a_few_days(self, snap_compare: Callable[..., bool]) -> None:
        """Three days and one urge: nothing claimed, and how many days words need."""
        store = Store.open()
        fill_few_days(store)
        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_insights)

    def test_a_year(self, snap_compare: Callable[..., bool]) -> None:
        """A year of entries: what went with better and worse days, in plain sentences."""
        store = Store.open()
        fill_year(store)
        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=open_insights)

    def test_a_year_at_80_by_24(self, snap_compare: Callable[..., bool]) -> None:
        """The same at 80x24: the sentences wrap clear of their marks; the footer fits."""
        store = Store.open()
        fill_year(store)
        assert snap_compare(ReviewHost(store), terminal_size=(80, 24), run_before=open_insights)

    def test_what_has_helped_at_the_end(self, snap_compare: Callable[..., bool]) -> None:
        """Scrolled to the end of a year: each exercise, and what has helped, ranked."""
        store = Store.open()
        fill_year(store)

        async def to_the_end(pilot: Pilot[None]) -> None:
            await open_insights(pilot)
            await pilot.press("end")
            await pilot.pause()

        assert snap_compare(ReviewHost(store), terminal_size=SIZE, run_before=to_the_end)
