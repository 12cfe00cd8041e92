"""A day typed as text, checked as you type and shown back with its weekday."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.date_words import long_day
from tui.when import WhenError, parse_day


class DateField(Vertical):
    """An Input for a day, with a line under it naming the weekday or the problem."""

    DEFAULT_CSS = """
    DateField {
        height: auto;
        Input { width: 40; }
        #date-shown { color: $text-muted; padding: 0 1; }
        &.-invalid #date-shown { color: $error; }
    }
    """

    def __init__(
        self,
        *,
        value: date | None = None,
        future_only: bool = False,
        placeholder: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.future_only = future_only
        self._initial = value.isoformat() if value else ""
        self._placeholder = placeholder or "e.g. 2026-12-05 or saturday"

    def compose(self) -> ComposeResult:
        yield Input(self._initial, placeholder=self._placeholder)
        yield Static(id="date-shown")

    def on_mount(self) -> None:
        self._show()

    @property
    def text(self) -> str:
        return self.query_one(Input).value

    @property
    def problem(self) -> str | None:
        """Why the text is not a usable day, or None when it is (or is empty)."""
        try:
            parse_day(self.text, future_only=self.future_only)
        except WhenError as problem:
            return str(problem)
        return None

    @property
    def answer(self) -> str | None:
        """The day as YYYY-MM-DD, or None when empty or not a day."""
        try:
            day = parse_day(self.text, future_only=self.future_only)
        except WhenError:
            return None
        return day.isoformat() if day else None

    def restore(self, value: Any) -> None:
        """Put a saved day (or the text that was typed) back in the box."""
        if isinstance(value, str):
            self.query_one(Input).value = value

    @on(Input.Changed)
    def _show(self) -> None:
        shown = self.query_one("#date-shown", Static)
        problem = self.problem
        self.set_class(problem is not None, "-invalid")
        if problem:
            shown.update(problem)
            return
        day = parse_day(self.text, future_only=self.future_only)
        shown.update(long_day(day) if day else "No day chosen yet.")
