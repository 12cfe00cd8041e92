"""An encrypted journal on disk: nothing left readable, writes need no passphrase, reads do."""

from __future__ import annotations

import json
import os
import shutil
from datetime import timedelta
from pathlib import Path

import pyrage
import pytest
from disk_files import files_under
from vault_helpers import (
    AT,
    JOURNAL_SECRET,
    PASS,
    RECOVERY_SECRET,
    TOKEN,
    as_another_process,
    encrypt,
    fill_with_secrets,
    holders,
    plain_files,
)

from tui.store import inbox, setting_keys
from tui.store.atomic import AGE_MAGIC
from tui.store.keyring import WrongSecretError
from tui.store.records import Draft, MoodLog, Slip
from tui.store.sealing import JournalLockedError
from tui.store.store import Store


def test_after_encrypt_no_file_holds_a_word_written(data_dir: Path) -> None:
    """Every record kind, settings, drafts, backups, the summary cache, a kept-aside file:
    after encrypt, no byte of any file under the data dir holds the word in the clear."""
    store = fill_with_secrets(data_dir)
    before = holders(data_dir)
    # The word really was everywhere: records, settings, drafts, a backup, the cache, the
    # broken file kept aside, a crashed writer's temp file.
    assert {"moods/2026-11.json", "profile.json", "drafts.json", "summary.json"} <= set(before)
    assert any(name.startswith("backups/") for name in before)
    assert any(".corrupt-" in name for name in before)
    assert any(name.endswith(".tmp") for name in before)
    store.encrypt(PASS)
    assert holders(data_dir) == []
    assert plain_files(data_dir) == []
    assert not (data_dir / ".sealing").exists()


def test_a_journal_used_while_encrypted_stays_sealed(data_dir: Path) -> None:
    """After unlocking: saves, drafts, the day's backups, the cache, a restore: all sealed."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.unlock(PASS)
    store.add(MoodLog(at=AT, mood=3, note=f"later {TOKEN}"))
    store.save_draft(Draft(2, AT, AT, 4, {"name_it": f"draft {TOKEN}"}, owner="w2"))
    store.edit_setting(setting_keys.REASONS, store.setting(setting_keys.REASONS), f"new {TOKEN}")
    store.overview()
    # Putting an entry right: an edit, a move to the trash and an undo note are sealed too.
    trashed = store.add(MoodLog(at=AT, mood=2, note=f"trashed {TOKEN}"))
    store.edit(trashed, trashed.replace(note=f"edited {TOKEN}"))
    store.delete(MoodLog.KIND, trashed.id)
    assert (data_dir / "trash.json").exists() and (data_dir / "undo.json").exists()
    assert holders(data_dir) == []
    steps = store.restore_plan(["moods/2026-11.json"])
    store.restore(steps)
    assert holders(data_dir) == []
    assert plain_files(data_dir) == []
    # The sealed backup, taken before the second mood, was opened and put back.
    assert [mood.note for mood in store.moods()] == [f"mood {TOKEN}"]
    assert [entry.record.note for entry in store.trash()] == [f"edited {TOKEN}"]


def test_reading_needs_the_passphrase_and_writing_does_not(data_dir: Path) -> None:
    """Locked: a read is refused and changes nothing; a new mood goes into the inbox sealed,
    and after the unlock it is in history with the rest, exactly once."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    store = as_another_process(data_dir)
    assert store.sealed and store.locked
    before = files_under(data_dir)
    with pytest.raises(JournalLockedError):
        store.moods()
    with pytest.raises(JournalLockedError):
        store.setting(setting_keys.REASONS)
    assert files_under(data_dir) == before
    logged = store.add(MoodLog(at=AT, mood=8, note=f"locked {TOKEN}"))
    store.add_slip(Slip(at=AT, note=f"slip while locked {TOKEN}"))
    waiting = inbox.pending(data_dir)
    assert len(waiting) == 2
    assert all(path.read_bytes().startswith(AGE_MAGIC) for path in waiting)
    assert holders(data_dir) == []
    assert store.unlock(PASS) == 2
    assert inbox.pending(data_dir) == []
    assert [mood.id for mood in store.moods()].count(logged.id) == 1
    assert store.moods()[0].note == f"locked {TOKEN}"
    assert f"slip while locked {TOKEN}" in [slip.note for slip in store.slips()]
    assert store.overview().latest_mood == logged


