"""A focusable 0-10 mood slider, shaped like Textual's Switch: keys, clicks and drags.

It starts "not set" (value None) and stays so until the person moves it, so a mood nobody
gave is never saved as if they had.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from tui.content.moods import MOOD_MAX, MOOD_MIN, load_moods

VALUE_COLUMN = 5
"""Cells for the number beside the track: a gap of three and "10"."""
LABEL_COLUMN = 20
"""Cells for the longest label and a gap."""
TRACK_MIN = 11
TRACK_MAX = 44
SLIDER_START = 5
"""Where the faint knob of a slider not set yet waits, and where the arrow keys move it from."""
NOT_SET = "not set"
"""What a slider says until it is moved."""


def clamp(value: int | None) -> int | None:
    """A mood value held inside 0-10; None (not set) stays None."""
    return None if value is None else max(MOOD_MIN, min(MOOD_MAX, value))


class MoodSlider(Widget, can_focus=True):
    """A mood from 0 (worst) to 10 (best), with a label of our own for each value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", "Mood one lower", show=False),
        Binding("right", "step(1)", "Mood one higher", show=False),
        Binding("home", "set_mood(0)", "Mood to 0", show=False),
        Binding("end", "set_mood(10)", "Mood to 10", show=False),
        *(
            Binding(str(digit), f"set_mood({digit})", "Mood to that number", show=False)
            for digit in range(10)
        ),
        Binding("backspace,delete", "set_mood(None)", "Mood back to not set", show=False),
        Binding("enter", "submit", "Go on, or save the form", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "mood-slider--filled",
        "mood-slider--rest",
        "mood-slider--knob",
        "mood-slider--value",
        "mood-slider--label",
        "mood-slider--unset",
    }

    ALLOW_SELECT = False

    DEFAULT_CSS = """
    MoodSlider {
        border: tall $border-blurred;
        background: $surface;
        height: auto;
        width: 1fr;
        max-width: 72;
        padding: 0 1;
        pointer: pointer;

        & > .mood-slider--filled { color: $primary; }
        & > .mood-slider--rest { color: $foreground 35%; }
        & > .mood-slider--knob { color: $primary; text-style: bold; }
        & > .mood-slider--value { color: $foreground; text-style: bold; }
        & > .mood-slider--label { color: $foreground; }
        & > .mood-slider--unset { color: $text-muted; text-style: italic; }

        &:focus {
            border: tall $border;
            background-tint: $foreground 5%;
            & > .mood-slider--knob { color: $accent; }
        }
        &:ansi {
            & > .mood-slider--filled { color: ansi_blue; }
            & > .mood-slider--rest { color: ansi_bright_black; }
            & > .mood-slider--knob { color: ansi_bright_blue; }
        }
        &:disabled { opacity: 60%; }
    }
    """

    value: reactive[int | None] = reactive(None, init=False)
    """The mood given, 0 (worst) to 10 (best), or None while it is not set."""

    @dataclass
    class Changed(Message):
        """Posted when the mood changes, by key, click or drag (None: back to not set)."""

        slider: MoodSlider
        value: int | None

        @property
        def control(self) -> MoodSlider:
            """The slider that changed, for `@on(MoodSlider.Changed, "#id")`."""
            return self.slider

    @dataclass
    class Submitted(Message):
        """Posted on enter: the person is done here; the screen decides what comes next."""

        slider: MoodSlider

        @property
        def control(self) -> MoodSlider:
            return self.slider

    def __init__(
        self,
        value: int | None = None,
        *,
        labels: Sequence[str] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.labels: tuple[str, ...] = tuple(labels) if labels else load_moods().labels
        self._dragging = False
        self.set_reactive(MoodSlider.value, clamp(value))

    def validate_value(self, value: int | None) -> int | None:
        return clamp(value)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    @property
    def label(self) -> str:
        """The words for the current value, or "not set"."""
        return NOT_SET if self.value is None else self.labels[self.value]

    # -- geometry ------------------------------------------------------------

    def _track_width(self) -> int:
        room = self.content_size.width - VALUE_COLUMN - LABEL_COLUMN
        return max(TRACK_MIN, min(TRACK_MAX, room))

    def _value_at(self, x: int) -> int:
        """The value under column x of the content area."""
        span = self._track_width() - 1
        return max(MOOD_MIN, min(MOOD_MAX, round(x * MOOD_MAX / span)))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return TRACK_MAX + VALUE_COLUMN + LABEL_COLUMN

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Text:
        width = self._track_width()
        style = self.get_component_rich_style
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.value is None:
            # A faint ring where the arrow keys will start from; no number, no label.
            knob = round(SLIDER_START * (width - 1) / MOOD_MAX)
            text.append("─" * knob, style("mood-slider--rest"))
            text.append("○", style("mood-slider--rest"))
            text.append("─" * (width - knob - 1), style("mood-slider--rest"))
            text.append(" " * VALUE_COLUMN)
            text.append(NOT_SET, style("mood-slider--unset"))
            return text
        knob = round(self.value * (width - 1) / MOOD_MAX)
        text.append("━" * knob, style("mood-slider--filled"))
        text.append("●", style("mood-slider--knob"))
        text.append("─" * (width - knob - 1), style("mood-slider--rest"))
        text.append(" " * (VALUE_COLUMN - 2))
        text.append(f"{self.value:>2}", style("mood-slider--value"))
        text.append(f"  {self.label}", style("mood-slider--label"))
        return text

    # -- keys ----------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """Move the mood by `delta`; a slider not set yet moves from SLIDER_START."""
        self.value = clamp((SLIDER_START if self.value is None else self.value) + delta)

    def action_set_mood(self, value: int | None) -> None:
        """Set the mood to `value` (None: not set)."""
        self.value = value

    def action_submit(self) -> None:
        """Say the person is done with this slider (enter)."""
        self.post_message(self.Submitted(self))

    # -- mouse ---------------------------------------------------------------

    def _set_from_mouse(self, event: events.MouseEvent) -> None:
        self.value = self._value_at(event.get_content_offset_capture(self).x)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        if self.disabled:
            return
        self.focus()
        if event.get_content_offset_capture(self).x >= self._track_width():
            return  # a press on the label only focuses; the value is set on the track
        self._dragging = True
        self.capture_mouse()
        self._set_from_mouse(event)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging:
            event.stop()
            self._set_from_mouse(event)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            event.stop()
            self._dragging = False
            self.release_mouse()
            self._set_from_mouse(event)

    def on_click(self, event: events.Click) -> None:
        # The value was set on mouse down; the click only must not reach parents.
        event.stop()
