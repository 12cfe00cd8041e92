"""What the app looks like on an encrypted journal: the passphrase asked for, and encrypting."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static
from vault_helpers import as_another_process, encrypt, fill_with_secrets

from tui.app import create_app
from tui.screens.unlock import UnlockDialog
from tui.screens.vault_dialogs import EncryptDialog


async def until(pilot: Pilot[None], done: object, seconds: float = 30) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():  # type: ignore[operator]
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


def still(pilot: Pilot[None]) -> None:
    """No blinking cursor, so the picture is the same every run."""
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


def locked_journal(data_dir: Path) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)


class TestUnlock:
    """The app opened on an encrypted journal."""

    def test_asked_for_the_passphrase(self, snap_compare, data_dir: Path) -> None:
        """Nothing of the journal behind the dialog; its field has focus; Quit beside Open."""
        locked_journal(data_dir)

        async def asked(pilot: Pilot[None]) -> None:
            await until(pilot, lambda: isinstance(pilot.app.screen, UnlockDialog))
            still(pilot)
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=(80, 24), run_before=asked)

    def test_after_a_wrong_passphrase(self, snap_compare, data_dir: Path) -> None:
        """One kind sentence under an emptied field, ready for another try."""
        locked_journal(data_dir)

        async def wrong(pilot: Pilot[None]) -> None:
            await until(pilot, lambda: isinstance(pilot.app.screen, UnlockDialog))
            await pilot.press(*"not my passphrase", "enter")
            status = pilot.app.screen.query_one("#unlock-status", Static)
            await until(pilot, lambda: "does not open" in str(status.render()))
            field = pilot.app.screen.query_one("#passphrase", Input)
            await until(pilot, lambda: field.has_focus)  # given back for another try
            # Only now: the field lost focus while disabled, which hid its cursor, and
            # stopping the blink shows it again for good.
            still(pilot)
            await pilot.pause()

        assert snap_compare(create_app(data_dir), terminal_size=(100, 32), run_before=wrong)


class TestEncrypt:
    """Encrypting from the command palette."""

    async def _asked(self, pilot: Pilot[None]) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Encrypt your journal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, EncryptDialog))
        still(pilot)
        await pilot.pause()

    def test_what_it_means_first(self, snap_compare, data_dir: Path) -> None:
        """The warning point by point, the recovery key offered, a passphrase twice."""
        assert snap_compare(create_app(data_dir), terminal_size=(100, 32), run_before=self._asked)

    def test_at_80_by_24(self, snap_compare, data_dir: Path) -> None:
        """On a small terminal the warning still shows from its start; the fields scroll."""
        assert snap_compare(create_app(data_dir), terminal_size=(80, 24), run_before=self._asked)
