"""The one way into a person's records, shared by the command line and the app.

Layout of the data dir (decided once; see README "Where your data lives"):
    moods/YYYY-MM.json, sessions/YYYY-MM.json, urges/YYYY-MM.json
        the records that grow every day, one TinyDB file per kind and month, so a
        write costs the same in the tenth year as in the first week;
    tracker.json   the no-contact start, slips and logistics contact (few, read whole);
    profile.json   settings, reasons, safety plan, boundaries card, letters;
    drafts.json    stages and dialogs left half way, one draft per open window;
    trash.json     deleted entries (30 days) and their tombstones (for good);
    undo.json      the last changes to entries, for undo (see trash.py, editing.py);
    .lock          held by whoever is writing, for one read-modify-write;
    .journal/      changes to several files at once, while they land (see journal.py);
    backups/       last good copies of each file (see backups.py);
    recipients.txt, key.age, inbox/
                   only in an encrypted journal (see sealing.py and inbox.py).
"""

from __future__ import annotations

import _thread
import contextlib
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui import clock
from tui.date_words import short_day
from tui.store import backups, journal, prompt_status, sealing
from tui.store.atomic import (
    atomic_write_bytes,
    describe_write_failure,
    is_plain_dir,
    make_private_dir,
    open_data_dir,
    remove_stale_temp_files,
)
from tui.store.lock import DirLock
from tui.store.paths import resolve_data_dir
from tui.store.printable import printable_value
from tui.store.records import (
    Draft,
    FormDraft,
    Frozen,
    LogisticsContact,
    MoodLog,
    Session,
    Slip,
    Urge,
)
from tui.store.recovery import FileRefused, load_tables
from tui.store.shards import is_shard_name, month_key, newest_first
from tui.store.storage import DEFAULT_TABLE, CorruptFileError, PendingStorage, Tables
from tui.store.validation import ValidationError, check_day, check_record, check_setting

if TYPE_CHECKING:
    from tinydb import TinyDB

R = TypeVar("R", MoodLog, Session, Urge)
D = TypeVar("D", Draft, FormDraft)

ShardedRecord = MoodLog | Session | Urge

SHARDED_KINDS: dict[str, type[MoodLog] | type[Session] | type[Urge]] = {
    "moods": MoodLog,
    "sessions": Session,
    "urges": Urge,
}
TRACKER_FILE = "tracker.json"
PROFILE_FILE = "profile.json"
DRAFTS_FILE = "drafts.json"
LOCK_FILE = ".lock"
FUTURE_ALLOWANCE = timedelta(minutes=10)
"""How far ahead of this clock an added record may be dated: another machine's clock skew."""


class Overview(Frozen):
    """What the home screen paints: small, and never a walk through all of history."""

    FIELDS = (
        "sessions_per_stage",
        "last_session_per_stage",
        "latest_mood",
        "mood_count",
        "urges_resisted",
        "urges_acted",
    )
    __slots__ = FIELDS
    sessions_per_stage: dict[int, int]
    last_session_per_stage: dict[int, datetime]
    latest_mood: MoodLog | None
    mood_count: int
    urges_resisted: int
    urges_acted: int

    def __init__(
        self,
        sessions_per_stage: dict[int, int],
        last_session_per_stage: dict[int, datetime],
        latest_mood: MoodLog | None,
        mood_count: int,
        urges_resisted: int,
        urges_acted: int,
    ) -> None:
        self._set(
            sessions_per_stage,
            last_session_per_stage,
            latest_mood,
            mood_count,
            urges_resisted,
            urges_acted,
        )


class StoreError(Exception):
    """Something on disk stopped a read or a save; the message is for the person."""


class RecordNotFoundError(StoreError):
    """The record to change or delete is not there (another window may have deleted it)."""


class InTrashError(RecordNotFoundError):
    """The record to change is in the trash (deleted here, in another window or the shell)."""

    def __init__(self, message: str, trashed: Any) -> None:
        super().__init__(message)
        self.trashed = trashed
        """The Trashed entry (see trash.py): the record as it was deleted, and when."""


class AmbiguousIdError(StoreError):
    """The start of an id that more than one entry's id begins with."""


class NothingToUndoError(StoreError):
    """No change is left that undo can reverse."""


def _replaced_by(new: dict[str, Any]) -> Any:
    """A TinyDB update that makes a document equal to `new`, keeping its place."""

    def replace(document: dict[str, Any]) -> None:
        document.clear()
        document.update(new)

    return replace


Written = TypeVar("Written", MoodLog, Session, Urge, Slip, LogisticsContact)


def _written(record: Written, moment: datetime | None = None) -> Written:
    """`record` as it is saved: a new record is stamped with the moment it is written, one
    that already has a time (from an import or an export) keeps it."""
    if record.updated_at is not None:
        return record
    return record.stamped(moment or clock.now())


def _query() -> Any:
    """A TinyDB query, importing TinyDB only for the writes that need one."""
    from tinydb import Query

    return Query()


