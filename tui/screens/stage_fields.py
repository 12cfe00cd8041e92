"""The widgets any stage can ask with, and how an answer is read from and put back into them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from textual.widget import Widget
from textual.widgets import Input, RadioButton, RadioSet, SelectionList, TextArea

from tui.clock import today
from tui.content.stages import Field
from tui.widgets.date_field import DateField
from tui.widgets.mood_slider import MoodSlider


def field_id(key: str) -> str:
    """The DOM id of the widget that holds the answer called `key`."""
    return f"field-{key}"


def build_input(field: Field) -> Widget:
    """A fresh, empty widget for one of the kinds every stage can use."""
    name = field_id(field.key)
    if field.kind == "mood":
        return MoodSlider(id=name)
    if field.kind == "scale":
        return MoodSlider(labels=field.labels, id=name)
    if field.kind == "line":
        return Input(placeholder=field.placeholder, id=name)
    if field.kind == "text":
        area = TextArea(placeholder=field.placeholder, id=name)
        area.set_class(field.tall, "-tall")
        return area
    if field.kind == "date":
        days = field.default_days_ahead
        start = today() + timedelta(days=days) if days is not None else None
        return DateField(value=start, future_only=field.future_only, id=name)
    if field.kind == "choice":
        return RadioSet(*field.options, id=name)
    if field.kind == "checklist":
        return SelectionList[str](*((option, option) for option in field.options), id=name)
    raise ValueError(f"no widget for the field kind {field.kind!r}")


def read_answer(widget: Widget, *, draft: bool = False) -> Any:
    """The answer a widget holds, or None when nothing is filled in.

    A draft keeps a date as typed, so a half-written day comes back as it was left.
    """
    if isinstance(widget, MoodSlider):
        return widget.value
    if isinstance(widget, Input):
        return widget.value.strip() or None
    if isinstance(widget, TextArea):
        # Kept as typed: leading spaces and line breaks are part of what was written.
        text = widget.text.rstrip()
        return text if text.strip() else None
    if isinstance(widget, RadioSet):
        pressed = widget.pressed_button
        return str(pressed.label) if pressed else None
    if isinstance(widget, SelectionList):
        return list(widget.selected) or None
    if isinstance(widget, DateField) and draft:
        return widget.text.strip() or None
    answer: Any = getattr(widget, "answer", None)
    return answer


def restore_answer(widget: Widget, value: Any) -> None:
    """Put a saved answer back into its widget; a value of the wrong shape is left out."""
    if isinstance(widget, MoodSlider):
        if isinstance(value, int) and not isinstance(value, bool):
            widget.value = value
    elif isinstance(widget, TextArea):
        if isinstance(value, str):
            widget.text = value
    elif isinstance(widget, Input):
        if isinstance(value, str):
            widget.value = value
    elif isinstance(widget, RadioSet):
        for button in widget.query(RadioButton):
            button.value = str(button.label) == value
    elif isinstance(widget, SelectionList):
        known = {widget.get_option_at_index(i).value for i in range(widget.option_count)}
        for item in value if isinstance(value, list) else []:
            if item in known:
                widget.select(item)
    else:
        widget.restore(value)  # type: ignore[attr-defined]
