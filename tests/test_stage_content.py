"""The stage content in data/stages.json loads, and a malformed copy names file and field."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from tui.content.loader import ContentError, content_dir
from tui.content.scales import parse_scales
from tui.content.stages import load_stages, parse_stages


def shipped() -> Any:
    """A fresh copy of the shipped stage content, to break in one place."""
    return json.loads((content_dir() / "stages.json").read_text(encoding="utf-8"))


def test_five_stages_each_open_and_close_with_a_mood() -> None:
    stages = load_stages()
    assert sorted(stages) == [1, 2, 3, 4, 5]
    for stage in stages.values():
        assert stage.steps[0].fields[0].key == "mood_before"
        assert stage.steps[-1].fields[-1].key == "mood_after"
        assert len(stage.steps) >= 3


def test_the_exercises_ask_what_the_product_promises() -> None:
    kinds = {n: {f.key: f.kind for f in stage.fields} for n, stage in load_stages().items()}
    assert kinds[1]["pick_day"] == "date"
    assert kinds[2]["emotions"] == "emotions" and kinds[2]["breathing"] == "breathing"
    assert kinds[3]["urge_timer"] == "urge_timer" and kinds[3]["urge_strength"] == "scale"
    assert {"need", "wont_accept", "line", "checklist"} <= set(kinds[4])
    assert kinds[5]["open_on"] == "date"
    assert load_stages()[5].fields[-2].default_days_ahead == 30


def break_content(change: Any) -> str:
    data = copy.deepcopy(shipped())
    change(data)
    with pytest.raises(ContentError) as caught:
        parse_stages(data)
    return str(caught.value)


def test_a_missing_prompt_names_the_step() -> None:
    message = break_content(lambda data: data["stages"][1]["steps"][2].pop("prompt"))
    assert message == "stages.json.stages[1].steps[2]: field 'prompt' is missing"


def test_an_unknown_field_kind_is_named() -> None:
    def change(data: Any) -> None:
        data["stages"][0]["steps"][1]["fields"][0]["kind"] = "slider"

    message = break_content(change)
    assert message.startswith("stages.json.stages[0].steps[1].fields[0]: field 'kind'")


def test_a_choice_without_options_is_refused() -> None:
    def change(data: Any) -> None:
        data["stages"][2]["steps"][2]["fields"][1]["options"] = []

    assert "field 'options' is needed" in break_content(change)


def test_a_repeated_key_is_refused() -> None:
    def change(data: Any) -> None:
        data["stages"][0]["steps"][2]["fields"][0]["key"] = "loved_before"

    assert "'loved_before' is used twice" in break_content(change)


def test_a_stage_must_end_with_the_mood_after() -> None:
    message = break_content(lambda data: data["stages"][4]["steps"].pop())
    assert message.startswith("stages.json.stages[4]: field 'steps' must open with")


def test_a_missing_or_repeated_stage_is_refused() -> None:
    assert "stages 1 to 5" in break_content(lambda data: data["stages"].pop())

    def repeat(data: Any) -> None:
        data["stages"][1]["number"] = 1

    assert break_content(repeat).startswith("stages.json.stages[1]: field 'number' 1")


def test_a_wrong_type_is_named() -> None:
    def change(data: Any) -> None:
        data["stages"][3]["number"] = "four"

    assert break_content(change) == "stages.json.stages[3]: field 'number' has the wrong type"


def test_a_scale_names_a_scale_that_exists() -> None:
    def change(data: Any) -> None:
        data["stages"][2]["steps"][0]["fields"][1]["scale"] = "hunger"

    assert "field 'scale' is 'hunger', which no file defines" in break_content(change)


def test_a_scale_needs_a_word_for_every_value() -> None:
    scales = json.loads((content_dir() / "scales.json").read_text(encoding="utf-8"))
    scales["urge"].pop()
    with pytest.raises(ContentError, match="field 'urge' needs 11 labels, 0 to 10"):
        parse_scales(scales)


def test_the_boundaries_card_needs_a_heading_for_each_statement() -> None:
    def change(data: Any) -> None:
        data["stages"][3]["steps"][3]["fields"][0]["options"].pop()

    assert "field 'options' needs a heading for each statement" in break_content(change)
