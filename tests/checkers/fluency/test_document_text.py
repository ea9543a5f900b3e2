import re

from review.checkers.fluency.document_text import (
    DocumentText,
    Trigger,
    Whole,
    WholeDocument,
    paragraph_batches,
)
from review.segment import Sentence

TEXTS = ("One, two.", ",Three", "Four @ five.", "Six")
# Two paragraphs: the first three sentences, then the last; "Three" is glued to "two.".
SENTENCES = (
    Sentence("s1", 0, 9, 1, TEXTS[0]),
    Sentence("s2", 9, 15, 1, TEXTS[1]),
    Sentence("s3", 16, 28, 1, TEXTS[2]),
    Sentence("s4", 29, 32, 2, TEXTS[3]),
)
AT_SIGN = Trigger("@")
SPACE_THEN_COMMA = Trigger(",", r"(?<=\s.)")
COMMA_THEN_LETTER = Trigger(",", "[A-Za-z]")


def ids(sentences):
    return [s.id for s in sentences]


def test_lines_offsets_and_paragraphs():
    document = DocumentText(SENTENCES)
    assert document.lines == "One, two.\n,Three\nFour @ five.\nSix"
    assert [document.line_start(i) for i in range(4)] == [0, 10, 17, 30]
    assert [document.sentence_index(o) for o in (0, 9, 10, 16, 17, 33)] == [0, 0, 1, 1, 2, 3]
    assert [ids(p) for p in document.paragraphs] == [["s1", "s2", "s3"], ["s4"]]
    assert [document.paragraph_of(i) for i in range(4)] == [(0, 0), (0, 1), (0, 2), (1, 0)]


def test_triggers_are_found_in_each_sentence_alone():
    document = DocumentText(SENTENCES, (AT_SIGN, SPACE_THEN_COMMA, COMMA_THEN_LETTER))
    assert ids(document.matching(AT_SIGN)) == ["s3"]
    assert ids(document.matching(COMMA_THEN_LETTER)) == ["s2"]
    # The newline before ",Three" is no space in the sentence.
    assert document.matching(SPACE_THEN_COMMA) == []
    assert ids(document.matching(None)) == ["s1", "s2", "s3", "s4"]


def test_a_trigger_not_given_beforehand_is_still_searched():
    document = DocumentText(SENTENCES, (AT_SIGN,))
    assert ids(document.matching(COMMA_THEN_LETTER)) == ["s2"]


def test_lines_matching_sees_the_newlines_and_stops_at_the_end():
    document = DocumentText(SENTENCES)
    # In ``lines`` the comma of ",Three" has the newline before it.
    assert ids(document.lines_matching(SPACE_THEN_COMMA.pattern)) == ["s2"]
    # A pattern that matches the empty string finds each sentence once, and the search ends.
    assert ids(document.lines_matching(re.compile("x?"))) == ["s1", "s2", "s3", "s4"]
    assert DocumentText(()).matching(AT_SIGN) == []


def test_an_analysis_is_made_once_per_document():
    calls = []

    def analysis(document: DocumentText) -> int:
        calls.append(document)
        return len(document.sentences)

    document = DocumentText(SENTENCES)
    assert (document.shared(analysis), document.shared(analysis)) == (4, 4)
    assert calls == [document]


def test_batches_hold_whole_paragraphs_of_at_least_the_size():
    # Paragraphs of 3, 1, 2 and 1 sentences.
    sentences = [Sentence(f"s{i}", 0, 0, p, "") for i, p in enumerate((1, 1, 1, 2, 3, 3, 4))]
    assert paragraph_batches(sentences, 2) == [(0, 3), (3, 6), (6, 7)]
    assert paragraph_batches(sentences, 10) == [(0, 7)]
    assert paragraph_batches([], 2) == []


def test_a_whole_analysis_is_made_once_over_the_batches_and_merged_in_order():
    parts = []

    def part(document: DocumentText) -> list[str]:
        parts.append(ids(document.sentences))
        return ids(document.sentences)

    whole = WholeDocument(SENTENCES, size=2)
    analysis = Whole(part, lambda a, b: a + b)
    batches = list(whole.batches())
    assert [ids(b.sentences) for b in batches] == [["s1", "s2", "s3"], ["s4"]]
    assert batches[1].whole(analysis) == batches[0].whole(analysis) == ids(SENTENCES)
    assert parts == [["s1", "s2", "s3"], ["s4"]]
    # A document of one batch is its own whole.
    assert DocumentText(SENTENCES).whole(analysis) == ids(SENTENCES)


def test_a_triggers_pattern_is_compiled_once_per_process():
    """Each checker makes its detectors' triggers anew (the suggestions' vetting, one checker
    a pass); their patterns outlive re's own cache of compiled patterns."""
    first = Trigger("x", r"(?<=\dx)\d").pattern
    re.purge()
    assert Trigger("x", r"(?<=\dx)\d").pattern is first
