"""The record classes behave as the values the rest of the app relies on."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, datetime

import pytest

from tui.store.records import Draft, ImmutableError, LogisticsContact, MoodLog, Session, Slip, Urge
from tui.store.store import Overview
from tui.store.tracker import Run

AT = datetime(2026, 11, 23, 20, 15, tzinfo=UTC)
SECRET = "I still miss the way they laughed"


def test_a_new_record_gets_its_own_id_and_the_documented_defaults() -> None:
    first, second = MoodLog(at=AT, mood=6), MoodLog(at=AT, mood=6)
    assert first.id != second.id and len(first.id) == 16
    assert (first.note, first.tags, first.source) == ("", (), "app")
    assert Session(1, AT, AT, None, None).answers == {}
    assert Slip(at=AT).they_reached_out is False and Slip(at=AT).mood is None


def test_records_with_the_same_fields_are_equal_and_hash_alike() -> None:
    log = MoodLog(at=AT, mood=6, note="calm", tags=("calm",), id="abc")
    twin = MoodLog(at=AT, mood=6, note="calm", tags=("calm",), id="abc")
    assert log == twin and hash(log) == hash(twin) and len({log, twin}) == 1
    assert log != MoodLog(at=AT, mood=7, note="calm", tags=("calm",), id="abc")
    assert LogisticsContact(at=AT, id="abc") != Urge(at=AT, strength=0, id="abc")
    assert Run(AT.date(), AT.date()) == Run(AT.date(), AT.date())


def test_a_record_cannot_be_changed_only_replaced() -> None:
    log = MoodLog(at=AT, mood=6, note="before")
    with pytest.raises(AttributeError):
        log.mood = 2
    with pytest.raises(ImmutableError):
        del log.note
    changed = log.replace(mood=2, note="after")
    assert (changed.mood, changed.note, changed.id, log.mood) == (2, "after", log.id, 6)
    with pytest.raises(TypeError):
        log.replace(colour="red")


def test_repr_never_shows_what_a_person_wrote() -> None:
    records = [
        MoodLog(at=AT, mood=3, note=SECRET),
        Urge(at=AT, strength=8, note=SECRET),
        Slip(at=AT, note=SECRET, feeling=SECRET),
        LogisticsContact(at=AT, note=SECRET),
        Session(2, AT, AT, 3, 5, {"letter": SECRET}),
        Draft(2, AT, AT, 3, {"letter": SECRET}),
    ]
    overview = Overview({}, {}, records[0], 1, 0, 0)
    for shown in [*map(repr, records), repr(overview)]:
        assert SECRET not in shown and "laughed" not in shown
    assert repr(records[0]).startswith("MoodLog(at=datetime.datetime(2026, 11, 23, 20, 15")
    assert "mood=3" in repr(records[0]) and "note=<33 chars>" in repr(records[0])


def test_to_dict_round_trips_and_hands_out_copies() -> None:
    session = Session(4, AT, AT, 2, 6, {"list": ["a", {"b": 1}]}, id="s1", updated_at=AT)
    data = session.to_dict()
    assert list(data) == [
        "stage",
        "started_at",
        "saved_at",
        "mood_before",
        "mood_after",
        "answers",
        "id",
        "updated_at",
    ]
    assert data["saved_at"] == "2026-11-23T20:15:00+00:00"
    data["answers"]["list"][1]["b"] = 2
    assert session.answers == {"list": ["a", {"b": 1}]}
    assert Session.from_dict(session.to_dict()) == session
    log = MoodLog(at=AT, mood=6, tags=("calm", "tired"), id="m1", updated_at=AT)
    assert log.to_dict()["tags"] == ["calm", "tired"]
    assert MoodLog.from_dict(log.to_dict()) == log
    draft = Draft(1, AT, AT, None)
    assert draft.to_dict() == {
        "stage": 1,
        "started_at": "2026-11-23T20:15:00+00:00",
        "updated_at": "2026-11-23T20:15:00+00:00",
        "mood_before": None,
        "answers": {},
        "mood_after": None,
        "step": 0,
        "owner": "",
    }
    assert Draft.from_dict(draft.to_dict()) == draft


def test_records_survive_copy_and_pickle() -> None:
    slip = Slip(at=AT, they_reached_out=True, note="hello", mood=4)
    assert copy.copy(slip) == slip and copy.deepcopy(slip) == slip
    assert pickle.loads(pickle.dumps(slip)) == slip
