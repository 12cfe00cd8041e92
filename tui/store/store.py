"""The one way into a person's records, shared by the command line and the app.

Layout of the data dir (decided once; see README "Where your data lives"):
    moods/YYYY-MM.json, sessions/YYYY-MM.json, urges/YYYY-MM.json
        the records that grow every day, one TinyDB file per kind and month, so a
        write costs the same in the tenth year as in the first week;
    tracker.json   the no-contact start, slips and logistics contact (few, read whole);
    profile.json   settings, reasons, safety plan, boundaries card, letters;
    drafts.json    stages left half way;
    .lock          held by whoever is writing, for one read-modify-write.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import Query, TinyDB

from tui.store.atomic import remove_stale_temp_files
from tui.store.lock import DirLock
from tui.store.paths import resolve_data_dir
from tui.store.records import Draft, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.storage import AtomicJSONStorage, CorruptFileError

ShardedRecord = MoodLog | Session | Urge
R = TypeVar("R", MoodLog, Session, Urge)

SHARDED_KINDS: dict[str, type[MoodLog] | type[Session] | type[Urge]] = {
    "moods": MoodLog,
    "sessions": Session,
    "urges": Urge,
}
TRACKER_FILE = "tracker.json"
PROFILE_FILE = "profile.json"
DRAFTS_FILE = "drafts.json"
LOCK_FILE = ".lock"


@dataclass(frozen=True)
class Overview:
    """What the home screen paints: small, and never a walk through all of history."""

    sessions_per_stage: dict[int, int]
    last_session_per_stage: dict[int, datetime]
    latest_mood: MoodLog | None
    mood_count: int
    urges_resisted: int
    urges_acted: int


class StoreError(Exception):
    """Something on disk stopped a read or a save; the message is for the person."""


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
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.chmod(path, 0o700)
        except OSError as error:
            raise StoreError(f"The data folder {path} cannot be used: {error.strerror}.") from error
        store = cls(path)
        for directory in (path, *(path / kind for kind in SHARDED_KINDS)):
            remove_stale_temp_files(directory)
        return store

    # -- files ---------------------------------------------------------------

    def _dir(self, name: str) -> Path:
        directory = self.root / name
        if not directory.is_dir():
            directory.mkdir(mode=0o700, exist_ok=True)
            os.chmod(directory, 0o700)
        return directory

    def shard_path(self, kind: str, moment: datetime | date) -> Path:
        """The file that holds records of `kind` for the month of `moment`."""
        return self.root / kind / f"{month_key(moment)}.json"

    def shard_paths(self, kind: str) -> list[Path]:
        """Every shard of `kind`, newest month first."""
        directory = self.root / kind
        if not directory.is_dir():
            return []
        names = [
            entry.name
            for entry in os.scandir(directory)
            if entry.name.endswith(".json") and not entry.name.startswith(".")
        ]
        return [directory / name for name in sorted(names, reverse=True)]

    def _read_tables(self, path: Path) -> dict[str, dict[str, Any]]:
        """The tables in `path`, or none; a file that cannot be read is kept aside."""
        try:
            return AtomicJSONStorage(path).read() or {}
        except CorruptFileError as error:
            with self._lock:
                self._keep_aside(path, error)
            return {}

    def _keep_aside(self, path: Path, error: CorruptFileError) -> None:
        """Move an unreadable file out of the way under a new name, and say so."""
        if not path.exists():
            return
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = path.with_name(f"{path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        os.replace(path, target)
        self.notices.append(
            f"{path.name} could not be read ({error.reason}), so it was kept aside as "
            f"{target} and nothing in it was changed."
        )

    @contextlib.contextmanager
    def _writing(self, path: Path) -> Iterator[TinyDB]:
        """A TinyDB on `path`, held under the data dir's lock for one read-modify-write."""
        with self._lock:
            self._read_tables(path)  # keeps a broken file aside before TinyDB sees it
            database = TinyDB(path, storage=AtomicJSONStorage)
            try:
                yield database
            except OSError as error:
                raise StoreError(f"Not saved: {error.strerror or error}.") from error
            finally:
                database.close()

    # -- sharded records -----------------------------------------------------

    def add(self, record: R) -> R:
        """Save one mood log, session or urge."""
        path = self.shard_path(record.KIND, record.when)
        self._dir(record.KIND)
        with self._writing(path) as database:
            database.insert(record.to_dict())
        return record

    def add_many(self, records: Iterable[ShardedRecord]) -> int:
        """Save many records with one write per shard (imports, synthetic history)."""
        by_shard: dict[Path, list[dict[str, Any]]] = {}
        for record in records:
            by_shard.setdefault(self.shard_path(record.KIND, record.when), []).append(
                record.to_dict()
            )
        with self._lock:
            for path, documents in sorted(by_shard.items()):
                self._dir(path.parent.name)
                with self._writing(path) as database:
                    database.insert_multiple(documents)
        return sum(len(documents) for documents in by_shard.values())

    def records(self, kind: str, since: datetime | None = None) -> Iterator[Any]:
        """Records of `kind`, newest first, optionally not older than `since`."""
        record_type = SHARDED_KINDS[kind]
        oldest_shard = month_key(since) if since else ""
        for path in self.shard_paths(kind):
            if path.stem < oldest_shard:
                break
            documents = self._read_tables(path).get("_default", {}).values()
            # Insertion order breaks ties, so two records in the same second stay in order.
            ordered = sorted(
                enumerate(record_type.from_dict(document) for document in documents),
                key=lambda pair: (pair[1].when, pair[0]),
                reverse=True,
            )
            month = [record for _, record in ordered]
            for record in month:
                if since and record.when < since:
                    return
                yield record

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

    # -- tracker -------------------------------------------------------------

    def _table(self, filename: str, table: str) -> list[dict[str, Any]]:
        return list(self._read_tables(self.root / filename).get(table, {}).values())

    def no_contact_start(self) -> date | None:
        """The day the no-contact period began, if set."""
        documents = self._table(TRACKER_FILE, "start")
        return date.fromisoformat(documents[0]["date"]) if documents else None

    def set_no_contact_start(self, day: date) -> None:
        with self._writing(self.root / TRACKER_FILE) as database:
            table = database.table("start")
            table.truncate()
            table.insert({"date": day.isoformat()})

    def add_slip(self, slip: Slip) -> Slip:
        with self._writing(self.root / TRACKER_FILE) as database:
            database.table("slips").insert(slip.to_dict())
        return slip

    def slips(self) -> list[Slip]:
        found = [Slip.from_dict(document) for document in self._table(TRACKER_FILE, "slips")]
        return sorted(found, key=lambda slip: slip.at, reverse=True)

    def add_logistics(self, contact: LogisticsContact) -> LogisticsContact:
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
        with self._writing(self.root / PROFILE_FILE) as database:
            database.table("settings").upsert({"key": key, "value": value}, Query().key == key)

    # -- drafts --------------------------------------------------------------

    def draft(self, stage: int) -> Draft | None:
        for document in self._table(DRAFTS_FILE, "drafts"):
            if document.get("stage") == stage:
                return Draft.from_dict(document)
        return None

    def save_draft(self, draft: Draft) -> None:
        with self._writing(self.root / DRAFTS_FILE) as database:
            database.table("drafts").upsert(draft.to_dict(), Query().stage == draft.stage)

    def discard_draft(self, stage: int) -> None:
        with self._writing(self.root / DRAFTS_FILE) as database:
            database.table("drafts").remove(Query().stage == stage)
