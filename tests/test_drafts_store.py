"""drafts.json through the Store: one draft per window, written under the lock on fresh data."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tui.store.records import Draft, FormDraft
from tui.store.store import Store
from tui.store.validation import ValidationError

AT = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)


def on_disk(data_dir: Path) -> dict:
    """drafts.json as the bytes on disk say, tables by name."""
    return json.loads((data_dir / "drafts.json").read_text())


def draft(owner: str, text: str, *, stage: int = 1, minutes: int = 0) -> Draft:
    moment = AT + timedelta(minutes=minutes)
    return Draft(stage, AT, moment, 4, {"loved_before": text}, mood_after=None, step=2, owner=owner)


def test_each_window_keeps_its_own_draft_and_deletes_only_its_own(data_dir: Path) -> None:
    """Window A and window B both keep a draft of stage 1; B's save removes B's alone."""
    window_a, window_b = Store.open(data_dir), Store.open(data_dir)
    window_a.save_draft(draft("a", "from A"))
    window_b.save_draft(draft("b", "from B", minutes=1))
    window_a.save_draft(draft("a", "from A, longer"))
    tables = on_disk(data_dir)["drafts"]
    assert sorted(d["answers"]["loved_before"] for d in tables.values()) == [
        "from A, longer",
        "from B",
    ]
    window_b.discard_draft(1, "b")
    left = Store.open(data_dir).drafts()
    assert [(d.owner, d.answers["loved_before"]) for d in left] == [("a", "from A, longer")]
    window_b.discard_draft(1, "b")  # nothing of B's left: nothing else is touched
    assert Store.open(data_dir).drafts() == left


def test_the_newest_draft_is_offered(data_dir: Path) -> None:
    """Of two windows' drafts of one stage, the one kept last is the one a stage offers."""
    store = Store.open(data_dir)
    store.save_draft(draft("b", "later", minutes=5))
    store.save_draft(draft("a", "earlier"))
    offered = store.draft(1)
    assert offered is not None and offered.answers == {"loved_before": "later"}
    assert store.draft(2) is None


def test_taking_a_draft_over_reads_it_fresh_and_keeps_it_under_the_new_window(
    data_dir: Path,
) -> None:
    """Carrying on takes the draft as it is on disk now, not as it was when offered."""
    reader, writer = Store.open(data_dir), Store.open(data_dir)
    writer.save_draft(draft("old", "first words"))
    offered = reader.draft(1)
    assert offered is not None
    writer.save_draft(draft("old", "first words, and more", minutes=1))  # after the offer
    taken = reader.take_draft(offered, "new")
    assert taken.owner == "new"
    assert taken.answers == {"loved_before": "first words, and more"}
    assert [(d.owner, d.step) for d in Store.open(data_dir).drafts()] == [("new", 2)]


def test_taking_a_draft_that_went_meanwhile_keeps_what_was_offered(data_dir: Path) -> None:
    """If the draft's window saved it between the offer and the choice, nothing is lost."""
    store = Store.open(data_dir)
    store.save_draft(draft("old", "still wanted"))
    offered = store.draft(1)
    assert offered is not None
    store.discard_draft(1, "old")
    taken = store.take_draft(offered, "new")
    assert taken.answers == {"loved_before": "still wanted"}
    assert Store.open(data_dir).draft(1) == taken


def test_dialog_drafts_follow_the_same_rules(data_dir: Path) -> None:
    """A form's draft is kept per window, taken over, and deleted only by its window."""
    store = Store.open(data_dir)
    store.save_form_draft(FormDraft("mood_log", AT, {"mood-note": "tired"}, "a"))
    store.save_form_draft(FormDraft("urge", AT, {"urge-note": "call"}, "a"))
    store.save_form_draft(FormDraft("mood_log", AT, {"mood-note": "later"}, "b"))
    offered = store.form_draft("mood_log")
    assert offered is not None and offered.owner == "b"
    taken = store.take_form_draft(offered, "c")
    assert taken.values == {"mood-note": "later"} and taken.owner == "c"
    store.discard_form_draft("mood_log", "c")
    left = on_disk(data_dir)["forms"].values()
    assert sorted((d["form"], d["owner"]) for d in left) == [("mood_log", "a"), ("urge", "a")]


def test_a_draft_written_before_owners_and_steps_still_opens(data_dir: Path) -> None:
    """drafts.json from an earlier build (no owner, step or closing mood) reads as step 0."""
    (data_dir).mkdir(parents=True)
    document = {
        "stage": 3,
        "started_at": AT.isoformat(),
        "updated_at": AT.isoformat(),
        "mood_before": 2,
        "answers": {"would_say": "i miss you"},
    }
    (data_dir / "drafts.json").write_text(json.dumps({"_schema": 1, "drafts": {"1": document}}))
    store = Store.open(data_dir)
    old = store.draft(3)
    assert old is not None
    assert (old.step, old.owner, old.mood_after) == (0, "", None)
    store.discard_draft(3, "")
    assert store.draft(3) is None


def test_a_damaged_draft_file_is_kept_aside_not_read(data_dir: Path) -> None:
    """A draft whose step is not a count makes drafts.json unreadable: it is set aside."""
    data_dir.mkdir(parents=True)
    document = {"stage": 1, "started_at": AT.isoformat(), "updated_at": AT.isoformat(), "step": -1}
    (data_dir / "drafts.json").write_text(json.dumps({"_schema": 1, "drafts": {"1": document}}))
    store = Store.open(data_dir)
    assert store.draft(1) is None
    assert store.notices and "drafts.json" in store.notices[0]
    assert list(data_dir.glob("drafts.json.corrupt-*"))


def test_a_draft_that_cannot_be_saved_is_refused_whole(data_dir: Path) -> None:
    """A negative step or an owner with a control character never reaches the disk."""
    store = Store.open(data_dir)
    with pytest.raises(ValidationError):
        store.save_draft(draft("a", "x").replace(step=-1))
    with pytest.raises(ValidationError):
        store.save_form_draft(FormDraft("urge", AT, {}, "a\x00"))
    assert not (data_dir / "drafts.json").exists()
