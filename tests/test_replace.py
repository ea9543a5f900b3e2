"""Find and replace's matching (the session's preview and apply are in test_session.py)."""

from __future__ import annotations

import time

import pytest

from review.errors import ReviewError
from review.replace import Replacement, find_hits


def test_a_pattern_that_backtracks_without_end_gives_up_in_one_line() -> None:
    # `re` searched "(a|aa)+b" over forty a's for ever: the command never ended, and the
    # review's find and replace froze it.
    texts = [("s1", "a" * 40 + "! The end.")]
    started = time.monotonic()
    with pytest.raises(ReviewError) as raised:
        list(find_hits(Replacement("(a|aa)+b", "x", regex=True), texts, seconds=0.3))
    assert time.monotonic() - started < 3
    assert str(raised.value) == (
        "'(a|aa)+b' took more than 0.3 s to search the text (a pattern that backtracks, such "
        "as (a|aa)+b, tries every way to match): make it simpler"
    )


def test_the_patterns_of_re_find_what_they_found() -> None:
    texts = [("s1", "Win-win and WIN-WIN cooperation, win-wins."), ("s2", "Nothing here.")]
    found = find_hits(
        Replacement(r"(win)-(win)", r"\2 \g<1>", regex=True, whole_word=True, ignore_case=True),
        texts,
    )
    assert [(h.sentence_id, h.start, h.before, h.after) for h in found] == [
        ("s1", 0, "Win-win", "win Win"),
        ("s1", 12, "WIN-WIN", "WIN WIN"),
    ]
