"""The breathing pacer: phases, rounds, pausing, skipping, and a real animation."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from tui.widgets.breathing_pacer import ROUND_SECONDS, BreathBar, BreathingPacer, phase_at


class PacerApp(App[None]):
    """Just a pacer, to drive by hand."""

    def __init__(self, live: bool = False) -> None:
        super().__init__()
        self.live = live
        self.done = 0

    def compose(self) -> ComposeResult:
        yield BreathingPacer(rounds=2, live=self.live)

    def on_breathing_pacer_done(self) -> None:
        self.done += 1


def shown(app: App[None], selector: str) -> str:
    return str(app.query_one(selector, Static).content)


def test_the_bar_grows_holds_and_shrinks() -> None:
    assert phase_at(0) == ("Breathe in", 0.0)
    assert phase_at(2) == ("Breathe in", 0.5)
    assert phase_at(5) == ("Hold", 1.0)
    assert phase_at(9) == ("Breathe out", 0.5)
    assert phase_at(ROUND_SECONDS + 1) == ("Breathe in", 0.25)


async def test_it_waits_then_counts_rounds_to_the_end() -> None:
    app = PacerApp()
    async with app.run_test() as pilot:
        pacer = app.query_one(BreathingPacer)
        assert shown(app, "#pacer-phase") == "Ready when you are"
        assert pacer.answer is None
        await pilot.click("#pacer-toggle")
        pacer.advance(2)
        await pilot.pause()
        assert shown(app, "#pacer-phase") == "Breathe in"
        assert app.query_one(BreathBar).fill == 0.5
        assert shown(app, "#pacer-count") == "Round 1 of 2"
        pacer.advance(ROUND_SECONDS)
        await pilot.pause()
        assert shown(app, "#pacer-count") == "Round 2 of 2"
        await pilot.press("p")
        assert shown(app, "#pacer-phase") == "Paused (breathe in)"
        pacer.advance(ROUND_SECONDS)
        await pilot.pause()
        assert shown(app, "#pacer-phase").startswith("Done")
        assert pacer.answer == {"rounds": 2, "finished": True, "skipped": False}
        assert app.done == 1


async def test_skipping_by_key_is_kept_and_kind() -> None:
    app = PacerApp()
    async with app.run_test() as pilot:
        app.query_one("#pacer-toggle").focus()
        await pilot.press("s")
        pacer = app.query_one(BreathingPacer)
        assert pacer.answer == {"rounds": 0, "finished": True, "skipped": True}
        assert "Skipped. That is fine" in shown(app, "#pacer-count")
        assert app.query_one("#pacer-skip").disabled
        assert app.done == 1


async def test_it_animates_on_its_own_once_begun() -> None:
    app = PacerApp(live=True)
    async with app.run_test() as pilot:
        pacer = app.query_one(BreathingPacer)
        await pilot.click("#pacer-toggle")
        await pilot.pause(0.7)
        assert pacer.elapsed > 0
        await pilot.click("#pacer-toggle")
        paused_at = pacer.elapsed
        await pilot.pause(0.5)
        assert pacer.elapsed == paused_at


async def test_a_saved_answer_comes_back() -> None:
    app = PacerApp()
    async with app.run_test() as pilot:
        pacer = app.query_one(BreathingPacer)
        pacer.restore({"rounds": 1, "finished": False, "skipped": False})
        await pilot.pause()
        assert pacer.answer == {"rounds": 1, "finished": False, "skipped": False}
        assert shown(app, "#pacer-count") == "Round 2 of 2"
