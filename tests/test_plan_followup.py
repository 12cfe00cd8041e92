"""Stage 1's plan on home around its day, and its one follow-up question: before, on, after."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tui.app import create_app
from tui.plan_followup import (
    FOLLOW_UP,
    answered,
    plan_of,
    plan_to_ask,
    plans_to_show,
    read_plans,
)
from tui.store.records import Session
from tui.store.store import Store

SATURDAY = date(2026, 11, 28)


def plan_session(day: date | str, what: str = "Swimming, early", **answers: str) -> Session:
    saved = datetime(2026, 11, 20, 21, tzinfo=UTC)
    return Session(
        stage=1,
        started_at=saved,
        saved_at=saved,
        mood_before=4,
        mood_after=6,
        answers={"pick_what": what, "pick_day": str(day), **answers},
    )


def plans(*sessions: Session) -> list:
    return [plan for plan in map(plan_of, sessions) if plan is not None]


class TestWhenItShows:
    @pytest.mark.parametrize(
        ("today", "shown"),
        [
            (date(2026, 11, 24), False),  # four days before
            (date(2026, 11, 25), True),  # three days before
            (date(2026, 11, 27), True),
            (SATURDAY, True),  # on its day
            (date(2026, 11, 29), False),  # after it: asked about instead
        ],
    )
    def test_from_a_few_days_before_until_its_day(self, today: date, shown: bool) -> None:
        found = plans_to_show(plans(plan_session(SATURDAY)), today)
        assert bool(found) is shown

    def test_only_stage_1_sessions_with_what_and_a_day(self) -> None:
        assert plan_of(plan_session(SATURDAY, what="  ")) is None
        assert plan_of(plan_session("someday")) is None
        other = Session(
            stage=2,
            started_at=datetime(2026, 11, 20, tzinfo=UTC),
            saved_at=datetime(2026, 11, 20, tzinfo=UTC),
            mood_before=None,
            mood_after=None,
            answers={"pick_what": "x", "pick_day": "2026-11-28"},
        )
        assert plan_of(other) is None


class TestAskedOnce:
    def test_not_before_and_not_on_its_day(self) -> None:
        found = plans(plan_session(SATURDAY))
        assert plan_to_ask(found, date(2026, 11, 27)) is None
        assert plan_to_ask(found, SATURDAY) is None

    def test_after_its_day(self) -> None:
        found = plans(plan_session(SATURDAY))
        asked = plan_to_ask(found, date(2026, 11, 29))
        assert asked is not None and asked.what == "Swimming, early"
        assert plan_to_ask(found, date(2026, 12, 12)) is asked  # two weeks on, still
        assert plan_to_ask(found, date(2026, 12, 13)) is None  # then let go

    def test_answered_once_never_again(self) -> None:
        [plan] = plans(plan_session(SATURDAY))
        session = answered(plan, "not this time")
        assert session.answers[FOLLOW_UP] == "not this time"
        assert session.answers["pick_what"] == "Swimming, early"
        assert plan_to_ask(plans(session), date(2026, 11, 29)) is None

    def test_the_latest_plan_first(self) -> None:
        found = plans(plan_session(SATURDAY), plan_session(date(2026, 11, 26), what="Pottery"))
        asked = plan_to_ask(found, date(2026, 11, 30))
        assert asked is not None and asked.what == "Swimming, early"


# -- in the app -----------------------------------------------------------------------


def journal_with_a_plan(data_dir: Path) -> Store:
    store = Store.open(data_dir)
    store.set_no_contact_start(date(2026, 11, 1))
    store.add(plan_session(date(2026, 11, 21)))  # last Saturday, with "now" on Monday the 23rd
    return store


async def test_the_app_asks_and_keeps_the_answer_on_the_session(data_dir: Path) -> None:
    store = journal_with_a_plan(data_dir)
    app = create_app(data_dir, greet=True)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanQuestion"
        assert "On Saturday you planned: Swimming, early. Did it happen?" in str(
            app.screen.query_one("#plan-asked").render()
        )
        await pilot.click("#plan-answer-1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        toasts = "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "That is all right. Plans move, and nothing here counts it or judges it." in toasts
    [session] = store.sessions(stage=1)
    assert session.answers[FOLLOW_UP] == "not this time"
    # Opened again: not asked a second time.
    app = create_app(data_dir, greet=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_closing_the_question_counts_as_asked(data_dir: Path) -> None:
    store = journal_with_a_plan(data_dir)
    app = create_app(data_dir, greet=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.sessions(stage=1)[0].answers[FOLLOW_UP] == "rather not say"


async def test_opening_a_stage_directly_asks_nothing(data_dir: Path) -> None:
    journal_with_a_plan(data_dir)
    app = create_app(data_dir, initial_stage=2, greet=True)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ != "PlanQuestion"


def test_read_plans_looks_back_sixty_days(data_dir: Path) -> None:
    store = Store.open(data_dir)
    old = plan_session(SATURDAY)
    store.add(old.replace(saved_at=old.saved_at - timedelta(days=61)))
    store.add(plan_session(SATURDAY, what="Pottery"))
    now = datetime(2026, 11, 23, 20, tzinfo=UTC)
    assert [plan.what for plan in read_plans(store, now)] == ["Pottery"]