def test_an_entry_merged_twice_is_added_once(data_dir: Path, tmp_path: Path) -> None:
    """A kill after the merge's batch and before its entries are removed: the next unlock
    merges them again, and a record already there is not added a second time."""
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.add(MoodLog(at=AT, mood=5, note="once"))
    store.deposit_start(AT.date() - timedelta(days=3), change=False)
    kept = tmp_path / "inbox-copy"
    shutil.copytree(data_dir / "inbox", kept)
    store.unlock(PASS)
    for entry in kept.iterdir():
        shutil.copy2(entry, data_dir / "inbox" / entry.name)
    again = as_another_process(data_dir)
    assert again.unlock(PASS) == 2
    assert [mood.note for mood in again.moods()] == ["once"]
    assert again.no_contact_start() == AT.date() - timedelta(days=3)


def test_a_start_day_given_while_locked_moves_one_only_with_change(data_dir: Path) -> None:
    """Without --change a start day already set stays, and the unlock says so."""
    store = Store.open(data_dir)
    store.set_no_contact_start(AT.date() - timedelta(days=10))
    encrypt(data_dir)
    locked = as_another_process(data_dir)
    assert locked.deposit_start(AT.date() - timedelta(days=2), change=False)
    locked.unlock(PASS)
    assert locked.no_contact_start() == AT.date() - timedelta(days=10)
    assert any("--change" in notice for notice in locked.notices)
    locked = as_another_process(data_dir)
    locked.deposit_start(AT.date() - timedelta(days=2), change=True)
    locked.unlock(PASS)
    assert locked.no_contact_start() == AT.date() - timedelta(days=2)


def test_an_inbox_entry_that_cannot_be_read_is_kept_aside_and_told(data_dir: Path) -> None:
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.add(MoodLog(at=AT, mood=5))
    (data_dir / "inbox" / "00000000000000000001-ffffffff.age").write_bytes(b"age-encryption")
    assert store.unlock(PASS) == 1
    assert [path.name for path in (data_dir / "inbox").iterdir()] == [
        "00000000000000000001-ffffffff.age.unreadable"
    ]
    assert any("kept aside" in notice for notice in store.notices)
    assert [mood.mood for mood in store.moods()] == [5]


def test_a_wrong_passphrase_changes_nothing(data_dir: Path) -> None:
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.add(MoodLog(at=AT, mood=5))
    before = files_under(data_dir)
    with pytest.raises(WrongSecretError):
        store.unlock("not the passphrase")
    assert store.locked
    assert files_under(data_dir) == before


def test_the_recovery_key_opens_the_journal_and_sets_a_new_passphrase(data_dir: Path) -> None:
    """The recovery key, typed where the passphrase goes, opens everything; with it a new
    passphrase is set, and that one opens the journal too."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.unlock(RECOVERY_SECRET.lower())  # however it was copied out
    assert store.setting(setting_keys.REASONS) == f"reason {TOKEN}"
    store.change_passphrase(RECOVERY_SECRET, "a brand new passphrase")
    with pytest.raises(WrongSecretError):
        as_another_process(data_dir).unlock(PASS)
    again = as_another_process(data_dir)
    again.unlock("a brand new passphrase")
    assert again.setting(setting_keys.REASONS) == f"reason {TOKEN}"


def test_a_passphrase_change_rewrites_only_the_key_file(data_dir: Path) -> None:
    """The records are not encrypted again: every file but key.age is byte-identical."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    before = files_under(data_dir)
    store = as_another_process(data_dir)
    store.change_passphrase(PASS, "another good passphrase")
    after = files_under(data_dir)
    assert after.keys() == before.keys()
    assert [name for name in after if after[name] != before[name]] == ["key.age"]


