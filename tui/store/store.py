"""The one way into a person's records, shared by the command line and the app.

Layout of the data dir (decided once; see README "Where your data lives"):
    moods/YYYY-MM.json, sessions/YYYY-MM.json, urges/YYYY-MM.json
        the records that grow every day, one TinyDB file per kind and month, so a
        write costs the same in the tenth year as in the first week;
    tracker.json   the no-contact start, slips and logistics contact (few, read whole);
    profile.json   settings, reasons, safety plan, boundaries card, letters;
    drafts.json    stages and dialogs left half way, one draft per open window;
    .lock          held by whoever is writing, for one read-modify-write.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.store import backups
from tui.store.atomic import describe_write_failure, make_private_dir, remove_stale_temp_files
from tui.store.lock import DirLock
from tui.store.paths import resolve_data_dir
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
from tui.store.recovery import load_tables
from tui.store.storage import DEFAULT_TABLE, PendingStorage
from tui.store.validation import check_day, check_record, check_setting

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


def _replaced_by(new: dict[str, Any]) -> Any:
    """A TinyDB update that makes a document equal to `new`, keeping its place."""

    def replace(document: dict[str, Any]) -> None:
        document.clear()
        document.update(new)

    return replace


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


def month_key(moment: datetime | date) -> str:
    """The shard a moment belongs to: its local year and month."""
    return f"{moment.year:04d}-{moment.month:02d}"


class Store:
    """A person's records in one data dir."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.notices: list[str] = []
        """One sentence per file that could not be read and was kept aside."""
        self._lock = DirLock(root / LOCK_FILE)

    @classmethod
    def open(cls, root: str | os.PathLike[str] | None = None) -> Store:
        """Open (creating if needed) the data dir, private to its owner."""
        path = resolve_data_dir(root)
        store = cls(path)
        folders = (path, *(path / kind for kind in SHARDED_KINDS))
        try:
            make_private_dir(path)
            # Under the lock: a temp file of a writer that is alive looks just like a stale one.
            with store._lock:
                backup_folders = (path / backups.BACKUP_DIR / folder.name for folder in folders)
                for directory in (*folders, *backup_folders):
                    remove_stale_temp_files(directory)
        except OSError as error:
            raise StoreError(f"The data folder {path} cannot be used: {error.strerror}.") from error
        return store

    # -- files ---------------------------------------------------------------

    def _dir(self, name: str) -> Path:
        """The kind's folder, made private (0700) the first time it is needed."""
        directory = self.root / name
        return directory if directory.is_dir() else make_private_dir(directory)

    def shard_path(self, kind: str, moment: datetime | date) -> Path:
        """The file that holds records of `kind` for the month of `moment`."""
        return self.root / kind / f"{month_key(moment)}.json"

    def _shard_names(self, kind: str) -> list[str]:
        """The file names of every shard of `kind`, newest month first."""
        try:
            with os.scandir(self.root / kind) as entries:
                names = [
                    entry.name
                    for entry in entries
                    if entry.name.endswith(".json") and not entry.name.startswith(".")
                ]
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted(names, reverse=True)

    def shard_paths(self, kind: str) -> list[Path]:
        """Every shard of `kind`, newest month first."""
        directory = self.root / kind
        return [directory / name for name in self._shard_names(kind)]

    def _read_tables(self, path: Path) -> dict[str, dict[str, Any]]:
        """The tables in `path`, checked and current; a broken one is mended (see recovery.py)."""
        tables, notice = load_tables(self.root, path, self._lock)
        if notice:
            self.notices.append(notice)
        return tables

    @contextlib.contextmanager
    def _saving(self, path: Path) -> Iterator[PendingStorage]:
        """The tables of `path` under the data dir's lock, saved as ONE atomic write at the end.

        A failed save raises StoreError("Not saved: ...") and leaves the file as it was.
        """
        try:
            with self._lock:
                pending = PendingStorage(path, self._read_tables(path))
                yield pending
                if pending.changed:
                    backups.take_daily(self.root, path)
                    pending.commit()
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    @contextlib.contextmanager
    def _writing(self, path: Path) -> Iterator[TinyDB]:
        """A TinyDB on `path`, as `_saving`: every write goes through TinyDB."""
        from tinydb import TinyDB

        with self._saving(path) as pending:
            yield TinyDB(storage=lambda: pending)

    # -- sharded records -----------------------------------------------------

    def add(self, record: R) -> R:
        """Save one mood log, session or urge."""
        check_record(record)
        path = self.shard_path(record.KIND, record.when)
        self._dir(record.KIND)
        with self._writing(path) as database:
            database.insert(record.to_dict())
        return record

    def add_many(self, records: Iterable[ShardedRecord]) -> int:
        """Save many records with one write per shard (imports, synthetic history)."""
        by_shard: dict[Path, list[dict[str, Any]]] = {}
        for record in records:
            check_record(record)
            by_shard.setdefault(self.shard_path(record.KIND, record.when), []).append(
                record.to_dict()
            )
        with self._lock:
            for path, documents in sorted(by_shard.items()):
                self._dir(path.parent.name)
                with self._writing(path) as database:
                    database.insert_multiple(documents)
        return sum(len(documents) for documents in by_shard.values())

    def _find(self, kind: str, record_id: str, near: datetime | None = None) -> Path:
        """The shard holding the record of `kind` with `record_id`: `near`'s month first."""
        candidates = self.shard_paths(kind)
        if near is not None:
            candidates.insert(0, self.shard_path(kind, near))
        for path in candidates:
            documents = self._read_tables(path).get(DEFAULT_TABLE, {}).values()
            if any(document.get("id") == record_id for document in documents):
                return path
        raise RecordNotFoundError(
            "That entry is no longer there; it may have been deleted in another window."
        )

    def update(self, record: R) -> R:
        """Replace the saved record that has `record`'s id with `record`."""
        check_record(record)
        new_path = self.shard_path(record.KIND, record.when)
        with self._lock:
            old_path = self._find(record.KIND, record.id, near=record.when)
            if old_path == new_path:
                with self._writing(new_path) as database:
                    database.update(_replaced_by(record.to_dict()), _query().id == record.id)
                return record
            # Its month changed. Added before it is removed: a crash in between leaves
            # two copies with one id, never none.
            self._dir(record.KIND)
            with self._writing(new_path) as database:
                database.insert(record.to_dict())
            with self._writing(old_path) as database:
                database.remove(_query().id == record.id)
        return record

    def delete(self, kind: str, record_id: str) -> None:
        """Remove the record of `kind` ("moods", "sessions", "urges") with `record_id`."""
        with self._lock:
            path = self._find(kind, record_id)
            with self._writing(path) as database:
                database.remove(_query().id == record_id)

    def restore_backup(self, relative: str, day: date | None = None) -> str:
        """Put back the newest good backup of data file `relative` (or `day`'s); say so."""
        try:
            with self._lock:
                return backups.restore(self.root, relative, day)
        except LookupError as error:
            raise StoreError(f"There is no readable backup of {relative} to put back.") from error
        except OSError as error:
            raise StoreError(describe_write_failure(error)) from error

    def records(self, kind: str, since: datetime | None = None) -> Iterator[Any]:
        """Records of `kind`, newest first, optionally not older than `since`."""
        record_type = SHARDED_KINDS[kind]
        oldest_shard = month_key(since) if since else ""
        directory = self.root / kind
        # Paths made one at a time: the newest month is often all a caller reads.
        for name in self._shard_names(kind):
            if name.removesuffix(".json") < oldest_shard:
                break
            path = directory / name
            documents = self._read_tables(path).get(DEFAULT_TABLE, {}).values()
            for record in _newest_first(record_type, documents):
                if since and record.when < since:
                    return
                yield record

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

        return shard_aggregates(self.root, self._read_tables)

    def moods(self, since: datetime | None = None) -> list[MoodLog]:
        return list(self.records("moods", since))

    def sessions(self, stage: int | None = None, since: datetime | None = None) -> list[Session]:
        found = self.records("sessions", since)
        return [session for session in found if stage is None or session.stage == stage]

    def urges(self, since: datetime | None = None) -> list[Urge]:
        return list(self.records("urges", since))

    def latest_mood(self) -> MoodLog | None:
        """The newest mood log, reading only the newest month that has one."""
        return next(iter(self.records("moods")), None)

    def overview(self) -> Overview:
        """Counts and latest entries for the home screen, reading only shards that changed."""
        # Imported here: the quick commands that never paint home do not pay for it.
        from tui.store.summary import overview_fields

        return Overview(**overview_fields(self.root, self._read_tables))

    def urge_counts(self, since: datetime | None = None) -> tuple[int, int]:
        """(resisted, acted) urges from `since` on, without reading the months before it."""
        from tui.store.summary import urge_counts

        return urge_counts(self.root, self._read_tables, since)

    # -- tracker -------------------------------------------------------------

    def _table(self, filename: str, table: str) -> list[dict[str, Any]]:
        return list(self._read_tables(self.root / filename).get(table, {}).values())

    def no_contact_start(self) -> date | None:
        """The day the no-contact period began, if set."""
        documents = self._table(TRACKER_FILE, "start")
        return date.fromisoformat(documents[0]["date"]) if documents else None

    def set_no_contact_start(self, day: date) -> None:
        check_day(day, "The start day")
        with self._writing(self.root / TRACKER_FILE) as database:
            table = database.table("start")
            table.truncate()
            table.insert({"date": day.isoformat()})

    def add_slip(self, slip: Slip) -> Slip:
        check_record(slip)
        with self._writing(self.root / TRACKER_FILE) as database:
            database.table("slips").insert(slip.to_dict())
        return slip

    def slips(self) -> list[Slip]:
        found = [Slip.from_dict(document) for document in self._table(TRACKER_FILE, "slips")]
        return sorted(found, key=lambda slip: slip.at, reverse=True)

    def add_logistics(self, contact: LogisticsContact) -> LogisticsContact:
        check_record(contact)
        with self._writing(self.root / TRACKER_FILE) as database:
            database.table("logistics").insert(contact.to_dict())
        return contact

    def logistics(self) -> list[LogisticsContact]:
        documents = self._table(TRACKER_FILE, "logistics")
        found = [LogisticsContact.from_dict(document) for document in documents]
        return sorted(found, key=lambda contact: contact.at, reverse=True)

    # -- profile: small documents by key ---------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        """A value from profile.json (country, reasons, safety plan, boundaries card...)."""
        for document in self._table(PROFILE_FILE, "settings"):
            if document.get("key") == key:
                return document.get("value", default)
        return default

    def set_setting(self, key: str, value: Any) -> None:
        check_setting(key, value)
        with self._writing(self.root / PROFILE_FILE) as database:
            database.table("settings").upsert({"key": key, "value": value}, _query().key == key)

    def settings(self) -> dict[str, Any]:
        """Every setting in profile.json by key, in the order they were first saved (export)."""
        documents = self._table(PROFILE_FILE, "settings")
        return {str(document.get("key")): document.get("value") for document in documents}

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
