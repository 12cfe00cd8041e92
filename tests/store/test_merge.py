"""The three-way merge of a setting two windows edited: nothing either saved is dropped."""

from __future__ import annotations

from tui.store.merge import BOTH_KEPT, merge


def test_fields_each_window_changed_are_both_kept() -> None:
    before = {"need": "quiet", "line": "no calls"}
    mine = {"need": "quiet mornings", "line": "no calls"}
    theirs = {"need": "quiet", "line": "no calls after 9"}
    assert merge(before, mine, theirs) == {"need": "quiet mornings", "line": "no calls after 9"}


def test_text_both_windows_changed_keeps_both_texts_mine_first() -> None:
    assert merge("a", "mine", "theirs") == f"mine{BOTH_KEPT}theirs"


def test_a_field_only_the_other_window_added_is_kept() -> None:
    assert merge({}, {"a": "1"}, {"b": "2"}) == {"b": "2", "a": "1"}


def test_a_field_this_window_removed_goes_unless_the_other_changed_it() -> None:
    assert merge({"a": "1", "b": "2"}, {"a": "1"}, {"a": "1", "b": "2"}) == {"a": "1"}
    assert merge({"a": "1", "b": "2"}, {"a": "1"}, {"a": "1", "b": "3"}) == {"a": "1", "b": "3"}


def test_lists_keep_what_either_added_and_lose_only_what_this_window_removed() -> None:
    before = [{"text": "one"}, {"text": "two"}]
    mine = [{"text": "two"}, {"text": "mine"}]
    theirs = [{"text": "one"}, {"text": "two"}, {"text": "theirs"}]
    assert merge(before, mine, theirs) == [{"text": "two"}, {"text": "theirs"}, {"text": "mine"}]


def test_a_choice_both_changed_takes_this_windows_value() -> None:
    assert merge("uk", "us", "ie", "country") == "us"
    assert merge(1, 2, 3) == 2
    card = merge({"saved_at": "t0"}, {"saved_at": "t1"}, {"saved_at": "t2"}, "boundaries_card")
    assert card == {"saved_at": "t1"}


def test_unchanged_on_either_side_is_no_merge_at_all() -> None:
    assert merge("a", "b", "a") == "b"
    assert merge("a", "a", "c") == "c"
    assert merge(None, {"need": "x"}, None) == {"need": "x"}
