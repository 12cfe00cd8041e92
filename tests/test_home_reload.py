"""Home reads its data again on resume, even when the resume comes before its cards exist."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tui.app import create_app
from tui.screens.home import HomeScreen

SIZE = (100, 32)


async def test_reload_before_compose_waits_for_the_cards(data_dir: Path) -> None:
    """A reload that runs before home is composed (a click at start-up) fills home once it is."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        home = HomeScreen(app.store)
        home.reload()  # no cards yet: this used to raise NoMatches '#stage-1'
        await app.push_screen(home)
        await pilot.pause()
        await pilot.pause()
        text = "\n".join(str(widget.render()) for widget in home.query(Static))
        assert text.count("Not tried yet") == 5
        assert "Nothing logged yet" in text
