"""Settings: where you are, quiet mode, colours, the check-in time and what the prompt shows.

The same five settings as `nocontact config`, each saved the moment it changes. The
theme is set on the app, which remembers it (tui/app.py), as it does for the palette's.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label, Select, Static

from tui.content.settings_text import SettingsText
from tui.content.support import Support
from tui.content.vault import vault_text
from tui.messages import EncryptionAsked
from tui.store import setting_keys
from tui.store.preferences import CHOSEN, THEMES
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError

PROMPT_CHOICES = ("day,mood", "day", "mood", "off")
"""What the prompt can show, as `config prompt` takes it, in the order offered."""


class SettingsScreen(Screen[None]):
    """Every setting with what it means; a change is saved at once."""

    DEFAULT_CSS = """
    SettingsScreen {
        align-horizontal: center;
    }
    SettingsScreen > #settings-box {
        width: 100;
        max-width: 100%;
        height: 1fr;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        padding: 0 1;
    }
    SettingsScreen #settings-intro, SettingsScreen .setting-about, SettingsScreen #settings-saved {
        color: $text-muted;
    }
    SettingsScreen .setting-row {
        height: auto;
        margin-top: 1;
    }
    SettingsScreen .setting-row Label {
        width: 20;
        text-style: bold;
    }
    SettingsScreen .setting-row Select {
        width: 36;
    }
    SettingsScreen .setting-row Input {
        width: 12;
    }
    SettingsScreen .setting-about {
        padding-left: 20;
    }
    SettingsScreen #settings-buttons {
        height: auto;
        align-horizontal: right;
    }
    SettingsScreen #settings-saved {
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, store: Store, text: SettingsText, support: Support) -> None:
        super().__init__()
        self.store = store
        self.text = text
        self.support = support
        self.values = {
            key: preference.current(store.setting(key)) for key, preference in CHOSEN.items()
        }
        """Each setting as saved now (its default when none is)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-box") as box:
            box.border_title = self.text.title
            with VerticalScroll(id="settings-scroll"):
                yield Static(self.text.intro, id="settings-intro", markup=False)
                for key in CHOSEN:
                    with Horizontal(classes="setting-row"):
                        yield Label(self.text.settings[key].label)
                        yield self.field(key)
                    about = self.text.settings[key].about
                    yield Static(about, classes="setting-about", markup=False)
                yield from self.encryption_row()
            with Horizontal(id="settings-buttons"):
                yield Static(id="settings-saved")
                close = Button(
                    self.text.close, id="settings-close", variant="primary", compact=True
                )
                yield close
        yield Footer()

    def encryption_row(self) -> ComposeResult:
        """Encryption's own buttons: each opens the same dialogs as the palette's entries."""
        flows = ("passphrase", "decrypt") if self.store.sealed else ("encrypt",)
        with Horizontal(classes="setting-row"):
            yield Label(vault_text("settings_label"))
            for flow in flows:
                yield Button(vault_text(f"{flow}_button"), id=f"vault-{flow}", compact=True)
        about = vault_text("settings_sealed" if self.store.sealed else "settings_plain")
        yield Static(about, classes="setting-about", markup=False)

    @on(Button.Pressed, "#vault-encrypt, #vault-decrypt, #vault-passphrase")
    def encryption_asked(self, event: Button.Pressed) -> None:
        flow = (event.button.id or "").removeprefix("vault-")
        self.action_close()
        self.app.post_message(EncryptionAsked(flow))

    def field(self, key: str) -> Widget:
        """The widget that shows and changes one setting, with the setting's key as its id."""
        value = self.values[key]
        if key == setting_keys.CHECKIN:
            placeholder = self.text.checkin_placeholder
            return Input(str(value), placeholder=placeholder, id=key, compact=True)
        options: list[tuple[str, str]]
        if key == setting_keys.COUNTRY:
            options = [(country.name, country.code) for country in self.support.countries]
            value = self.support.country(value).code
        elif key == setting_keys.THEME:
            options = [(name, name) for name in THEMES]
        elif key == setting_keys.QUIET:
            options = [(self.text.choices[choice], choice) for choice in ("off", "on")]
            value = CHOSEN[key].show(value)
        else:
            options = [(self.text.choices[choice], choice) for choice in PROMPT_CHOICES]
            value = CHOSEN[key].show(value)
        return Select(options, value=value, allow_blank=False, compact=True, id=key)

    def save(self, key: str, value: Any) -> None:
        """Save one setting if it changed, and say so quietly (or why not, clearly)."""
        if value == self.values[key]:
            return
        try:
            self.store.set_setting(key, value)
        except (StoreError, ValidationError) as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        self.values[key] = value
        self.query_one("#settings-saved", Static).update(self.text.saved)

    @on(Select.Changed)
    def select_changed(self, event: Select.Changed) -> None:
        key = event.select.id or ""
        if not isinstance(event.value, str) or key not in CHOSEN:
            return
        if key == setting_keys.THEME:
            # The app saves the theme whenever it changes, from here or from the palette.
            self.values[key] = event.value
            self.app.theme = event.value
        elif key in (setting_keys.PROMPT, setting_keys.QUIET):
            self.save(key, CHOSEN[key].parse(event.value))
        else:
            self.save(key, event.value)

    @on(Input.Submitted, "#checkin")
    @on(Input.Blurred, "#checkin")
    def keep_checkin(self) -> None:
        """Save the check-in time as typed: on enter, on leaving the field, and on closing."""
        field = self.query_one(f"#{setting_keys.CHECKIN}", Input)
        try:
            value = CHOSEN[setting_keys.CHECKIN].parse(field.value)
        except ValidationError as error:
            self.notify(str(error), title="Not saved", severity="warning")
            return
        field.value = CHOSEN[setting_keys.CHECKIN].show(value)
        self.save(setting_keys.CHECKIN, value)

    @on(Button.Pressed, "#settings-close")
    def action_close(self) -> None:
        """Close, keeping a check-in time typed but not yet entered (escape keeps what is
        typed, everywhere)."""
        self.keep_checkin()
        self.dismiss()
