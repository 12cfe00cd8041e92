"""The app on an encrypted journal: asked once, in a dialog; encryption from the palette."""

from __future__ import annotations

from pathlib import Path

from disk_files import files_under
from textual.pilot import Pilot
from textual.widgets import Button, Input, Static
from vault_helpers import (
    AT,
    PASS,
    TOKEN,
    as_another_process,
    encrypt,
    fill_with_secrets,
    holders,
    plain_files,
)

from tui.app import NoContactApp, create_app
from tui.screens.home import HomeScreen
from tui.screens.support import SupportScreen
from tui.screens.unlock import LockedScreen, UnlockDialog
from tui.screens.vault_dialogs import (
    ConvertDialog,
    DecryptDialog,
    EncryptDialog,
    PassphraseDialog,
    RecoveryKeyDialog,
)
from tui.store import inbox
from tui.store.atomic import AGE_MAGIC
from tui.store.records import MoodLog

SIZE = (100, 32)


async def until(pilot: Pilot[None], done: object, seconds: float = 30) -> None:
    """Let the app run until `done()` is true (a worker thread may be running scrypt)."""
    for _ in range(int(seconds / 0.05)):
        if done():  # type: ignore[operator]
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not get there in time")


async def type_passphrase(pilot: Pilot[None], text: str) -> None:
    field = pilot.app.screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")


async def unlocked(pilot: Pilot[None]) -> None:
    """Through the passphrase dialog to home."""
    await until(pilot, lambda: isinstance(pilot.app.screen, UnlockDialog))
    await type_passphrase(pilot, PASS)
    await until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen))


async def palette(pilot: Pilot[None], title: str) -> None:
    """Run the command palette's entry `title`."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await pilot.pause(0.3)
    await pilot.press("enter")


def shown(app: NoContactApp) -> str:
    """Every word the screen in front shows, one space between each."""
    return " ".join(" ".join(str(widget.render()) for widget in app.screen.query(Static)).split())


async def test_the_app_asks_once_and_then_shows_home(data_dir: Path) -> None:
    """Locked: a quiet screen and the dialog, nothing of the journal; the mood log key does
    nothing yet. A wrong passphrase says so and changes nothing; the right one opens home."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir).add(MoodLog(at=AT, mood=9, note=f"from a shell {TOKEN}"))
    before = files_under(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UnlockDialog))
        assert isinstance(app.screen_stack[0], LockedScreen)
        await pilot.press("m")
        assert isinstance(app.screen, UnlockDialog)
        await type_passphrase(pilot, "not the passphrase")
        status = app.screen.query_one("#unlock-status", Static)
        await until(pilot, lambda: "does not open" in str(status.render()))
        assert files_under(data_dir) == before
        await type_passphrase(pilot, PASS)
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.pause()
        latest = str(app.screen.query_one("#latest-mood", Static).render())
        assert f"from a shell {TOKEN}" in latest  # merged from the inbox on unlock
    assert holders(data_dir) == []