def _newest_first(
    record_type: type[MoodLog] | type[Session] | type[Urge], documents: Iterable[dict[str, Any]]
) -> list[Any]:
    """One shard's records, newest first; insertion order breaks ties, so two records
    in the same second stay in order."""
    ordered = sorted(
        enumerate(record_type.from_dict(document) for document in documents),
        key=lambda pair: (pair[1].when, pair[0]),
        reverse=True,
    )
    return [record for _, record in ordered]


class _Replacement:
    """A whole file's new bytes in a batch (a restore), or None to remove the file."""

    changed = True

    def __init__(self, path: Path, raw: bytes | None) -> None:
        self.path = path
        self.raw = raw

    def encoded(self) -> bytes | None:
        return self.raw


def _quiet(done: int, total: int) -> None:
    """Progress nobody is shown."""


def _on_lock(root: Path) -> None:
    """Each time the lock is newly taken: finish what a crash interrupted, then notice
    whether the journal is encrypted now (another process may have changed that)."""
    journal.finish(root)
    sealing.at_lock(root)


def _check_setting(key: str, value: Any) -> None:
    """A setting as profile.json keeps it, in the shape the app reads it back in."""
    from tui.store.shapes import setting_fits

    check_setting(key, value)
    if not setting_fits(key, value):
        raise ValidationError("This setting is not in the shape the app keeps it in.")