def test_a_month_file_opens_with_pyrage_alone_and_the_passphrase(data_dir: Path) -> None:
    """What `age -d -i <(age -d key.age) moods/2026-11.json` does, with pyrage only: no code
    of this app between the passphrase and the words."""
    fill_with_secrets(data_dir)
    encrypt(data_dir)
    identity_text = pyrage.passphrase.decrypt((data_dir / "key.age").read_bytes(), PASS)
    secret = next(
        line for line in identity_text.decode().splitlines() if line.startswith("AGE-SECRET")
    )
    assert secret == JOURNAL_SECRET
    identity = pyrage.x25519.Identity.from_str(secret)
    month = pyrage.decrypt((data_dir / "moods" / "2026-11.json").read_bytes(), [identity])
    notes = [document["note"] for document in json.loads(month)["_default"].values()]
    assert f"mood {TOKEN}" in notes
    recovery = pyrage.x25519.Identity.from_str(RECOVERY_SECRET)
    assert json.loads(pyrage.decrypt((data_dir / "profile.json").read_bytes(), [recovery]))


def test_decrypt_gives_back_every_record_and_removes_the_keys(data_dir: Path) -> None:
    fill_with_secrets(data_dir)
    plain = Store.open(data_dir)
    records = (plain.moods(), plain.sessions(), plain.urges(), plain.slips(), plain.settings())
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.add(MoodLog(at=AT, mood=9, note="while locked"))
    store.unlock(PASS)
    assert store.decrypt() == 0
    assert not store.sealed
    names = set(files_under(data_dir))
    assert not names & {"key.age", "key.recovery.age", "recipients.txt", ".sealing"}
    assert not (data_dir / "inbox").exists()
    assert not [raw for raw in files_under(data_dir).values() if raw.startswith(AGE_MAGIC)]
    reopened = as_another_process(data_dir)
    assert reopened.moods()[1:] == records[0]
    assert reopened.moods()[0].note == "while locked"
    assert (reopened.sessions(), reopened.urges(), reopened.slips(), reopened.settings()) == (
        records[1:]
    )


def test_ctrl_c_during_encrypt_puts_the_journal_back_as_it_was(data_dir: Path) -> None:
    from tui.store.conversion import ConversionStopped

    fill_with_secrets(data_dir)
    before = files_under(data_dir)
    calls = []

    def stop_half_way(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 4:
            raise KeyboardInterrupt

    with pytest.raises(ConversionStopped):
        Store.open(data_dir).encrypt(PASS, None, stop_half_way)
    after = files_under(data_dir)
    # The same files hold the same bytes; only the temp file a crash left is gone.
    assert {name: raw for name, raw in before.items() if not name.endswith(".tmp")} == after
    assert not as_another_process(data_dir).sealed


def test_ctrl_c_during_decrypt_leaves_it_encrypted(data_dir: Path) -> None:
    from tui.store.conversion import ConversionStopped

    fill_with_secrets(data_dir)
    encrypt(data_dir)
    store = as_another_process(data_dir)
    store.unlock(PASS)
    calls = []

    def stop_half_way(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) == 4:
            raise KeyboardInterrupt

    with pytest.raises(ConversionStopped):
        store.decrypt(stop_half_way)
    assert plain_files(data_dir) == []
    assert holders(data_dir) == []
    reopened = as_another_process(data_dir)
    assert reopened.locked
    reopened.unlock(PASS)
    assert len(reopened.moods()) == 2


def test_a_window_open_before_encrypt_writes_sealed_after_it(data_dir: Path) -> None:
    """The app open in one window while encrypt runs in a shell: its next save notices
    (it takes the lock, which reads recipients.txt) and goes to the inbox, sealed."""
    window = Store.open(data_dir)
    window.add(MoodLog(at=AT - timedelta(hours=1), mood=4))
    pid = os.fork()
    if pid == 0:  # the shell running `nocontact encrypt`, in a process of its own
        try:
            Store.open(data_dir).encrypt(PASS)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    window.add(MoodLog(at=AT, mood=6, note=f"after {TOKEN}"))
    assert holders(data_dir) == []
    assert len(inbox.pending(data_dir)) == 1
    assert window.locked