async def test_a_log_from_a_shell_while_the_app_is_open_is_merged(data_dir: Path) -> None:
    """A mood a shell logs while the app is open lands in the open journal within seconds,
    and home shows it."""
    encrypt(data_dir)
    as_another_process(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlocked(pilot)
        # What `nocontact log` in a shell writes (stamped and sealed on its way, as there).
        shell_entry = MoodLog(at=AT, mood=7, note="while open").stamped(AT)
        inbox.deposit(data_dir, inbox.record_entry(shell_entry))
        assert holders(data_dir, "while open") == []
        await until(pilot, lambda: not inbox.pending(data_dir), seconds=10)
        assert app.store.moods()[0] == shell_entry
        latest = app.screen.query_one("#latest-mood", Static)
        await until(pilot, lambda: "while open" in str(latest.render()), seconds=5)


async def test_encrypt_from_the_palette(data_dir: Path) -> None:
    """The warning, a passphrase twice, the recovery key shown once, then the bar."""
    fill_with_secrets(data_dir)
    app = create_app(data_dir)
    assert isinstance(app, NoContactApp)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Encrypt your journal")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EncryptDialog))
        text = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "If you forget it, your journal is lost" in " ".join(text.split())
        app.screen.query_one("#new", Input).value = PASS
        app.screen.query_one("#again", Input).value = "not the same"
        app.screen.query_one("#go", Button).press()
        await pilot.pause()
        assert "differ" in str(app.screen.query_one(".vault-status", Static).render())
        app.screen.query_one("#again", Input).value = PASS
        app.screen.query_one("#go", Button).press()
        await until(pilot, lambda: isinstance(app.screen, RecoveryKeyDialog))
        assert "AGE-SECRET-KEY-1" in str(app.screen.query_one("#recovery-key", Static).render())
        assert not (data_dir / "recipients.txt").exists()  # nothing changed before this
        app.screen.query_one("#go", Button).press()
        await until(pilot, lambda: isinstance(app.screen, ConvertDialog))
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert (data_dir / "recipients.txt").exists()
        assert not (data_dir / ".sealing").exists()
    assert plain_files(data_dir) == []
    assert holders(data_dir) == []
    assert as_another_process(data_dir).locked


async def test_escape_on_the_passphrase_dialog_quits_and_writes_nothing(data_dir: Path) -> None:
    """Escape (and Quit) end the app: nothing typed there is kept, no file changes."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    before = files_under(data_dir)
    for key in ("escape", "quit"):
        assert await leave_the_dialog(data_dir, key) == 0
        assert files_under(data_dir) == before
        assert holders(data_dir, "half a passphr") == []


async def leave_the_dialog(data_dir: Path, key: str) -> int | None:
    """Type half a passphrase, then leave by `key` (escape or the Quit button)."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UnlockDialog))
        app.screen.query_one("#passphrase", Input).value = "half a passphr"
        if key == "escape":
            await pilot.press("escape")
        else:
            app.screen.query_one("#quit", Button).press()
        await until(pilot, lambda: not app.is_running, seconds=5)
    return app.return_code


async def test_support_and_help_work_while_locked_and_show_nothing_of_it(data_dir: Path) -> None:
    """Help and the crisis lines are one key away before the passphrase too; the safety
    plan says it shows once the journal is open, and choosing a country saves nothing."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    before = files_under(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, UnlockDialog))
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, SupportScreen))
        words = shown(app)
        assert "findahelpline.com" in words  # the lines for anywhere: no setting is read
        assert "shows here once the journal is open" in words
        assert TOKEN not in words
        app.screen.query_one("#country").value = "uk"
        await pilot.pause()
        assert "116 123" in shown(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, UnlockDialog))
        await pilot.press("ctrl+p")  # the palette reaches the journal: not while locked
        await pilot.pause()
        assert isinstance(app.screen, UnlockDialog)
    assert files_under(data_dir) == before


async def test_decrypt_from_the_palette(data_dir: Path) -> None:
    """After a word of what it means, every file is plain again and every record there."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlocked(pilot)
        await palette(pilot, "Decrypt your journal")
        await until(pilot, lambda: isinstance(app.screen, DecryptDialog))
        assert "plain text again" in shown(app)
        app.screen.query_one("#go", Button).press()
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert not any(raw.startswith(AGE_MAGIC) for raw in files_under(data_dir).values())
    assert not (data_dir / "recipients.txt").exists()
    assert not (data_dir / "key.age").exists()
    again = as_another_process(data_dir)
    assert not again.locked
    assert [mood.note for mood in again.moods()] == [f"again {TOKEN}", f"mood {TOKEN}"]


async def test_change_the_passphrase_from_the_palette(data_dir: Path) -> None:
    """A wrong current passphrase is one sentence; the right one rewrites key.age only."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    new = "a brand new passphrase"
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlocked(pilot)
        before = files_under(data_dir)
        await palette(pilot, "Change your passphrase")
        await until(pilot, lambda: isinstance(app.screen, PassphraseDialog))
        for field, value in (("current", "not it at all"), ("new", new), ("again", new)):
            app.screen.query_one(f"#{field}", Input).value = value
        app.screen.query_one("#go", Button).press()
        status = app.screen.query_one(".vault-status", Static)
        await until(pilot, lambda: "does not open" in str(status.render()))
        assert files_under(data_dir) == before
        app.screen.query_one("#current", Input).value = PASS
        app.screen.query_one("#go", Button).press()
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    after = files_under(data_dir)
    assert {name for name in after if after[name] != before.get(name)} == {"key.age"}
    again = as_another_process(data_dir)
    again.unlock(new)
    assert len(again.moods()) == 2


async def test_the_recovery_key_stays_on_one_line_at_80_columns(data_dir: Path) -> None:
    """A key copied by hand from two lines is easy to get wrong: it never wraps."""
    from tui.store.keyring import KeyPair

    text = KeyPair.generate().key_file_text("No Contact Coach recovery key")
    app = create_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RecoveryKeyDialog(text))
        await pilot.pause()
        shown_key = app.screen.query_one("#recovery-key", Static)
        assert shown_key.content_region.width >= max(len(line) for line in text.splitlines())


async def test_settings_offer_encryption_as_the_palette_does(data_dir: Path) -> None:
    """Settings (s on home): a plain journal's Encrypt button opens the same warning as the
    palette; on an encrypted one, Decrypt opens the decrypt dialog, and Change passphrase
    is there too."""
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("s")
        await until(pilot, lambda: bool(app.screen.query("#vault-encrypt")))
        assert not app.screen.query("#vault-decrypt")
        await pilot.click("#vault-encrypt")
        await until(pilot, lambda: isinstance(app.screen, EncryptDialog))
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    as_another_process(data_dir)
    app = create_app(data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await unlocked(pilot)
        await pilot.press("s")
        await until(pilot, lambda: bool(app.screen.query("#vault-decrypt")))
        assert app.screen.query("#vault-passphrase") and not app.screen.query("#vault-encrypt")
        await pilot.click("#vault-decrypt")
        await until(pilot, lambda: isinstance(app.screen, DecryptDialog))
