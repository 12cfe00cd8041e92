"""The urge timer: counting down, check-ins, adjusting, pausing and stopping."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Button, Static

from tui.widgets.urge_timer import UrgeTimer, clock_text


class TimerApp(App[None]):
    """Just a timer, to drive by hand; it notes each check-in it is asked for."""

    def __init__(self, live: bool = False) -> None:
        super().__init__()
        self.live = live
        self.asked: list[bool] = []

    def compose(self) -> ComposeResult:
        yield UrgeTimer(minutes=10, live=self.live)

    def on_urge_timer_check_in_due(self, event: UrgeTimer.CheckInDue) -> None:
        self.asked.append(event.final)


def clock(app: App[None]) -> str:
    return str(app.query_one("#timer-clock", Static).content)


def test_clock_text() -> None:
    assert clock_text(600) == "10:00"
    assert clock_text(61.4) == "1:01"
    assert clock_text(-3) == "0:00"


async def test_it_counts_down_and_asks_every_three_minutes() -> None:
    app = TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(UrgeTimer)
        assert clock(app) == "10:00 left" and timer.answer is None
        timer.advance(60)  # not started: nothing moves
        assert timer.elapsed == 0
        await pilot.click("#timer-toggle")
        timer.advance(90)
        await pilot.pause()
        assert clock(app) == "8:30 left"
        assert "Next check-in in 1:30" in str(app.query_one("#timer-note", Static).content)
        timer.advance(90)
        await pilot.pause()
        assert app.asked == [False] and not timer.running
        timer.add_checkin(6)
        assert timer.running
        timer.advance(600)
        await pilot.pause()
        assert app.asked == [False, True]
        timer.add_checkin(2)
        await pilot.pause()
        assert clock(app) == "Time is up"
        assert "6 → 2" in str(app.query_one("#timer-checkins", Static).content)
        assert timer.answer == {
            "minutes": 10,
            "seconds_ridden": 600,
            "checkins": [
                {"after_seconds": 180, "strength": 6},
                {"after_seconds": 600, "strength": 2},
            ],
            "finished": True,
            "skipped": False,
        }
        assert all(button.disabled for button in app.query(Button))


async def test_length_can_change_but_never_below_the_time_ridden() -> None:
    app = TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(UrgeTimer)
        await pilot.click("#timer-more")
        assert timer.minutes == 11 and clock(app) == "11:00 left"
        for _ in range(15):
            timer.action_adjust(-1)
        assert timer.minutes == 1
        timer.action_adjust(4)
        await pilot.click("#timer-toggle")
        timer.advance(150)
        for _ in range(5):
            timer.action_adjust(-1)
        assert timer.minutes == 3


async def test_pause_and_stop_by_key() -> None:
    app = TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(UrgeTimer)
        app.query_one("#timer-toggle").focus()
        await pilot.press("p")
        timer.advance(30)
        await pilot.press("p")
        await pilot.pause()
        assert clock(app) == "9:30 left (paused)"
        await pilot.press("s")
        await pilot.pause()
        assert clock(app) == "Stopped"
        assert timer.answer is not None and timer.answer["skipped"] is True
        assert timer.answer["seconds_ridden"] == 30


async def test_it_ticks_on_its_own_once_started() -> None:
    app = TimerApp(live=True)
    async with app.run_test() as pilot:
        timer = app.query_one(UrgeTimer)
        await pilot.click("#timer-toggle")
        await pilot.pause(1.3)
        assert timer.elapsed >= 1


async def test_a_saved_answer_comes_back_paused() -> None:
    app = TimerApp()
    async with app.run_test() as pilot:
        timer = app.query_one(UrgeTimer)
        checkins = [{"after_seconds": 180, "strength": 7}]
        timer.restore({"minutes": 12, "seconds_ridden": 200, "checkins": checkins})
        await pilot.pause()
        assert clock(app) == "8:40 left (paused)"
        assert timer.last_strength == 7


async def test_the_stop_button_and_its_key_say_the_same_as_the_hint() -> None:
    """The hint says "s stops it": the key is s, the button says Stop, and both stop it."""
    from tui.content.stages import load_stages

    hint = next(field.hint for field in load_stages()[3].fields if field.kind == "urge_timer")
    assert "s stops it" in hint
    [key] = [b for b in UrgeTimer.BINDINGS if b.key == "s"]  # type: ignore[union-attr]
    assert key.description == "Stop the timer"  # type: ignore[union-attr]
    app = TimerApp()
    async with app.run_test() as pilot:
        button = app.query_one("#timer-stop", Button)
        assert str(button.label) == "Stop"
        await pilot.click("#timer-stop")
        await pilot.pause()
        assert clock(app) == "Stopped"
