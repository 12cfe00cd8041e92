"""The mood slider: keys, digits, clicks and drags set it; it says so; it looks right."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.content.moods import load_moods
from tui.widgets.mood_slider import NOT_SET, SLIDER_START, MoodSlider


class SliderApp(App[None]):
    """One slider on a screen, recording every Changed message it posts."""

    def __init__(self, value: int | None = 5, theme: str = "textual-dark") -> None:
        super().__init__()
        self.start_value = value
        self.start_theme = theme
        self.changes: list[tuple[str | None, int | None]] = []
        self.submitted = 0

    def compose(self) -> ComposeResult:
        yield MoodSlider(self.start_value, id="mood")

    def on_mount(self) -> None:
        self.theme = self.start_theme

    def on_mood_slider_changed(self, message: MoodSlider.Changed) -> None:
        self.changes.append((message.control.id, message.value))

    def on_mood_slider_submitted(self) -> None:
        self.submitted += 1


def track_width(slider: MoodSlider) -> int:
    """How many cells the track spans, read from what is painted."""
    return slider.render().plain.index("  ")


async def test_arrows_home_and_end_move_the_mood() -> None:
    """left/right step by one and stop at the ends; home and end jump to 0 and 10."""
    app = SliderApp(value=5)
    async with app.run_test() as pilot:
        slider = app.query_one(MoodSlider)
        await pilot.press("right", "right")
        assert slider.value == 7
        await pilot.press("left")
        assert slider.value == 6
        await pilot.press("end", "right")
        assert slider.value == 10
        await pilot.press("home", "left")
        assert slider.value == 0


async def test_a_new_slider_is_not_set_until_moved() -> None:
    """No value at first, "not set" beside the track; an arrow moves from the middle mark."""
    assert MoodSlider().value is None
    for key, expected in (("right", SLIDER_START + 1), ("left", SLIDER_START - 1)):
        app = SliderApp(value=None)
        async with app.run_test() as pilot:
            slider = app.query_one(MoodSlider)
            assert slider.render().plain.rstrip().endswith(NOT_SET)
            assert slider.label == NOT_SET
            await pilot.press(key)
            assert slider.value == expected
            assert NOT_SET not in slider.render().plain
            await pilot.press("backspace")
            assert slider.value is None and NOT_SET in slider.render().plain
            await pilot.pause()
            assert app.changes == [("mood", expected), ("mood", None)]


async def test_enter_says_the_person_is_done() -> None:
    """Enter posts Submitted and leaves the value alone: the screen decides what comes next."""
    app = SliderApp(value=3)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.submitted == 1 and app.query_one(MoodSlider).value == 3


@pytest.mark.parametrize("digit", range(10))
async def test_a_digit_sets_that_mood(digit: int) -> None:
    """Each digit key sets the mood to that number and shows its label."""
    app = SliderApp(value=10)
    async with app.run_test() as pilot:
        slider = app.query_one(MoodSlider)
        await pilot.press(str(digit))
        assert slider.value == digit
        assert slider.render().plain.rstrip().endswith(load_moods().label(digit))


async def test_values_outside_the_range_are_held_at_the_ends() -> None:
    """A value set from code outside 0-10 is clamped rather than trusted."""
    app = SliderApp()
    async with app.run_test():
        slider = app.query_one(MoodSlider)
        slider.value = 14
        assert slider.value == 10
        slider.value = -3
        assert slider.value == 0
        assert MoodSlider(99).value == 10


async def test_a_click_on_the_track_sets_the_mood() -> None:
    """Clicking at the start, the middle and the end of the track gives 0, 5 and 10."""
    app = SliderApp(value=5)
    async with app.run_test(size=(100, 10)) as pilot:
        slider = app.query_one(MoodSlider)
        left = slider.content_region.x - slider.region.x
        width = track_width(slider)
        await pilot.click(MoodSlider, offset=(left, 1))
        assert slider.value == 0
        await pilot.click(MoodSlider, offset=(left + width - 1, 1))
        assert slider.value == 10
        await pilot.click(MoodSlider, offset=(left + (width - 1) // 2, 1))
        assert slider.value == 5
        assert slider.has_focus


async def test_a_click_on_the_label_does_not_change_the_mood() -> None:
    """The label beside the track is not part of it: a click there only focuses."""
    app = SliderApp(value=3)
    async with app.run_test(size=(100, 10)) as pilot:
        slider = app.query_one(MoodSlider)
        left = slider.content_region.x - slider.region.x
        await pilot.click(MoodSlider, offset=(left + track_width(slider) + 8, 1))
        assert slider.value == 3


async def test_dragging_follows_the_mouse_and_stops_at_the_ends() -> None:
    """Pressing on the track and moving the mouse drags the mood, even past the ends."""
    app = SliderApp(value=5)
    async with app.run_test(size=(100, 10)) as pilot:
        slider = app.query_one(MoodSlider)
        left = slider.content_region.x - slider.region.x
        width = track_width(slider)
        await pilot.mouse_down(MoodSlider, offset=(left, 1))
        assert slider.value == 0
        await pilot.hover(MoodSlider, offset=(left + (width - 1) * 3 // 10, 1))
        assert slider.value == 3
        await pilot.hover(MoodSlider, offset=(left + width + 30, 1))
        assert slider.value == 10
        await pilot.mouse_up(MoodSlider, offset=(left + (width - 1) * 8 // 10, 1))
        assert slider.value == 8
        await pilot.hover(MoodSlider, offset=(left, 1))
        assert slider.value == 8, "after the button is released, moving does nothing"


async def test_changed_is_posted_once_per_new_value() -> None:
    """Every change posts Changed with the slider and its value; the same value posts nothing."""
    app = SliderApp(value=5)
    async with app.run_test() as pilot:
        await pilot.press("right", "4", "4", "end", "end")
        await pilot.pause()
        assert app.changes == [("mood", 6), ("mood", 4), ("mood", 10)]


async def test_labels_can_be_given() -> None:
    """A screen may pass its own eleven labels."""
    labels = [f"label {n}" for n in range(11)]

    class Labelled(App[None]):
        def compose(self) -> ComposeResult:
            yield MoodSlider(2, labels=labels)

    app = Labelled()
    async with app.run_test():
        assert app.query_one(MoodSlider).render().plain.rstrip().endswith("label 2")


async def test_digits_are_described_but_not_in_the_footer() -> None:
    """Every slider binding has a description for help; none crowds the footer."""
    for binding in MoodSlider.BINDINGS:
        assert binding.description  # type: ignore[union-attr]
        assert binding.show is False  # type: ignore[union-attr]


class TestSliderLooks:
    """The slider at a low and a high mood, in a dark and a light theme."""

    def test_low_dark(self, snap_compare) -> None:
        """Mood 1 in textual-dark: a short filled track, the knob near the start, the label."""
        assert snap_compare(SliderApp(1, "textual-dark"), terminal_size=(100, 5))

    def test_high_dark(self, snap_compare) -> None:
        """Mood 9 in textual-dark: the knob near the end, "Good" beside it."""
        assert snap_compare(SliderApp(9, "textual-dark"), terminal_size=(100, 5))

    def test_low_light(self, snap_compare) -> None:
        """Mood 1 in textual-light: the track and label stay readable on a light background."""
        assert snap_compare(SliderApp(1, "textual-light"), terminal_size=(100, 5))

    def test_not_set(self, snap_compare) -> None:
        """Never moved: a plain track with a faint ring at the middle, and "not set"."""
        assert snap_compare(SliderApp(None, "textual-dark"), terminal_size=(100, 5))

    def test_high_light(self, snap_compare) -> None:
        """Mood 9 in textual-light: the filled part is clearly set apart from the rest."""
        assert snap_compare(SliderApp(9, "textual-light"), terminal_size=(100, 5))


async def test_every_builtin_theme_sets_the_filled_track_apart() -> None:
    """In each built-in theme, light or dark, the filled track and the knob differ from the rest."""
    app = SliderApp(4)
    async with app.run_test() as pilot:
        slider = app.query_one(MoodSlider)
        themes = sorted(app.available_themes)
        assert "textual-light" in themes and "ansi-light" in themes
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            style = slider.get_component_rich_style
            filled = style("mood-slider--filled").color
            rest = style("mood-slider--rest").color
            assert filled != rest, theme
            label = style("mood-slider--label").color
            # The ANSI themes leave both to the terminal's own defaults, which always contrast.
            assert label.is_default or label != slider.rich_style.bgcolor, theme
