"""A day typed as text, checked as you type and shown back with its weekday."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil import parser
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.clock import today

WORDS = {"today": 0, "tomorrow": 1}


class DateProblem(ValueError):
    """The text is not a day we can use; the message says why, for the person."""


def parse_day(text: str, *, future_only: bool = False) -> date | None:
    """The day `text` names (ISO, "5 dec", "saturday", "tomorrow"), or None when empty."""
    words = text.strip().lower()
    if not words:
        return None
    base = today()
    if words in WORDS:
        day = base + timedelta(days=WORDS[words])
    else:
        try:
            day = parser.parse(words, default=datetime.combine(base, time())).date()
        except (ValueError, OverflowError) as error:
            raise DateProblem(f"“{text.strip()}” is not a day on the calendar.") from error
    if future_only and day <= base:
        raise DateProblem(f"{day:%A %-d %B %Y} has come already; pick a day after today.")
    return day


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
        except DateProblem as problem:
            return str(problem)
        return None

    @property
    def answer(self) -> str | None:
        """The day as YYYY-MM-DD, or None when empty or not a day."""
        try:
            day = parse_day(self.text, future_only=self.future_only)
        except DateProblem:
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
        shown.update(f"{day:%A %-d %B %Y}" if day else "No day chosen yet.")
