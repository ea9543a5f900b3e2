import re
from collections import Counter

from review.checkers.consensus import word_counts as module
from review.checkers.consensus.word_counts import word_counts

WORD = re.compile(r"[^\W\d_]+")
TEXT = "Colour and colour.\nThe colours of the Colour\n\nfade, colour by colour."


def test_counted_a_window_of_lines_at_a_time_as_all_at_once(monkeypatch):
    monkeypatch.setattr(module, "_WINDOW", 4)
    assert word_counts(WORD, TEXT) == Counter(WORD.findall(TEXT))
    lowered = word_counts(WORD, TEXT, str.lower)
    assert lowered["colour"] == 5 and lowered["the"] == 2 and "Colour" not in lowered


def test_an_empty_text_has_no_words():
    assert word_counts(WORD, "") == Counter()
