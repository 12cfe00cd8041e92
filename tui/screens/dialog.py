"""The one frame every dialog shares, and the dialog whose typed words are kept as a draft.

Every dialog is a box in the middle of the screen with its title in the border and its
buttons at the bottom right, the main action first (as terminal dialogs have it), then
the others; on a short terminal its words scroll and the buttons stay in sight. A
FormDialog adds the one rule for escape: it closes and keeps what was typed as a draft,
there again the next time the dialog opens; a save clears it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, RadioSet, SelectionList, TextArea

from tui.clock import now
from tui.screens.drafting import DRAFT_ERRORS, DraftKeeper, KeepsDraft
from tui.screens.stage_fields import read_answer, restore_answer
from tui.store.records import FormDraft, new_id
from tui.store.store import Store, StoreError
from tui.store.validation import ValidationError
from tui.widgets.activity_keys import ActivityKeys
from tui.widgets.mood_slider import MoodSlider

T = TypeVar("T")

ESCAPE_KEEPS = "Close, keep draft"
"""What escape does in every dialog and stage with something typed, as the footer says it."""

KEPT_FROM_LAST_TIME = "kept from last time"
"""The dialog's lower border while it shows a draft brought back."""


class Dialog(ModalScreen[T]):
    """A box in the middle of the screen, over whatever was there."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > #dialog {
            width: 84;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $primary;
            border-subtitle-color: $text-muted;
            background: $surface;
            padding: 0 1;
        }
        /* The words scroll on a short terminal; the buttons, docked, stay in sight. */
        #dialog-body { height: auto; max-height: 100%; }
        .dialog-hint { color: $text-muted; }
        .dialog-buttons { height: auto; align-horizontal: right; dock: bottom; }
        .dialog-buttons Button { margin-left: 2; }
    }
    """

    dialog_title = ""
    """The title in the box's border."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = self.dialog_title
            with VerticalScroll(id="dialog-body", can_focus=False):
                yield from self.compose_body()
            main, *others = self.buttons()
            main.variant = "primary"
            # The one order used everywhere, as terminal dialogs have it: the main action
            # first, then the others.
            yield Horizontal(main, *others, classes="dialog-buttons")
        yield Footer()

    def compose_body(self) -> ComposeResult:
        """What the box holds above its buttons."""
        yield from ()

    def buttons(self) -> list[Button]:
        """The dialog's buttons, the main action first."""
        raise NotImplementedError


FIELD_KINDS = (Input, TextArea, MoodSlider, RadioSet, SelectionList, ActivityKeys)
"""The widgets whose content a dialog's draft keeps, each found by its id."""


def held(widget: Widget) -> Any:
    """What a dialog's field holds, as it is: text untrimmed, a slider's None kept."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    return read_answer(widget)


def put_back(widget: Widget, value: Any) -> None:
    """Put what `held` read back into its field; a value of the wrong shape is left out."""
    if isinstance(widget, MoodSlider) and value is None:
        widget.value = None
    elif isinstance(widget, SelectionList) and value is None:
        widget.deselect_all()
    elif value is not None:
        restore_answer(widget, value)


class FormDialog(KeepsDraft, Dialog[T]):
    """A dialog with fields: ctrl+s (or enter) saves; escape closes and keeps a draft."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Save"),
        Binding("escape", "leave", ESCAPE_KEEPS),
    ]

    form_name: str = ""
    """The name this dialog's draft is kept under in drafts.json (an edit's names its entry)."""

    refusals: ClassVar[tuple[type[Exception], ...]] = (ValidationError, StoreError)
    """What `save` raises to refuse, each with one sentence for the person."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.owner = new_id()
        """This dialog's own token: its draft is written and removed under it only."""
        self.draft_keeper: DraftKeeper[dict[str, Any]] | None = None

    # -- what a subclass gives -------------------------------------------------

    def save(self) -> T:
        """Write what the form holds through the Store and return it; raise to refuse."""
        raise NotImplementedError

    def after_save(self, saved: T) -> None:
        """A word after a successful save (a notification, an offer of support)."""

    def refused(self, error: Exception) -> None:
        """Say why the form could not be saved; a subclass shows it where it fits."""
        self.notify(str(error), title="Not saved", severity="error", timeout=30)

    def brought_back(self) -> None:
        """Called once a draft has been put back in the fields."""

    def buttons(self) -> list[Button]:
        return [Button("Save", id="save"), Button("Close", id="close")]

    # -- drafts ----------------------------------------------------------------

    def field_widgets(self) -> Iterable[Widget]:
        """The fields a draft keeps: every input, text area, slider and choice with an id."""
        return (widget for widget in self.query("*") if isinstance(widget, FIELD_KINDS))

    def field_values(self) -> dict[str, Any]:
        """What each field holds now, exactly as typed (a field emptied stays empty), by id."""
        return {widget.id: held(widget) for widget in self.field_widgets() if widget.id}

    def on_mount(self) -> None:
        blank = self.field_values()
        on_disk = None
        offered = self.store.form_draft(self.form_name)
        if offered is not None:
            try:
                taken = self.store.take_form_draft(offered, self.owner)
            except DRAFT_ERRORS as error:
                self.notify(str(error), title="Draft not taken up", severity="warning")
                taken = offered
            widgets = {widget.id: widget for widget in self.field_widgets() if widget.id}
            for key, value in taken.values.items():
                if key in widgets:
                    put_back(widgets[key], value)
            on_disk = self.field_values()
            self.query_one("#dialog").border_subtitle = KEPT_FROM_LAST_TIME
            self.brought_back()
        self.draft_keeper = DraftKeeper(
            f"what you typed in “{self.dialog_title}”, there when you open it again",
            self.field_values,
            lambda values: values == blank,
            self._write_draft,
            lambda: self.store.discard_form_draft(self.form_name, self.owner),
        )
        self.draft_keeper.start(self, on_disk)

    def _write_draft(self, values: dict[str, Any]) -> None:
        self.store.save_form_draft(FormDraft(self.form_name, now(), values, self.owner))

    # -- saving and leaving ----------------------------------------------------

    def action_submit(self) -> None:
        """Save, clear this dialog's draft and close; or say why not and stay."""
        try:
            saved = self.save()
        except self.refusals as error:
            self.refused(error)
            return
        if self.draft_keeper is not None:
            try:
                self.draft_keeper.forget()
            except DRAFT_ERRORS as error:
                self.notify(f"The old draft is still there: {error}", severity="warning")
        self.after_save(saved)
        self.dismiss(saved)

    def action_leave(self) -> None:
        """Close, keeping what was typed as a draft for the next time this dialog opens."""
        if self.draft_keeper is not None:
            try:
                self.draft_keeper.keep()
            except DRAFT_ERRORS as error:
                self.notify(str(error), title="Draft not kept", severity="error", timeout=12)
                return
            if self.draft_keeper.kept:
                self.notify("Kept for next time.", title=self.dialog_title)
        self.dismiss(None)

    @on(Input.Submitted)
    @on(MoodSlider.Submitted)
    def _enter(self) -> None:
        self.action_submit()

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_submit()

    @on(Button.Pressed, "#close")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_leave()
