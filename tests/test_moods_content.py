"""Mood labels and emotion words: the shipped file is sound, and faults name file and field."""

from __future__ import annotations

import copy

import pytest

from tui.content.loader import ContentError, load_json
from tui.content.moods import parse_moods

GOOD = load_json("moods.json")


def test_eleven_labels_and_grouped_emotion_words() -> None:
    """0 is the worst, 10 the best; every emotion word has a line and a group."""
    moods = parse_moods(GOOD)
    assert len(moods.labels) == 11
    assert moods.label(0) == GOOD["labels"][0]
    assert moods.label(10) == GOOD["labels"][10]
    assert moods.label(99) == moods.label(10) and moods.label(-1) == moods.label(0)
    assert len(moods.groups) >= 4
    assert all(emotion.line and emotion.group for emotion in moods.emotions)
    assert all(len(label) <= 18 for label in moods.labels), "labels fit beside the slider"
    assert all(" " not in emotion.word for emotion in moods.emotions), "words save as tags"


def broken(change) -> dict:
    data = copy.deepcopy(GOOD)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["labels"].pop(), "moods.json: field 'labels' needs 11"),
        (lambda d: d.pop("emotion_groups"), "moods.json: field 'emotion_groups' is missing"),
        (
            lambda d: d["emotion_groups"][1]["emotions"][0].pop("line"),
            "moods.json.emotion_groups[1].emotions[0]: field 'line' is missing",
        ),
        (
            lambda d: d["emotion_groups"][0]["emotions"].append({"word": "sad", "line": "x"}),
            "field 'word' repeats 'sad'",
        ),
    ],
)
def test_a_malformed_file_names_the_file_and_field(change, message: str) -> None:
    """Each fault is reported with where it is, so a content edit is easy to fix."""
    with pytest.raises(ContentError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_moods(broken(change))
