"""The No Contact Coach app: home underneath, stages and the rest opened over it."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import partial
from typing import ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme

from tui.content.moods import load_moods
from tui.messages import EncryptionAsked, OpenReview, OpenSettings, OpenStage, ShowStoreNotices
from tui.screens.blank import BlankScreen
from tui.screens.home import HomeScreen
from tui.store import preferences, setting_keys
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.trial import show_trial_notice

NOTICE_TIMEOUT = 60
"""Seconds a kept-aside file's notice stays up: long enough to read it twice."""

SINGLE_MODALS = {"help": "HelpScreen", "mood_log": "MoodLogScreen"}
"""Actions whose modal is never opened over itself, with that modal's class name."""
UNDO_SCREENS = {"HomeScreen", "ReviewScreen", "RecordDetailScreen", "TrashScreen"}
"""Where `u` undoes the last change: the screens that show entries, never a stage or a form."""
WHILE_LOCKED = {"help", "support", "toggle_blank", "quit"}
"""What works before an encrypted journal is unlocked: nothing that reads it."""
INBOX_SECONDS = 2.0
"""How often an unlocked journal merges what a shell wrote into its inbox meanwhile."""


class NoContactApp(App[None]):
    """A calm coach for the weeks after a breakup, with every record kept on this machine."""

    TITLE = "No Contact Coach"
    DEFAULT_MODE = "home"
    """Home is a mode, not the default screen: a mode's screen gets its CSS_PATH loaded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        # f1 also works over modals and in text fields, where "?" is a character to type.
        Binding("f1", "help", "Help", show=False, priority=True),
        Binding("m", "mood_log", "Log mood"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True),
        Binding("f2", "support", "Support", priority=True),
        Binding("f12", "toggle_blank", "Blank screen", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("u", "undo", "Undo the last change", show=False),
    ]

    def __init__(
        self,
        store: Store,
        initial_stage: int | None = None,
        debug: bool = False,
        greet: bool = False,
    ) -> None:
        super().__init__()
        self.add_mode(self.DEFAULT_MODE, self.first_screen)
        self.store = store
        """Where every record is read and written."""
        self.initial_stage = initial_stage
        """A stage to open straight away, from `nocontact stage N`."""
        self.show_tracebacks = debug
        """Whether a crash shows its traceback (`nocontact --debug`)."""
        self.blank = BlankScreen()
        """Made up front, so the first f12 blanks as fast as every later one."""
        # Textual adds a screen's DEFAULT_CSS when the screen is first shown, and parses
        # every rule again then: most of a first f12's half second. Added now, the blank
        # screen's rules are parsed with the rest at start-up.
        for location, css, tie_breaker, scope in self.blank._get_default_css():
            self.stylesheet.add_source(
                css, location, is_default_css=True, tie_breaker=tie_breaker, scope=scope
            )
        self.greet = greet
        """Whether to open with the welcome (a first run) or a question about a plan.

        `nocontact` does; tests and screenshots ask for it when they show those.
        """

    def _fatal_error(self) -> None:
        # Textual's own crash report lists local variables, which can hold what a person
        # wrote; say what happened in one line, and give the bare traceback only on --debug.
        import sys

        from rich.segment import Segments
        from rich.text import Text
        from rich.traceback import Traceback

        error = sys.exc_info()[1]
        report = (
            Traceback(show_locals=False, width=None)
            if self.show_tracebacks
            else Text(
                f"nocontact: the app stopped on an unexpected error ({type(error).__name__}). "
                "Everything saved before it is safe. Run with --debug for details."
            )
        )
        self.bell()
        self._exit_renderables.append(Segments(self.console.render(report, self.console.options)))
        self._close_messages_no_wait()

    def first_screen(self) -> Screen:
        """Home, or on an encrypted journal not unlocked yet a screen showing nothing of it."""
        if self.store.locked:
            from tui.screens.unlock import LockedScreen

            return LockedScreen()
        return HomeScreen(self.store)

    def on_mount(self) -> None:
        show_trial_notice(self, self.store.root)
        self.install_screen(self.blank, "blank")
        if self.store.locked:
            self.unlock()
        else:
            self.opened()

    @work
    async def unlock(self) -> None:
        """Ask for the passphrase once, then show home (the dialog's Quit ends the app)."""
        from tui.screens.unlock import UnlockDialog

        if await self.push_screen_wait(UnlockDialog(self.store)):
            await self.push_screen(HomeScreen(self.store))
            self.opened()

    def opened(self) -> None:
        """The journal can be read: say what needs saying, open a stage if one was asked for."""
        self.show_notices()
        # Also on a plain journal: it may be encrypted from the palette while open.
        self.set_interval(INBOX_SECONDS, self.merge_inbox)
        self.use_saved_theme()
        if self.initial_stage is not None:
            self.action_open_stage(self.initial_stage)
        elif self.greet:
            from tui.screens.arrival import greet

            greet(self, self.store)

    def merge_inbox(self) -> None:
        """Merge what `nocontact log` (or urge, slip) wrote while this window was open."""
        from tui.store.inbox import pending

        if self.store.sealed and not self.store.locked and pending(self.store.root):
            self.run_worker(self._merge_inbox, thread=True, exclusive=True, group="inbox")

    def _merge_inbox(self) -> None:
        """In a thread: merge the inbox, then show what came in (or why it could not)."""
        from tui.store.store import StoreError

        try:
            merged = self.store.merge_inbox()
        except StoreError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        if merged:
            self.call_from_thread(self._merged)

    def _merged(self) -> None:
        if isinstance(self.screen, HomeScreen):
            self.screen.reload()
        self.show_notices()

    def use_saved_theme(self) -> None:
        """Start in the theme last chosen, and remember every change of it from now on."""
        saved = preferences.current(setting_keys.THEME, self.store.setting(setting_keys.THEME))
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self.remember_theme)

    def remember_theme(self, theme: Theme) -> None:
        if self.store.setting(setting_keys.THEME) == theme.name:
            return
        try:
            self.store.set_setting(setting_keys.THEME, theme.name)
        except (StoreError, ValidationError) as error:
            self.notify(str(error), title="Theme not kept", severity="warning")

    def show_notices(self) -> None:
        """Tell, once each, of files the store could not read and kept aside."""
        for notice in self.store.notices:
            self.notify(
                notice, title="A file was kept aside", severity="warning", timeout=NOTICE_TIMEOUT
            )
        self.store.notices.clear()

    # -- what screens ask for ------------------------------------------------

    @on(OpenStage)
    def stage_asked(self, message: OpenStage) -> None:
        self.action_open_stage(message.number)

    @on(OpenReview)
    def review_asked(self) -> None:
        self.action_review()

    @on(OpenSettings)
    def settings_asked(self) -> None:
        self.action_settings()

    @on(EncryptionAsked)
    def encryption_asked(self, message: EncryptionAsked) -> None:
        from tui.commands.vault import FLOWS

        self.run_worker(FLOWS[message.flow](self, self.store), exclusive=True, group="vault")

    @on(ShowStoreNotices)
    def notices_found(self) -> None:
        self.show_notices()

    # -- moving between screens ----------------------------------------------

    def action_go_home(self) -> bool:
        """Close everything above home; what was typed is kept as a draft. False if it could not."""
        from tui.screens.drafting import KeepsDraft

        # Home is the bottom screen, or just above the locked screen of an encrypted journal.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            top = self.screen
            if isinstance(top, KeepsDraft):
                top.action_leave()  # keeps a draft, then closes itself
                if self.screen is top:
                    return False  # the draft could not be kept: stay, and the screen said why
            else:
                self.pop_screen()
        return True

    def open_screen(self, make_screen: Callable[[], Screen]) -> None:
        """Open a screen straight over home, made only after whatever was open has closed."""
        # Made afterwards, so a stage reopened from itself finds the draft it just kept.
        if self.action_go_home():
            self.push_screen(make_screen())

    def action_open_stage(self, number: int) -> None:
        """Open stage `number` (1-5) over home."""
        from tui.screens.stage import stage_screen

        self.open_screen(partial(stage_screen, number, self.store))

    def action_settings(self) -> None:
        """Open the settings over home."""
        from tui.content.settings_text import load_settings_text
        from tui.content.support import load_support
        from tui.screens.settings import SettingsScreen

        self.open_screen(partial(SettingsScreen, self.store, load_settings_text(), load_support()))

    def action_review(self) -> None:
        """Open history and review over home."""
        from tui.screens.review import ReviewScreen

        self.open_screen(partial(ReviewScreen, self.store))

    def action_open_trash(self) -> None:
        """Open the trash, over whatever is open (history, say)."""
        from tui.screens.trash import TrashScreen

        if type(self.screen).__name__ != "TrashScreen":
            self.push_screen(TrashScreen(self.store))

    # -- actions -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A second help or mood modal over the first would only confuse. Compared by name,
        # so the check runs on every key without importing screens home does not show.
        if action not in WHILE_LOCKED and self.store.locked:
            return False
        if action == "undo":
            return type(self.screen).__name__ in UNDO_SCREENS
        already_open = SINGLE_MODALS.get(action)
        return not (already_open and type(self.screen).__name__ == already_open)

    def action_help(self) -> None:
        """Show every binding of the app and of the screen in front."""
        from tui.screens.help import HelpScreen, binding_sections

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(binding_sections(self, self.screen)))

    def action_mood_log(self) -> None:
        """Open the quick mood log; a screen with a log of its own (a stage) opens that one."""
        from tui.screens.mood_log import MoodLogScreen

        # The palette's "Log mood" lands here even over a stage, whose log starts from the
        # mood its slider holds, as its own m key does.
        own_log = getattr(self.screen, "action_mood_log", None)
        if own_log is not None:
            own_log()
            return
        if not isinstance(self.screen, MoodLogScreen):
            self.push_screen(MoodLogScreen(self.store, load_moods()))

    def action_undo(self) -> None:
        """Undo the last change to an entry (made here, in another window or the shell)."""
        from tui.screens.entry_actions import undo_last

        undo_last(self, self.store)

    async def action_quit(self) -> None:
        """Quit; a stage or dialog with unsaved words keeps them as a draft and says so."""
        from tui.screens.drafting import keep_drafts_before_quit

        go, kept = keep_drafts_before_quit(self)
        if go:
            self.exit(message=kept)

    def action_support(self) -> None:
        """Open the support panel: crisis lines, the safety plan, specialist help."""
        from tui.commands.care import open_support

        open_support(self, self.store)

    def action_toggle_blank(self) -> None:
        """Blank the screen at once (someone walked in); the same key brings it back."""
        if self.screen is self.blank:
            self.pop_screen()
        else:
            self.push_screen(self.blank)

    # -- command palette -----------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        from tui.commands.palette import palette_commands

        yield from palette_commands(self, self, self.store)


def create_app(
    data_dir: str | os.PathLike[str] | None = None,
    initial_stage: int | None = None,
    debug: bool = False,
    greet: bool = False,
) -> NoContactApp:
    """The app on a data dir (or the usual one): one factory for the CLI, tests, screenshots."""
    return NoContactApp(
        store=Store.open(data_dir), initial_stage=initial_stage, debug=debug, greet=greet
    )
