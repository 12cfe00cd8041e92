"""The help screen: every key that works where you were, how this works, and where to turn."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from tui.content.help import HelpText, load_help
from tui.content.support import Support, load_support

KEY_COLUMN = 16


@dataclass(frozen=True)
class KeyRow:
    """One line of the key list: the keys, joined, and what they do."""

    keys: str
    description: str


@dataclass(frozen=True)
class KeySection:
    """Keys that belong to one place: this screen, the focused part, or everywhere."""

    title: str
    rows: tuple[KeyRow, ...]


def join_keys(displays: list[str]) -> str:
    """Keys for one row: a run of digits as "1-5", other keys as a list."""
    digits = [int(key) for key in displays if key.isdigit() and len(key) == 1]
    if len(digits) == len(displays) > 2 and digits == list(range(digits[0], digits[-1] + 1)):
        return f"{digits[0]}-{digits[-1]}"
    return " / ".join(displays)


def is_ours(node: object, binding: Binding) -> bool:
    """Whether `binding` is declared by one of our own classes, in our own words.

    Textual's own keys (its text fields', "Focus Next", "Copy selected text") would
    drown ours and speak in a voice that is not the app's, even where our screens
    inherit them.
    """
    for cls in type(node).__mro__:
        if cls.__module__.startswith("tui.") and "BINDINGS" in vars(cls):
            for declared in Binding.make_bindings(vars(cls)["BINDINGS"]):
                if (declared.key, declared.action) == (binding.key, binding.action):
                    return True
    return False


def binding_sections(app: App[Any], screen: Screen[Any]) -> list[KeySection]:
    """Every described binding active on `screen`, grouped by where it comes from."""
    help_text = load_help()
    grouped: dict[tuple[str, str], list[str]] = {}
    found = [(active.node, active.binding) for active in screen.active_bindings.values()]
    if not any(node is app for node, _ in found):
        # Over a modal only the app's priority keys still work; list those, and only those.
        found += [
            (app, binding) for binding in Binding.make_bindings(app.BINDINGS) if binding.priority
        ]
    for node, binding in found:
        if not binding.description or binding.system or not is_ours(node, binding):
            continue
        if node is app:
            place = help_text.section_app
        elif node is screen:
            place = help_text.section_screen
        else:
            place = help_text.section_widget
        keys = grouped.setdefault((place, binding.description), [])
        # The key itself, not a footer's shorthand such as "1-5" on the first of five.
        display = app.get_key_display(replace(binding, key_display=None))
        if display not in keys:
            keys.append(display)
    order = [help_text.section_screen, help_text.section_widget, help_text.section_app]
    return [
        KeySection(
            title=place,
            rows=tuple(
                KeyRow(join_keys(keys), description)
                for (row_place, description), keys in grouped.items()
                if row_place == place
            ),
        )
        for place in order
        if any(row_place == place for row_place, _ in grouped)
    ]


def section_text(section: KeySection) -> Content:
    """A section's rows as aligned "key  description" lines; keys too long for their
    column (the mood log's activity letters) have their description on the next line."""
    lines = [
        Content.assemble(
            (row.keys.ljust(KEY_COLUMN), "bold $accent"),
            "" if len(row.keys) < KEY_COLUMN else "\n" + " " * KEY_COLUMN,
            row.description,
        )
        for row in section.rows
    ]
    return Content("\n").join(lines)


class HelpScreen(Screen[None]):
    """Keys, a short "how this works", and once, kindly, what this app is not."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
    ]

    DEFAULT_CSS = """
    HelpScreen #help-scroll {
        padding: 0 2 1 2;
    }
    HelpScreen #help-body {
        height: auto;
        max-width: 90;
    }
    HelpScreen .title {
        text-style: bold;
        color: $primary;
        margin-top: 1;
    }
    HelpScreen .section {
        text-style: bold;
    }
    HelpScreen .para {
        margin-bottom: 1;
    }
    HelpScreen .keys {
        padding-left: 2;
        margin-bottom: 1;
    }
    HelpScreen .quiet {
        color: $text-muted;
    }
    HelpScreen #safety-lines {
        padding-left: 2;
        margin-top: 1;
    }
    HelpScreen .close {
        margin-top: 1;
    }
    """

    def __init__(
        self,
        sections: list[KeySection],
        text: HelpText | None = None,
        support: Support | None = None,
    ) -> None:
        super().__init__()
        self.sections = sections
        """The keys to list, read from the bindings of the screen help was opened from."""
        self.text = text or load_help()
        self.support = support or load_support()
        """Where the specialist lines come from, so each number is written in one place."""

    def compose(self) -> ComposeResult:
        text = self.text
        with VerticalScroll(id="help-scroll"), Vertical(id="help-body"):
            yield Static(text.keys_title, classes="title")
            yield Static(text.keys_intro, classes="para quiet")
            for section in self.sections:
                yield Static(section.title, classes="section")
                yield Static(section_text(section), classes="keys")
            yield Static(text.how_it_works_title, classes="title")
            yield from self.paragraphs(text.how_it_works)
            yield Static(text.care_title, classes="title")
            yield Static(text.not_therapy, classes="para")
            yield Static(text.safety_title, classes="section")
            yield Static(text.safety)
            yield Static(self.safety_lines(), id="safety-lines")
            yield Static(text.close_hint, classes="close quiet")
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.text.title

    @staticmethod
    def paragraphs(paragraphs: tuple[str, ...]) -> list[Widget]:
        return [Static(paragraph, classes="para") for paragraph in paragraphs]

    def safety_lines(self) -> Content:
        """Every country's abuse and stalking lines, as the support panel lists them."""
        return Content("\n").join(
            Content.assemble(
                f"{country.name}: ",
                (line.name, "bold"),
                "  ",
                (line.contact, "bold $accent"),
                (f"\n  {line.open}. {line.cost}.", "dim"),
            )
            for country in self.support.countries
            for line in country.abuse_lines
        )
