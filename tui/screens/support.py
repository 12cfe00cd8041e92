"""The support panel: crisis lines for the person's country, their safety plan, specialist help."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Label, Select, Static

from tui.content.insights import load_insight_text
from tui.content.support import ANYWHERE, Country, Line, Support
from tui.screens.helped import show_helped_lately
from tui.screens.safety_plan import SafetyPlanScreen, read_safety_plan
from tui.store import setting_keys
from tui.store.store import Store, StoreError
from tui.widgets.helped_list import HelpedList

OFFER_SECONDS = 15
"""How long the offer stays on screen: long enough to read twice, then it goes."""


def offer_support(app: App[Any], text: str) -> None:
    """A quiet notification that the support panel is one key away; it never blocks."""
    app.notify(text, title="Support", timeout=OFFER_SECONDS)


def line_text(line: Line) -> Content:
    """One line: "name  contact" in bold, when it is open and its cost, and what it is for."""
    return Content.assemble(
        (line.name, "bold"),
        "  ",
        (line.contact, "bold $accent"),
        "\n",
        f"{line.open}. {line.cost}.",
        "\n",
        (line.about, "dim"),
    )


def emergency_text(support: Support, country: Country) -> Content:
    """The sentence that says when to call the emergency number, with the number in bold."""
    before, _, after = support.danger.partition("{emergency}")
    return Content.assemble(before, (country.emergency, "bold $error"), after)


class SupportScreen(Screen[None]):
    """Where to turn, by country, beside the person's own safety plan; never in the way."""

    DEFAULT_CSS = """
    SupportScreen {
        align-horizontal: center;
    }
    SupportScreen > #support-box {
        width: 100;
        max-width: 100%;
        height: 1fr;
        border: round $primary;
        padding: 0 1;
    }
    SupportScreen #support-scroll {
        height: 1fr;
    }
    SupportScreen .intro, SupportScreen .quiet {
        color: $text-muted;
    }
    SupportScreen .support-heading {
        color: $primary;
        text-style: bold;
        margin-top: 1;
    }
    SupportScreen #country-row {
        height: auto;
        margin-top: 1;
    }
    SupportScreen #country-row Label {
        padding-right: 1;
    }
    SupportScreen #country {
        width: 30;
    }
    SupportScreen #crisis-lines, SupportScreen #abuse-lines {
        height: auto;
    }
    SupportScreen #emergency {
        margin-top: 1;
    }
    SupportScreen .line {
        margin-top: 1;
        padding-left: 2;
    }
    SupportScreen #support-buttons {
        height: auto;
        align-horizontal: right;
    }
    SupportScreen #support-buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("e", "edit_plan", "Edit my safety plan"),
    ]

    def __init__(self, store: Store, support: Support) -> None:
        super().__init__()
        self.store = store
        self.support = support
        # Before an encrypted journal is unlocked its settings cannot be read: the lines for
        # anywhere are shown, and the plan once it is open.
        country = None if store.locked else store.setting(setting_keys.COUNTRY, ANYWHERE)
        self.country = support.country(country)
        self.helped_title = load_insight_text().say("helped", "intro")

    def compose(self) -> ComposeResult:
        with Vertical(id="support-box") as box:
            box.border_title = self.support.title
            with VerticalScroll(id="support-scroll"):
                yield Static(self.support.intro, classes="intro", markup=False)
                with Horizontal(id="country-row"):
                    yield Label("Where you are:")
                    yield Select(
                        [(country.name, country.code) for country in self.support.countries],
                        value=self.country.code,
                        allow_blank=False,
                        compact=True,
                        id="country",
                    )
                yield Static(emergency_text(self.support, self.country), id="emergency")
                yield Vertical(*self.line_widgets(self.country.lines), id="crisis-lines")
                yield Static(self.support.trusted, classes="line", markup=False)
                directory = Static(
                    self.support.directory, id="directory", classes="quiet line", markup=False
                )
                # "Anywhere" already lists the directory among its lines.
                directory.display = self.country.code != ANYWHERE
                yield directory
                yield Label(self.support.safety_plan.title, classes="support-heading")
                yield Static(self.plan_text(), id="plan", classes="line")
                yield HelpedList(self.helped_title, id="helped", classes="line")
                yield Label(self.support.abuse_title, classes="support-heading")
                yield Static(self.support.abuse_note, classes="line", markup=False)
                yield Vertical(*self.line_widgets(self.country.abuse_lines), id="abuse-lines")
                yield Static(self.support.not_therapy, classes="quiet line", markup=False)
            # The order every dialog has: the main action first, then the others.
            with Horizontal(id="support-buttons"):
                yield Button("Close", id="close", variant="primary")
                yield Button("Edit my safety plan", id="edit-plan")
        yield Footer()

    def on_mount(self) -> None:
        if not self.store.locked:  # a locked journal's entries cannot be read yet
            show_helped_lately(self, self.store)  # beside the plan, once read, if anything helped

    def line_widgets(self, lines: tuple[Line, ...]) -> list[Static]:
        return [Static(line_text(line), classes="line") for line in lines]

    def plan_text(self) -> Content:
        """The saved safety plan, part by part, or a kind word that there is none yet."""
        if self.store.locked:
            from tui.content.vault import vault_text

            return Content.styled(vault_text("plan_locked"), "dim")
        plan = read_safety_plan(self.store)
        parts = [
            (field.label, plan[field.key])
            for field in self.support.safety_plan.fields
            if plan.get(field.key, "").strip()
        ]
        if not parts:
            return Content.styled(self.support.safety_plan.empty, "dim")
        return Content("\n\n").join(
            Content.assemble((label, "bold"), "\n", text) for label, text in parts
        )

    @on(Select.Changed, "#country")
    async def country_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self.country.code:
            return
        before = self.country.code
        self.country = self.support.country(event.value)
        try:
            # A locked journal's settings cannot be read: the lines show, the choice is not kept.
            if not self.store.locked:
                self.store.edit_setting(setting_keys.COUNTRY, before, self.country.code)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error")
        self.query_one("#emergency", Static).update(emergency_text(self.support, self.country))
        self.query_one("#directory", Static).display = self.country.code != ANYWHERE
        for container, lines in (
            ("#crisis-lines", self.country.lines),
            ("#abuse-lines", self.country.abuse_lines),
        ):
            holder = self.query_one(container, Vertical)
            await holder.remove_children()
            await holder.mount_all(self.line_widgets(lines))

    @work
    async def action_edit_plan(self) -> None:
        """Open the safety-plan editor; show the plan again once it is saved."""
        if self.store.locked:
            return
        if await self.app.push_screen_wait(SafetyPlanScreen(self.store, self.support)):
            self.query_one("#plan", Static).update(self.plan_text())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-plan":
            self.action_edit_plan()
        else:
            self.dismiss()
