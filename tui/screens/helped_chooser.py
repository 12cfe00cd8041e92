"""What has helped, offered for the safety plan's "What helps me": the person picks."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from tui.content.insights import InsightText, load_insight_text
from tui.insight_facts import read_facts
from tui.insight_report import insight_report
from tui.screens.dialog import Dialog
from tui.store.store import Store, StoreError
from tui.what_helped import Helper


def not_in(helpers: list[Helper], written: str) -> list[Helper]:
    """The helpers whose words the plan does not hold yet (in any case)."""
    held = written.casefold()
    return [helper for helper in helpers if helper.text.casefold() not in held]


class HelpedChooser(Dialog[list[str] | None]):
    """What has helped, from all of history, each ticked or not; dismisses with the words
    of those ticked (an empty list when none are), or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "add", "Add to my plan"),
        Binding("escape", "dismiss(None)", "Close"),
    ]

    DEFAULT_CSS = """
    HelpedChooser {
        & > #dialog { width: 90; }
        #helped-intro { color: $text-muted; margin-bottom: 1; }
        #helped-choices { height: auto; max-height: 12; border: none; padding: 0; }
        #helped-choices.-waiting { display: none; }
        #helped-status { margin-bottom: 1; }
        #helped-status.-done { display: none; }
    }
    """

    def __init__(self, store: Store, written: str) -> None:
        super().__init__()
        self.store = store
        self.written = written
        """What "What helps me" holds now: what is in it already is not offered again."""
        self.text: InsightText = load_insight_text()
        self.dialog_title = self.text.say("helped", "offer_title")

    def compose_body(self) -> ComposeResult:
        yield Static(self.text.say("helped", "offer_intro"), id="helped-intro", markup=False)
        yield Static(self.text.say("helped", "offer_reading"), id="helped-status", markup=False)
        yield SelectionList[str](id="helped-choices", classes="-waiting")

    def buttons(self) -> list[Button]:
        return [Button("Add to my plan", id="helped-add"), Button("Close", id="helped-close")]

    def on_mount(self) -> None:
        self.run_worker(self._read, thread=True, group="helped", exclusive=True)

    def _read(self) -> None:
        """What has helped over all of history, read a month at a time off the screen."""
        try:
            helped = list(insight_report(read_facts(self.store), text=self.text).helped)
        except (StoreError, OSError):
            self.app.call_from_thread(self._say, self.text.say("helped", "unreadable"))
            return
        self.app.call_from_thread(self._offer, helped)

    def _say(self, sentence: str) -> None:
        self.query_one("#helped-status", Static).update(sentence)

    def _offer(self, helped: list[Helper]) -> None:
        offered = not_in(helped, self.written)
        if not offered:
            key = "offer_all_in" if helped else "offer_none"
            self._say(self.text.say("helped", key))
            return
        choices = self.query_one("#helped-choices", SelectionList)
        choices.add_options(Selection(helper.sentence, helper.text) for helper in offered)
        choices.remove_class("-waiting")
        self.query_one("#helped-status").add_class("-done")
        choices.focus()

    def action_add(self) -> None:
        """Close with the words of what was ticked, in the order shown."""
        choices = self.query_one("#helped-choices", SelectionList)
        self.dismiss(list(choices.selected))

    @on(Button.Pressed, "#helped-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_add()

    @on(Button.Pressed, "#helped-close")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)
