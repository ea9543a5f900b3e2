import dataclasses
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from review.worddiff import DiffOp, Op, new_text, old_text, word_diff


def ops(diff):
    return [(d.op.value, d.text) for d in diff]


def test_a_changed_word_and_punctuation():
    assert ops(word_diff("The cat sat.", "The dog sat!")) == [
        ("equal", "The "),
        ("delete", "cat"),
        ("insert", "dog"),
        ("equal", " sat"),
        ("delete", "."),
        ("insert", "!"),
    ]


def test_a_lone_space_between_changes_joins_them():
    assert ops(word_diff("one a b two", "one c d two")) == [
        ("equal", "one "),
        ("delete", "a b"),
        ("insert", "c d"),
        ("equal", " two"),
    ]


def test_non_ascii_words_are_words():
    assert ops(word_diff("naïve café 。”", "naive café.”")) == [
        ("delete", "naïve"),
        ("insert", "naive"),
        ("equal", " café"),
        ("delete", " 。"),
        ("insert", "."),
        ("equal", "”"),
    ]


def test_identical_empty_and_one_sided():
    assert word_diff("same", "same") == (DiffOp(Op.EQUAL, "same"),)
    assert word_diff("", "") == ()
    assert word_diff("", "new words") == (DiffOp(Op.INSERT, "new words"),)
    assert word_diff("old", "") == (DiffOp(Op.DELETE, "old"),)


def test_ops_are_frozen_values():
    first, second = word_diff("a b", "a c"), word_diff("a b", "a c")
    assert first is not second and len({first, second}) == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        first[0].text = "x"  # type: ignore[misc]


@given(st.text(max_size=60), st.text(max_size=60))
def test_the_ops_rebuild_both_strings_and_never_repeat_a_kind(old, new):
    diff = word_diff(old, new)
    assert old_text(diff) == old
    assert new_text(diff) == new
    assert all(d.text for d in diff)
    for first, second in itertools.pairwise(diff):
        assert first.op != second.op
        assert (first.op, second.op) != (Op.INSERT, Op.DELETE)
