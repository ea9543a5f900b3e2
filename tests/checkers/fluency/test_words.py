import re

from hypothesis import given, settings
from hypothesis import strategies as st

from review.checkers.fluency.document_text import DocumentText
from review.checkers.fluency.words import WORD, sentence_words
from review.segment import Sentence


def words_of(*texts: str):
    sentences = [Sentence(f"s{i}", 0, len(t), i, t) for i, t in enumerate(texts, start=1)]
    return sentence_words(DocumentText(sentences))


def test_words_in_lower_case_and_runs_of_a_to_z():
    words = words_of("The U.S. spent $3.5bn", "China’s “win-win” café", "Don't_stop 2x")
    assert words.lower == (
        ["the", "u", "s", "spent", "bn"],
        ["china’s", "win", "win", "café"],
        ["don't", "stop", "x"],
    )
    assert words.a_to_z == (
        ["the", "u", "s", "spent", "bn"],
        ["china", "s", "win", "win", "caf"],
        ["don", "t", "stop", "x"],
    )


def test_a_word_said_again_is_the_same_string():
    """A book's words are held once each, not once a time they are said (memory flat in the
    text's size), on each path: plain ASCII, with an apostrophe, beyond ASCII."""
    words = words_of("The cat sat.", "The cat's hat.", "The café cat.")
    cats = [words.lower[0][1], words.a_to_z[1][1], words.lower[2][2], words.a_to_z[2][2]]
    assert cats == ["cat"] * 4
    assert all(cat is cats[0] for cat in cats)
    assert words.lower[1][0] is words.lower[0][0] is words.a_to_z[2][0]


def test_words_found_some_sentences_at_a_time_are_those_found_at_once(monkeypatch):
    from review.checkers.fluency import words as module

    texts = ("The cat sat.", "China’s café", "Don't stop", "x\ny", "Last one")
    whole = words_of(*texts)
    monkeypatch.setattr(module, "_AT_ONCE", 2)
    assert words_of(*texts) == whole


# ASCII with and without apostrophes, and a little beyond: the fast path (ASCII without an
# apostrophe) must find what the regular expressions find.
TEXTS = st.text(st.sampled_from("aZq '’-_.,9\t\nÉé"), max_size=30)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(TEXTS, min_size=1, max_size=5))
def test_fast_path_finds_what_the_regular_expressions_find(texts):
    words = words_of(*texts)
    assert list(words.lower) == [[w.lower() for w in WORD.findall(t)] for t in texts]
    assert list(words.a_to_z) == [re.findall("[a-z]+", t.lower()) for t in texts]
