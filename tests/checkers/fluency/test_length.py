from hypothesis import given, settings
from hypothesis import strategies as st

from review.checkers.fluency.length import _CLAUSE_BREAK, _WORD, LongSentence

RULE = LongSentence.rule


def test_long_unbroken_run_on_sentence(flags):
    text = (
        "The history of hundreds of years shows that the formation of every international "
        "relationship and the establishment of every international system bear a distinct "
        "imprint of the times and must be constantly innovated and improved with the "
        "development of the times or else it will not keep up."
    )
    [flag] = flags(RULE, text)
    assert (flag.start, flag.end) == (0, len(text))
    assert flag.message.startswith("Long sentence (48 words, 48 without a pause)")


def test_long_but_clear_legal_sentence_is_silent(found):
    text = (
        "Where the lessee, having been served with a written notice under section 4(2), fails "
        "to remedy the breach within 30 days, the lessor may, without prejudice to any other "
        "remedy, terminate this lease by giving the lessee, or the lessee's agent, a further "
        "notice in writing; such termination shall take effect on the date stated in it."
    )
    assert len(text.split()) > 50
    assert found(RULE, text) == []


def test_short_sentence_is_silent(found):
    assert found(RULE, "This is a short and perfectly ordinary sentence without any pause.") == []


def test_off_by_default():
    assert LongSentence.default_on is False


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab9 -–—,;:()[]'’_\t"), max_size=40))
def test_no_word_spans_a_clause_break(text):
    # LongSentence counts the sentence's words as the sum of its clauses' words.
    clauses = _CLAUSE_BREAK.split(text)
    assert len(_WORD.findall(text)) == sum(len(_WORD.findall(c)) for c in clauses)
