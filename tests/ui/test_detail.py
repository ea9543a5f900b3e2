"""The detail pane's rendering of suggestions."""

from __future__ import annotations

from dataclasses import replace

from review.ui.widgets.detail import shown_suggestions
from ui.harness import recorded_flags


def test_suggestions_differing_only_in_spaces_show_them():
    flag = replace(recorded_flags()[0], text="’ ,", replacements=("’,", "’ ,", ""))
    assert shown_suggestions(flag) == ["’,", "’␣,", "(delete)"]


def test_a_trailing_or_doubled_space_shows():
    flag = replace(recorded_flags()[0], text="word", replacements=("word ", "a  b"))
    assert shown_suggestions(flag) == ["word␣", "a␣␣b"]


def test_ordinary_suggestions_keep_plain_spaces():
    flag = replace(recorded_flags()[0], text="teh cat", replacements=("the cat", "ten cats"))
    assert shown_suggestions(flag) == ["the cat", "ten cats"]
