"""A corrected text and its sentences not joined are the corrected text and sentences that
``ReviewState.current_document`` joins (``review.corrected``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from review.corrected import CorrectedText, PlacedSentences
from review.segment import Sentence, segment
from review.state import ReviewState, SentenceReview, corrected_gaps

WORDS = st.sampled_from(["One", "two", "“three”", "four,", "5", "six"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=4).map(lambda w: " ".join(w) + ".")
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join)
TEXT = st.lists(PARAGRAPH, min_size=1, max_size=5).map(lambda p: "\n".join(p) + "\n")
EDIT = st.one_of(st.just(""), SENTENCE, st.text("ab “.\n", max_size=12))


def _walked(state: ReviewState, text: str, sentences: tuple[Sentence, ...]):
    """The corrected text and each sentence's (id, start, end, text) there, walked gap by gap
    as ``current_document`` did before it was built on ``review.corrected``."""
    gaps = corrected_gaps(text, sentences, state.deleted_ids())
    pieces: list[str] = []
    placed = []
    at = 0
    for sentence, gap in zip(sentences, gaps, strict=False):
        current = state.text_of(sentence)
        at += len(gap)
        placed.append((sentence.id, at, at + len(current), current))
        at += len(current)
        pieces += (gap, current)
    return "".join([*pieces, gaps[-1]]), placed


@settings(max_examples=200, deadline=None)
@given(TEXT, st.data())
def test_not_joined_is_the_corrected_document(text, data):
    sentences = segment(text)
    edited = data.draw(st.lists(st.sampled_from(sentences), unique=True, max_size=4))
    state = ReviewState().with_reviews(
        {s.id: SentenceReview(edited=data.draw(EDIT)) for s in edited}
    )
    expected_text, expected_placed = _walked(state, text, sentences)

    joined, placed = state.current_document(text, sentences)
    assert joined == expected_text
    assert [(s.id, s.start, s.end, s.text) for s in placed] == expected_placed
    corrected, lazy = state.corrected(text, sentences)
    assert [(s.id, s.start, s.end, s.text) for s in lazy] == expected_placed
    if isinstance(corrected, str):  # nothing changed
        assert corrected is text and lazy is sentences and joined is text
        return
    assert isinstance(lazy, PlacedSentences)
    assert len(corrected) == len(expected_text)
    assert "".join(corrected.pieces(size=3)) == expected_text
    start = data.draw(st.integers(0, len(expected_text)))
    stop = data.draw(st.integers(start, len(expected_text) + 2))
    assert corrected[start:stop] == expected_text[start:stop]
    needle = data.draw(st.sampled_from(["“", "x", ". O", "\n", "”.\n"]))
    assert (needle in corrected) is (needle in expected_text)
    # Neither moved nor changed: the original sentence itself.
    for original, made in zip(sentences, placed, strict=True):
        if (made.start, made.text) == (original.start, original.text):
            assert made is original


def test_the_pieces_are_of_the_size_asked_for():
    corrected = CorrectedText.of("abcdefghij", [(2, 4, "XYZ")])
    assert list(corrected.pieces(size=3)) == ["ab", "XYZ", "efg", "hij"]
    assert corrected.joined() == "abXYZefghij"
    assert corrected[1:6] == "bXYZe"
    assert "Ze" in corrected and "Zf" not in corrected


@st.composite
def _corrected(draw: st.DrawFn) -> CorrectedText:
    """A text with some spans of it replaced (some by nothing, some of nothing)."""
    original = draw(st.text("ab“\n", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(original)), max_size=6)))
    replaced = [
        (start, end, draw(st.text("xy”", max_size=4)))
        for start, end in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    return CorrectedText.of(original, replaced)


@settings(max_examples=500, deadline=None)
@given(_corrected(), st.data())
def test_startswith_is_the_joined_texts(corrected, data):
    joined = corrected.joined()
    position = data.draw(st.integers(-len(joined) - 2, len(joined) + 2))
    length = data.draw(st.integers(0, len(joined) + 2))
    span = joined[position:][:length]
    piece = data.draw(
        st.one_of(
            st.just(span),  # inside one part, across parts, up to the end
            st.just(span + "a"),  # one past the end of the span, or of the text
            st.just(span[:-1] + "y" if span else "y"),  # its last character other
            st.text("ab“xy”\n", max_size=6),
        )
    )
    assert corrected.startswith(piece, position) is joined.startswith(piece, position)


def test_startswith_within_a_part_across_parts_at_the_end_and_past_it():
    corrected = CorrectedText.of("abcdefghij", [(2, 4, "XYZ")])  # "ab" "XYZ" "efghij"
    cases = [("b", 1), ("XY", 2), ("YZef", 3), ("bXYZe", 1), ("hij", 8), ("", 11), ("ab", 0)]
    assert [corrected.startswith(piece, at) for piece, at in cases] == [True] * len(cases)
    wrong = [("c", 2), ("YZf", 3), ("bXYZf", 1), ("hijk", 8), ("", 12), ("j", 11), ("a", -1)]
    assert [corrected.startswith(piece, at) for piece, at in wrong] == [False] * len(wrong)
    assert corrected.startswith("ij", -2)
