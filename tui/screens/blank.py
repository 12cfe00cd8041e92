"""A neutral screen that hides everything at once, for when someone walks in."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

IDLE_LINE = "$ "
"""What shows instead of the app: an idle shell prompt, as dull as a terminal gets."""


class BlankScreen(Screen[None]):
    """Shows an idle prompt and nothing else; the app's blank key brings everything back.

    Installed once and shown again each time, so it is built before it is first needed.
    """

    AUTO_FOCUS = None

    DEFAULT_CSS = """
    BlankScreen {
        background: $background;
        color: $text-muted;
    }
    BlankScreen ToastHolder {
        /* A notification that arrives while blanked must not show either. */
        display: none;
    }
    BlankScreen > #idle {
        width: 100%;
        height: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.palette_was_enabled = True
        """Whether the command palette was on before blanking, to restore it after."""

    def compose(self) -> ComposeResult:
        yield Static(IDLE_LINE, id="idle", markup=False)

    def on_screen_resume(self) -> None:
        self.app.clear_notifications()
        # The palette's key is a priority binding that would open over the blank screen.
        self.palette_was_enabled = self.app.use_command_palette
        self.app.use_command_palette = False

    def on_screen_suspend(self) -> None:
        self.app.use_command_palette = self.palette_was_enabled

    def on_key(self, event: events.Key) -> None:
        # Every other key is swallowed so nothing of the app can open over the blank.
        event.stop()
        event.prevent_default()