class Store:
    """A person's records in one data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.notices: list[str] = []
        """One sentence per file that could not be read and was kept aside (or left alone)."""
        self._lock = DirLock(root / LOCK_FILE, on_acquire=lambda: _on_lock(root))
        self._refused: dict[Path, str] = {}
        """Files this version must not write (newer, or broken and not mendable), and why."""
        self._batch: dict[Path, PendingStorage | _Replacement] = {}
        self._batch_thread: int | None = None

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None) -> Store:
        """Open (creating if needed) the data dir, private to its owner; see open_data_dir."""
        path = resolve_data_dir(root)
        store = cls(path)
        try:
            open_data_dir(path)
            folders = [path, *(path / kind for kind in SHARDED_KINDS)]
            backup_folders = [
                path / backups.BACKUP_DIR,
                *(path / backups.BACKUP_DIR / kind for kind in SHARDED_KINDS),
            ]
            for folder in [*folders[1:], *backup_folders, path / journal.JOURNAL_DIR]:
                is_plain_dir(folder)  # a link in their place is refused, never followed
            # Under the lock: a temp file of a writer that is alive looks just like a stale
            # one. Taking it also finishes a change to several files a crash interrupted.
            with store._lock:
                journal.drop_undecided(path)
                for directory in (*folders, *backup_folders, path / journal.JOURNAL_DIR):
                    remove_stale_temp_files(directory)
        except OSError as error:
            raise StoreError(f"The data folder {path} cannot be used: {error.strerror}.") from error
        return store

    # -- files ---------------------------------------------------------------

    def _dir(self, name: str) -> Path:
        """The kind's folder, made private (0700) the first time it is needed."""
        directory = self.root / name
        return directory if is_plain_dir(directory) else make_private_dir(directory)

    def shard_path(self, kind: str, moment: datetime | date) -> Path:
        """The file that holds records of `kind` for the month of `moment` (its own wall clock)."""
        return self.root / kind / f"{month_key(moment)}.json"

    def _shard_names(self, kind: str) -> list[str]:
        """The file names of every shard of `kind`, newest month first."""
        try:
            with os.scandir(self.root / kind) as entries:
                names = [entry.name for entry in entries if is_shard_name(entry.name)]
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(names, reverse=True)

    def shard_paths(self, kind: str) -> list[Path]:
        """Every shard of `kind`, newest month first."""
        directory = self.root / kind
        return [directory / name for name in self._shard_names(kind)]

    def _tell(self, notice: str) -> None:
        if notice not in self.notices:
            self.notices.append(notice)

    # -- encryption (see sealing.py) ----------------------------------------------

    @property
    def sealed(self) -> bool:
        """Whether this journal is encrypted."""
        return sealing.is_sealed(self.root)

    @property
    def locked(self) -> bool:
        """Whether this journal is encrypted and not unlocked in this process: only the
        quick writes (into the inbox) work until `unlock`."""
        return sealing.is_locked(self.root)

    def unlock(self, secret: str) -> int:
        """Open the encrypted journal with its passphrase (or recovery key), then merge what
        was written while it was locked; return how many entries that was.

        Raises keyring.WrongSecretError (nothing is written) or keyring.KeyFileError.
        """
        from tui.store import keyring

        keyring.unlock(self.root, secret)
        return self.merge_inbox()

    def merge_inbox(self) -> int:
        """Merge what was written into the inbox while locked (see inbox.py); how many."""
        from tui.store import inbox

        try:
            with self._lock:
                merged, notices = inbox.merge(self)
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error
        for notice in notices:
            self._tell(notice)
        return merged

    def encrypt(
        self, passphrase: str, recovery: Any = None, progress: Any = None, keys: Any = None
    ) -> None:
        """Encrypt every file of this journal with a key pair (`keys`, else a new one)
        locked by `passphrase`, and to `recovery` as well when given (both keyring.KeyPair);
        see conversion.py.

        `progress(done, total)` is told the bytes converted. Ctrl+c puts the journal back
        as it was and raises conversion.ConversionStopped.
        """
        from tui.store import conversion, keyring

        keyring.check_passphrase(passphrase)
        try:
            conversion.encrypt(
                self.root, self._lock, passphrase, recovery, progress or _quiet, keys
            )
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    def decrypt(self, progress: Any = None) -> int:
        """Make every file of this unlocked journal plain again (see conversion.py); return
        how many files sealed to other keys were left as they were."""
        from tui.store import conversion, inbox

        try:
            with self._lock:
                merged, notices = inbox.merge(self)
                for notice in notices:
                    self._tell(notice)
                return conversion.decrypt(self.root, self._lock, progress or _quiet)
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    def change_passphrase(self, secret: str, new: str) -> None:
        """Lock the journal's key with `new`, given the passphrase or recovery key `secret`.

        Only key.age is written: every record stays exactly as it is on disk.
        """
        from tui.store import keyring

        keyring.check_passphrase(new)
        try:
            with self._lock:
                keys = keyring.unlock(self.root, secret)
                keyring.lock_key(self.root, keys, new)
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    def seal_export(self, data: bytes) -> bytes:
        """`data` sealed to this journal's keys, in age's text (armored) form."""
        sealer = sealing.current(self.root)
        if sealer is None:
            return data
        return sealing.seal_to(sealer.recipients, data, armored=True)

    def _deposited(self, entry: Any) -> bool:
        """Holding the lock, on a locked journal: write `entry` (a record, or a start day)
        into the inbox (inbox.py) and say so; False when the journal can be written."""
        if not sealing.is_locked(self.root):
            return False
        from tui.store import inbox

        inbox.deposit(self.root, entry if isinstance(entry, dict) else inbox.record_entry(entry))
        return True

    def deposit_start(self, day: date, change: bool) -> bool:
        """On a locked journal, keep `day` as the start day to set on unlock (moving one
        already set only with `change`); False when the journal is not locked."""
        from tui.store.inbox import start_entry

        check_day(day, "The start day")
        with self._held():
            return self._deposited(start_entry(day, change))

    def _in_batch(self) -> bool:
        return self._batch_thread == _thread.get_ident()

    def _read_tables(self, path: Path) -> Tables:
        """The tables in `path`, checked and current; a broken one is mended (see recovery.py).

        Inside a batch, this thread sees the batch's changes. A file written by a newer
        version gives only what this version can read of it, and is marked not to be written.
        """
        if self._in_batch():
            pending = self._batch.get(path)
            if isinstance(pending, PendingStorage):
                return pending.tables
        try:
            tables, notice = load_tables(self.root, path, self._lock)
        except FileRefused as refused:
            self._refused[path] = refused.refusal
            self._tell(refused.notice)
            return refused.tables
        if self._refused:
            self._refused.pop(path, None)
        if notice:
            self._tell(notice)
        return tables

    def _tables_to_write(self, path: Path) -> Tables:
        """Under the lock: the fresh tables of `path`, or StoreError if it must not be written."""
        tables = self._read_tables(path)
        refusal = self._refused.get(path)
        if refusal is not None:
            raise StoreError(refusal)
        return tables

    @contextlib.contextmanager
    def _saving(self, path: Path, durable: bool = True) -> Iterator[PendingStorage]:
        """The tables of `path` under the data dir's lock, saved as ONE atomic write at the end.

        Inside a batch the write waits for the batch (which is always durable). A failed
        save raises StoreError("Not saved: ...") and leaves the file as it was.
        """
        if self._in_batch():
            pending = self._batch.get(path)
            if not isinstance(pending, PendingStorage):
                pending = PendingStorage(path, self._tables_to_write(path))
                self._batch[path] = pending
            yield pending
            return
        try:
            with self._lock:
                pending = PendingStorage(path, self._tables_to_write(path))
                yield pending
                self._commit([pending], durable)
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    @contextlib.contextmanager
    def _writing(self, path: Path, durable: bool = True) -> Iterator[TinyDB]:
        """A TinyDB on `path`, as `_saving`: every write goes through TinyDB."""
        from tinydb import TinyDB

        with self._saving(path, durable) as pending:
            yield TinyDB(storage=lambda: pending)

    def _note_change(self, change: dict[str, Any]) -> None:
        """Remember a change to an entry in undo.json (see trash.py), so undo can reverse it.

        Inside a batch it lands with the change, durably. After a quick save on its own (a
        mood logged, a slip) it is written under the same hold of the lock but without
        waiting for the disk, which would double the save's cost: a power cut in that
        instant can cost the note, never the entry. A note that cannot be written leaves
        the entry saved and says so.
        """
        from tui.store.trash import CHANGE_TABLE, UNDO_FILE, let_go

        try:
            with self._writing(self.root / UNDO_FILE, durable=False) as database:
                table = database.table(CHANGE_TABLE)
                table.insert(change)
                gone = let_go({str(doc.doc_id): doc for doc in table.all()}, clock.now())
                if gone:
                    table.remove(doc_ids=gone)
        except StoreError as error:
            if self._in_batch():
                raise
            self._tell(f"It was saved, but undo will not know of it ({error}).")

    @contextlib.contextmanager
    def _held(self) -> Iterator[None]:
        """The data dir's lock across a save and its note for undo; a lock that cannot be
        taken is a StoreError("Not saved: ..."), as for any save. Taking it notices a journal
        encrypted or decrypted by another process meanwhile (see sealing.at_lock)."""
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(self._lock)
            except OSError as error:
                raise StoreError(describe_write_failure(error)) from error
            yield

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Every save inside lands on disk together, or none does, whatever kills the process.

        Holds the lock throughout, so the whole read-modify-write sees fresh data. Saves
        to several files are committed through the journal (see journal.py); a batch
        inside a batch joins it.
        """
        if self._in_batch():
            yield
            return
        try:
            with self._lock:
                self._batch, self._batch_thread = {}, _thread.get_ident()
                try:
                    yield
                    self._commit(list(self._batch.values()))
                finally:
                    self._batch, self._batch_thread = {}, None
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    def _commit(self, pending: list[PendingStorage | _Replacement], durable: bool = True) -> None:
        changed = [item for item in pending if item.changed]
        for item in changed:
            backups.take_daily(self.root, item.path)
        if not changed:
            return
        if len(changed) == 1:  # one rename (or removal) is atomic on its own
            item = changed[0]
            if isinstance(item, PendingStorage):
                item.commit(durable)
            elif item.raw is None:
                os.unlink(item.path)
            else:
                atomic_write_bytes(item.path, item.raw)
        else:
            moves: list[tuple[str | None, str]] = []
            try:
                for item in changed:
                    raw = item.encoded()
                    staged = None if raw is None else journal.stage(self.root, raw)
                    moves.append((staged, backups.relative_name(self.root, item.path)))
            except BaseException:
                journal.drop_undecided(self.root)
                raise
            journal.commit(self.root, moves)
        prompt_status.saved(self.root, self._read_tables, changed)

    # -- sharded records -----------------------------------------------------

    def add(self, record: R) -> R:
        """Save one mood log, session or urge; return it as saved (with its `updated_at`).

        On a locked journal it goes into the inbox, to be merged when the journal is opened.
        """
        record = _written(record)
        check_record(record)
        with self._held():
            if self._deposited(record):
                return record
            path = self.shard_path(record.KIND, record.when)
            self._dir(record.KIND)
            with self._writing(path) as database:
                database.insert(record.to_dict())
            self._note_added(record)
        return record

    def _note_added(self, record: MoodLog | Session | Urge | Slip | LogisticsContact) -> None:
        """Remember that `record` was added, so that undo can take it back (to the trash).

        A save inside a batch (an import) is noted, or not, by whoever runs the batch.
        """
        from tui.store.trash import ADD, Change

        if self._in_batch():
            return
        self._note_change(Change.of(ADD, record, record.updated_at or clock.now()).to_document())

    def add_many(
        self, records: Iterable[ShardedRecord], *, not_after: datetime | None = None
    ) -> int:
        """Save many records (imports, synthetic history): all of them, or none.

        Every record is checked first, none may be dated after `not_after` (when given),
        and the months are committed together (see `batch`).
        """
        by_shard: dict[Path, list[dict[str, Any]]] = {}
        moment = clock.now()
        for given in records:
            record: ShardedRecord = given if given.updated_at else given.stamped(moment)
            check_record(record)
            if not_after is not None and record.when > not_after:
                raise ValidationError(
                    f"A record is dated {record.when:%Y-%m-%d %H:%M}, in the future; "
                    "nothing was written."
                )
            by_shard.setdefault(self.shard_path(record.KIND, record.when), []).append(
                record.to_dict()
            )
        with self.batch():
            for path, documents in sorted(by_shard.items()):
                self._dir(path.parent.name)
                with self._writing(path) as database:
                    database.insert_multiple(documents)
        return sum(len(documents) for documents in by_shard.values())

    def add_imported(self, records: Iterable[ShardedRecord]) -> int:
        """What every importer calls: add_many, refusing (whole) any record dated in the
        future beyond a little clock skew, such as a year mistyped as 2062."""
        return self.add_many(records, not_after=clock.now() + FUTURE_ALLOWANCE)

    # -- putting entries right (see editing.py and trash.py) ---------------------

    def find(self, id_start: str) -> Any:
        """The entry whose id is `id_start`, or the only one whose id begins with it.

        Raises AmbiguousIdError, InTrashError (it is in the trash) or RecordNotFoundError.
        """
        from tui.store import editing

        return editing.find(self, id_start)

    def entry(self, kind: str, record_id: str, near: datetime | None = None) -> Any:
        """The entry of `kind` with `record_id` as it is on disk now, or None."""
        from tui.store import editing

        return editing.entry(self, kind, record_id, near)

    def edit(self, before: Any, after: Any, *, bring_back: bool = False) -> Any:
        """Save `after`, an edit of the entry read as `before`; return what was saved.

        Under the lock, on the entry as it is now: fields only this edit changed take its
        value, fields another window changed since keep theirs (text both changed keeps
        both). InTrashError if it was deleted meanwhile, unless `bring_back`.
        """
        from tui.store import editing

        return editing.edit(self, before, after, bring_back=bring_back)

    def update(self, record: Any) -> Any:
        """Replace the saved record that has `record`'s id with `record`, whole."""
        from tui.store import editing

        return editing.replace(self, record)

    def delete(self, kind: str, record_id: str) -> Any:
        """Move the entry of `kind` with `record_id` to the trash; return the Trashed entry."""
        from tui.store import editing

        return editing.move_to_trash(self, kind, record_id)

    def trash(self) -> list[Any]:
        """What the trash holds (Trashed entries), the latest deleted first."""
        from tui.store import editing

        return editing.trash(self)

    def find_in_trash(self, id_start: str) -> Any:
        """The Trashed entry whose id is `id_start` or the only one beginning with it."""
        from tui.store import editing

        return editing.find_in_trash(self, id_start)

    def bring_back(self, record_id: str) -> Any:
        """Take the entry with `record_id` out of the trash, back into history; return it."""
        from tui.store import editing

        return editing.bring_back(self, record_id)

    def tombstones(self) -> list[Any]:
        """Every deletion's tombstone (id, kind, time), oldest first."""
        from tui.store import editing

        return editing.tombstones(self)

    def add_tombstones(self, tombstones: Iterable[Any]) -> int:
        """Keep the tombstones (from an import) not here yet; return how many were added."""
        from tui.store import editing

        return editing.add_tombstones(self, tombstones)

    def undo(self) -> Any:
        """Reverse the last change still standing; return what was undone (editing.Undone).

        Raises NothingToUndoError when there is none.
        """
        from tui.store import editing

        return editing.undo(self)

    def records(
        self, kind: str, since: datetime | None = None, until: datetime | None = None
    ) -> Iterator[Any]:
        """Records of `kind`, newest first, optionally from `since` and up to `until`.

        True time order whatever zones they were written in (see shards.py); the months
        are read one at a time, newest first, so the newest records come first.
        """
        record_type = SHARDED_KINDS[kind]
        directory = self.root / kind

        def read(name: str) -> list[Any]:
            documents = self._read_tables(directory / name).get(DEFAULT_TABLE, {}).values()
            return [record_type.from_dict(document) for document in documents]

        return newest_first(self._shard_names(kind), read, since, until)

    def month_records(self, kind: str, month: str) -> list[Any]:
        """The records of `kind` saved in `month` ("2026-11"), newest first: one file read.

        The review reads history a month at a time through this, in any order, so going
        to the oldest month costs what the newest does (see tui/store/month_index.py).
        """
        if not (len(month) == 7 and month[4] == "-" and (month[:4] + month[5:]).isdigit()):
            raise ValueError(f"not a month: {month!r}")
        documents = self._read_tables(self.root / kind / f"{month}.json").get(DEFAULT_TABLE, {})
        return _newest_first(SHARDED_KINDS[kind], documents.values())

    def shard_totals(self) -> dict[str, list[tuple[str, dict[str, Any]]]]:
        """Each sharded kind's (file name, cached totals) pairs, newest first (summary.py)."""
        from tui.store.summary import shard_aggregates

        return shard_aggregates(
            self.root, self._read_tables, refused=self._refused, lock=self._lock
        )

    def moods(self, since: datetime | None = None) -> list[MoodLog]:
        return list(self.records("moods", since))

    def sessions(self, stage: int | None = None, since: datetime | None = None) -> list[Session]:
        found = self.records("sessions", since)
        return [session for session in found if stage is None or session.stage == stage]

    def urges(self, since: datetime | None = None) -> list[Urge]:
        return list(self.records("urges", since))

    def latest_mood(self) -> MoodLog | None:
        """The newest mood log, reading only the newest month that has one (and, near a
        month's start, the one before it)."""
        return next(iter(self.records("moods")), None)

    def overview(self) -> Overview:
        """Counts and latest entries for the home screen, reading only shards that changed."""
        # Imported here: the quick commands that never paint home do not pay for it.
        from tui.store.summary import overview_fields

        return Overview(
            **overview_fields(self.root, self._read_tables, self._refused, lock=self._lock)
        )

    def stamp(self) -> tuple[int, ...]:
        """A fingerprint of everything home shows; any write, from any process, changes it.

        Every save is an atomic rename inside its folder, which gives the file a new inode
        and moves the folder's mtime: a few stats tell whether to read again.
        """
        watched = (self.root / TRACKER_FILE, self.root / PROFILE_FILE)
        found: list[int] = []
        for path in (*watched, *(self.root / kind for kind in SHARDED_KINDS)):
            try:
                status = path.stat()
            except OSError:
                found += [0, 0]
            else:
                found += [status.st_ino, status.st_mtime_ns]
        return tuple(found)

    def urge_counts(self, since: datetime | None = None) -> tuple[int, int]:
        """(resisted, acted) urges from `since` on, without reading the months before it."""
        from tui.store.summary import urge_counts

        return urge_counts(self.root, self._read_tables, since, self._refused, lock=self._lock)

    # -- restore ---------------------------------------------------------------

    def _records_now(self, relative: str) -> int | None:
        from tui.store.restoring import count_records

        path = self.root / relative
        tables = self._read_tables(path)
        return None if path in self._refused else count_records(tables)

    def restore_plan(self, relatives: list[str], day: date | None = None) -> list[Any]:
        """What `restore` would put back: a RestoreStep per file (see restoring.py).

        Raises StoreError when a file has no readable backup (of `day`, when given).
        """
        from tui.store import restoring

        try:
            return restoring.plan(self.root, relatives, day, self._records_now)
        except LookupError as missing:
            when = f" from {short_day(day)}" if day else ""
            raise StoreError(
                f"There is no readable backup{when} of {missing.args[0]} to put back."
            ) from None
        except OSError as error:
            raise StoreError(f"The backups cannot be read: {error.strerror}.") from error

    def restore(self, steps: list[Any]) -> dict[str, str | None]:
        """Put back each step's backup, all files together; return where each replaced file is kept.

        Every replaced file keeps a second name beside it before anything changes, and the
        names are remembered for `undo_restore`.
        """
        from tui.store import restoring

        kept: dict[str, str | None] = {}
        try:
            previous = restoring.read_undo(self.root)
        except CorruptFileError:
            previous = None
        try:
            with self.batch():
                for step in steps:
                    target = self.root / step.relative
                    self._tables_to_write(target)  # refuses a file written by a newer version
                    kept[step.relative] = self._keep(target, "before-restore")
                # Written before the files change: after a kill in between, --undo finds
                # what it needs (and puts back files that did not change, which is harmless).
                restoring.write_undo(self.root, kept)
                for step in steps:
                    self._replace(self.root / step.relative, step.raw)
        except BaseException:
            self._forget_kept(kept, previous)
            raise
        return kept

    def _forget_kept(self, kept: dict[str, str | None], previous: Any) -> None:
        """After a restore that failed: drop its second names, and its record for --undo."""
        from tui.store import restoring

        with contextlib.suppress(OSError):
            for relative, aside in kept.items():
                if aside is not None:
                    os.unlink((self.root / relative).with_name(aside))
            if previous:
                restoring.write_undo(self.root, previous)
            else:
                restoring.forget_undo(self.root)

    def undo_restore_plan(self) -> list[tuple[str, int | None, int | None]]:
        """What `undo_restore` would do: (file, records now, records put back; None: removed).

        Empty when there is nothing to undo.
        """
        from tui.store import restoring
        from tui.store.atomic import read_regular

        try:
            replaced = restoring.read_undo(self.root) or {}
            found = []
            for relative, aside in replaced.items():
                target = self.root / relative
                then = None
                if aside is not None:
                    raw, _ = read_regular(target.with_name(aside))
                    then = restoring.backup_records(self.root, relative, raw)
                found.append((relative, self._records_now(relative), then))
        except (OSError, CorruptFileError):
            raise StoreError("What the last restore replaced can no longer be read.") from None
        return found

    def undo_restore(self) -> dict[str, str | None]:
        """Put back what the last restore replaced; return where the restored files are kept.

        Raises StoreError when there is nothing to undo.
        """
        from tui.store import restoring
        from tui.store.atomic import read_regular

        try:
            with self.batch():
                replaced = restoring.read_undo(self.root)
                if not replaced:
                    raise StoreError("There is no restore to undo.")
                kept: dict[str, str | None] = {}
                for relative, aside in replaced.items():
                    target = self.root / relative
                    raw = None if aside is None else read_regular(target.with_name(aside))[0]
                    kept[relative] = self._keep(target, "before-undo")
                    self._replace(target, raw)
                restoring.forget_undo(self.root)
        except FileNotFoundError:
            raise StoreError("The files the last restore replaced are no longer there.") from None
        except CorruptFileError:
            raise StoreError("The record of the last restore cannot be read.") from None
        return kept

    def _keep(self, target: Path, why: str) -> str | None:
        """Give the data file `target` a second name beside it; None when it does not exist."""
        from tui.store.atomic import keep_copy
        from tui.store.restoring import kept_name

        if not os.path.lexists(target):
            return None
        aside = kept_name(target, why)
        keep_copy(target, aside)
        return aside.name

    def _replace(self, path: Path, raw: bytes | None) -> None:
        """In the open batch: `path` becomes `raw` (None: removed) when the batch commits."""
        if path.parent != self.root:
            self._dir(path.parent.name)
        self._batch[path] = _Replacement(path, raw)

    # -- tracker -------------------------------------------------------------

    def _table(self, filename: str, table: str) -> list[dict[str, Any]]:
        return list(self._read_tables(self.root / filename).get(table, {}).values())

    def no_contact_start(self) -> date | None:
        """The day the no-contact period began, if set.

        The "start" table keeps every start day ever set: the current one first (so an
        older version reading the first row reads the right day), then each earlier one
        with the moment it was replaced ("replaced_at").
        """
        for document in self._table(TRACKER_FILE, "start"):
            if "replaced_at" not in document:
                return date.fromisoformat(document["date"])
        return None

    def start_history(self) -> list[tuple[date, datetime]]:
        """Earlier start days and when each was replaced, the most recently replaced first."""
        found = [
            (date.fromisoformat(document["date"]), datetime.fromisoformat(document["replaced_at"]))
            for document in self._table(TRACKER_FILE, "start")
            if "replaced_at" in document
        ]
        return sorted(found, key=lambda pair: pair[1], reverse=True)

    def set_no_contact_start(self, day: date) -> date | None:
        """Make `day` the start day; the one it replaces stays in the history. Returns it."""
        from tui.store.trash import START, Change

        check_day(day, "The start day")
        with self.batch():
            with self._writing(self.root / TRACKER_FILE) as database:
                table = database.table("start")
                current = next((doc for doc in table.all() if "replaced_at" not in doc), None)
                if current is None:
                    table.insert({"date": day.isoformat()})
                    return None
                previous = date.fromisoformat(current["date"])
                if previous == day:
                    return previous
                moment = clock.now()
                table.update({"date": day.isoformat()}, doc_ids=[current.doc_id])
                table.insert({"date": previous.isoformat(), "replaced_at": moment.isoformat()})
            # Undo puts the earlier day back, as `start --undo` does.
            change = Change(START, moment, before=previous.isoformat(), after=day.isoformat())
            self._note_change(change.to_document())
        return previous

    def undo_start_change(self) -> tuple[date, date]:
        """Put back the start day the last change replaced: (the day put back, the one undone).

        The undone day joins the history in its turn. StoreError when there is no change.
        """
        with self._writing(self.root / TRACKER_FILE) as database:
            table = database.table("start")
            current = next((doc for doc in table.all() if "replaced_at" not in doc), None)
            earlier = [doc for doc in table.all() if "replaced_at" in doc]
            if current is None or not earlier:
                raise StoreError("The start day has not been changed, so there is nothing to undo.")
            last = max(earlier, key=lambda doc: datetime.fromisoformat(doc["replaced_at"]))
            undone = current["date"]
            table.update({"date": last["date"]}, doc_ids=[current.doc_id])
            table.update(
                {"date": undone, "replaced_at": clock.now().isoformat()}, doc_ids=[last.doc_id]
            )
        return date.fromisoformat(last["date"]), date.fromisoformat(undone)

    def add_start_history(self, entries: Iterable[tuple[date, datetime]]) -> int:
        """Add earlier start days (from an import) that are not here yet; return how many."""
        added = 0
        with self._writing(self.root / TRACKER_FILE) as database:
            table = database.table("start")
            here = {(doc["date"], doc.get("replaced_at")) for doc in table.all()}
            for day, replaced_at in entries:
                check_day(day, "An earlier start day")
                document = {"date": day.isoformat(), "replaced_at": replaced_at.isoformat()}
                if (document["date"], document["replaced_at"]) not in here:
                    table.insert(document)
                    here.add((document["date"], document["replaced_at"]))
                    added += 1
        return added

    def add_slip(self, slip: Slip) -> Slip:
        slip = _written(slip)
        check_record(slip)
        with self._held():
            if self._deposited(slip):
                return slip
            with self._writing(self.root / TRACKER_FILE) as database:
                database.table("slips").insert(slip.to_dict())
            self._note_added(slip)
        return slip

    def slips(self) -> list[Slip]:
        found = [Slip.from_dict(document) for document in self._table(TRACKER_FILE, "slips")]
        return sorted(found, key=lambda slip: slip.at, reverse=True)

    def add_logistics(self, contact: LogisticsContact) -> LogisticsContact:
        contact = _written(contact)
        check_record(contact)
        with self._held():
            if self._deposited(contact):
                return contact
            with self._writing(self.root / TRACKER_FILE) as database:
                database.table("logistics").insert(contact.to_dict())
            self._note_added(contact)
        return contact

    def logistics(self) -> list[LogisticsContact]:
        documents = self._table(TRACKER_FILE, "logistics")
        found = [LogisticsContact.from_dict(document) for document in documents]
        return sorted(found, key=lambda contact: contact.at, reverse=True)

    # -- profile: small documents by key ---------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A value from profile.json (country, reasons, safety plan, boundaries card...).

        Its text is made printable (see printable.py): settings are shown on many screens.
        """
        for document in self._table(PROFILE_FILE, "settings"):
            if document.get("key") == key:
                return printable_value(document.get("value", default))
        return default

    def set_setting(self, key: str, value: Any) -> None:
        """Save `value` whole. For a setting a person edits, use `edit_setting`."""
        _check_setting(key, value)
        with self._writing(self.root / PROFILE_FILE) as database:
            database.table("settings").upsert({"key": key, "value": value}, _query().key == key)

    def edit_setting(self, key: str, before: Any, after: Any) -> Any:
        """Save an edit of a setting read as `before`, keeping what another window saved since.

        A three-way merge under the lock, on the value as it is on disk now (see merge.py):
        fields only this window changed take its value, fields only the other window
        changed keep theirs, and text both changed keeps both. Returns what was saved.
        """
        from tui.store.merge import merge

        _check_setting(key, after)
        with self._writing(self.root / PROFILE_FILE) as database:
            table = database.table("settings")
            found = table.get(_query().key == key)
            theirs = printable_value(found["value"]) if found else None
            merged = merge(before, after, theirs, key)
            _check_setting(key, merged)
            table.upsert({"key": key, "value": merged}, _query().key == key)
        return merged

    def refresh_prompt_status(self) -> None:
        """Write the prompt's status file from what is saved now, if there is a journal."""
        with self._lock:
            if prompt_status.has_journal(self.root):
                prompt_status.rewrite(self.root, self._read_tables)

    def settings(self) -> dict[str, Any]:
        """Every setting in profile.json by key, in the order they were first saved (export)."""
        documents = self._table(PROFILE_FILE, "settings")
        return {
            str(document.get("key")): printable_value(document.get("value"))
            for document in documents
        }

    # -- drafts --------------------------------------------------------------
    # Each open window keeps its own draft of a stage or a form, named by its owner token;
    # every change below is one write under the lock, made on the file as it is now, so
    # one window never deletes or overwrites what another window is keeping.

    def draft(self, stage: int) -> Draft | None:
        """The newest draft of `stage`, whichever window kept it."""
        return _newest(Draft.from_dict(document) for document in self._drafts("drafts", stage))

    def drafts(self) -> list[Draft]:
        """Every stage draft, in the order they were first kept (for export)."""
        return [Draft.from_dict(document) for document in self._table(DRAFTS_FILE, "drafts")]

    def save_draft(self, draft: Draft) -> None:
        """Keep `draft` as its owner's draft of its stage, in place of that owner's last one."""
        check_record(draft)
        self._keep_draft("drafts", draft.to_dict())

    def discard_draft(self, stage: int, owner: str) -> None:
        """Delete the draft of `stage` kept by `owner`; other windows' drafts stay."""
        self._take_draft("drafts", stage, owner, None)

    def take_draft(self, draft: Draft, owner: str) -> Draft:
        """Make `draft` (as it is on disk now) the draft of window `owner`, and return it.

        If it is no longer there, what was offered is kept as `owner`'s, so nothing is lost.
        """
        check_record(draft)
        taken = self._take_draft("drafts", draft.stage, draft.owner, owner, draft.to_dict())
        return Draft.from_dict(taken)

    def form_draft(self, form: str) -> FormDraft | None:
        """The newest draft of dialog `form`, whichever window kept it."""
        return _newest(FormDraft.from_dict(document) for document in self._drafts("forms", form))

    def save_form_draft(self, draft: FormDraft) -> None:
        """Keep what a dialog holds as its owner's draft of that dialog."""
        check_record(draft)
        self._keep_draft("forms", draft.to_dict())

    def discard_form_draft(self, form: str, owner: str) -> None:
        """Delete the draft of dialog `form` kept by `owner`; other windows' drafts stay."""
        self._take_draft("forms", form, owner, None)

    def take_form_draft(self, draft: FormDraft, owner: str) -> FormDraft:
        """As take_draft, for a dialog's draft."""
        check_record(draft)
        taken = self._take_draft("forms", draft.form, draft.owner, owner, draft.to_dict())
        return FormDraft.from_dict(taken)

    def _drafts(self, table: str, key: int | str) -> list[dict[str, Any]]:
        """The documents in drafts.json's `table` for one stage or form."""
        return [d for d in self._table(DRAFTS_FILE, table) if d.get(DRAFT_KEYS[table]) == key]

    def _keep_draft(self, table: str, document: dict[str, Any]) -> None:
        key, owner = document[DRAFT_KEYS[table]], document["owner"]
        with self._writing(self.root / DRAFTS_FILE) as database:
            drafts = database.table(table)
            ids = _owned(drafts.all(), DRAFT_KEYS[table], key, owner)
            if ids:
                drafts.update(_replaced_by(document), doc_ids=ids[-1:])
                if len(ids) > 1:
                    drafts.remove(doc_ids=ids[:-1])
            else:
                drafts.insert(document)

    def _take_draft(
        self,
        table: str,
        key: int | str,
        owner: str,
        new_owner: str | None,
        offered: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Remove `owner`'s draft of `key`; with `new_owner`, keep it again as theirs.

        Returns the draft as it was on disk (or `offered` when it was gone), re-owned.
        """
        with self._writing(self.root / DRAFTS_FILE) as database:
            drafts = database.table(table)
            ids = _owned(drafts.all(), DRAFT_KEYS[table], key, owner)
            found = drafts.get(doc_id=ids[-1]) if ids else None
            taken = dict(found if isinstance(found, dict) else offered or {})
            if ids:
                drafts.remove(doc_ids=ids)
            if new_owner is not None:
                taken["owner"] = new_owner
                drafts.remove(doc_ids=_owned(drafts.all(), DRAFT_KEYS[table], key, new_owner))
                drafts.insert(taken)
        return taken


DRAFT_KEYS = {"drafts": "stage", "forms": "form"}
"""What names the thing a draft belongs to, per table of drafts.json."""


def _owned(documents: list[Any], key_field: str, key: int | str, owner: str) -> list[int]:
    """The TinyDB ids of the drafts of `key` kept by `owner` (no owner: an older draft)."""
    return [
        document.doc_id
        for document in documents
        if document.get(key_field) == key and document.get("owner", "") == owner
    ]


def _newest(drafts: Iterable[D]) -> D | None:
    """The draft kept last; of two kept in the same second, the one written later."""
    ordered = sorted(enumerate(drafts), key=lambda pair: (pair[1].updated_at, pair[0]))
    return ordered[-1][1] if ordered else None
