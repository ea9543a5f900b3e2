import tracemalloc

import pytest

from review.flags import MqmClass, Severity
from review.segment import segment
from review.state import Annotation, MqmType, Neutral, ReviewState, SentenceReview, Status

TEXT = "First one.  Second one?\nThird, last."


def test_only_non_default_reviews_are_stored():
    state = ReviewState().with_reviews(
        {"s1": SentenceReview(status=Status.REVIEWED), "s2": SentenceReview()}
    )
    assert len(state) == 1
    assert list(state) == ["s1"]
    assert state.review_of("s2") == SentenceReview()
    assert state.with_reviews({"s1": SentenceReview()}) == ReviewState()


def test_states_compare_and_hash_by_value():
    a = ReviewState.of({"s1": SentenceReview(comment="x")})
    b = ReviewState().with_reviews({"s1": SentenceReview(comment="x")})
    assert a == b
    assert hash(a) == hash(b)
    assert a != ReviewState()


def test_corrected_text_keeps_gaps_byte_for_byte():
    sentences = segment(TEXT)
    assert [s.text for s in sentences] == ["First one.", "Second one?", "Third, last."]
    state = ReviewState.of(
        {"s2": SentenceReview(edited="Second. Split in two."), "s3": SentenceReview(edited="")}
    )
    assert state.corrected_text(TEXT, sentences) == "First one.  Second. Split in two.\n"


def test_current_document_places_sentences_in_the_corrected_text():
    sentences = segment(TEXT)
    state = ReviewState.of({"s1": SentenceReview(edited="1st.")})
    text, placed = state.current_document(TEXT, sentences)
    assert text == "1st.  Second one?\nThird, last."
    assert [(s.id, s.start, s.end, s.paragraph) for s in placed] == [
        ("s1", 0, 4, 1),
        ("s2", 6, 17, 1),
        ("s3", 18, 30, 2),
    ]
    assert all(text[s.start : s.end] == s.text for s in placed)


def test_current_document_keeps_the_sentences_an_edit_did_not_move():
    # A book's check copied every sentence; the UI's garbage collector then scanned them all.
    sentences = segment(TEXT)
    state = ReviewState.of({"s2": SentenceReview(edited="2nd?")})
    _, placed = state.current_document(TEXT, sentences)
    assert [p is s for p, s in zip(placed, sentences, strict=True)] == [True, False, False]


def test_unchanged_state_gives_the_original_text_itself():
    sentences = segment(TEXT)
    assert ReviewState().corrected_text(TEXT, sentences) is TEXT


def test_sentence_review_json_round_trip_and_only_non_defaults():
    review = SentenceReview(
        edited="",
        status=Status.REVIEWED,
        dismissed=frozenset({("B_RULE", "x"), ("A_RULE", "y")}),
        accepted=frozenset({("RULE", "teh", "the")}),
        comment="line one\nline two “quoted”",
        annotations=(Annotation(MqmClass.AWKWARD, Severity.MAJOR, 0, 0, "gone"),),
    )
    data = review.to_json()
    assert data["dismissed"] == [["A_RULE", "y"], ["B_RULE", "x"]]
    assert data["annotations"] == [
        {"mqm": "Style/Awkward", "severity": "major", "start": 0, "end": 0, "note": "gone"}
    ]
    assert SentenceReview.from_json(data) == review
    assert SentenceReview().to_json() == {}
    assert SentenceReview(status=Status.REVIEWED).to_json() == {"status": "reviewed"}


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"unknown": 1},
        {"status": "done"},
        {"edited": 3},
        {"dismissed": [["only-rule"]]},
        {"accepted": [["r", "t", 5]]},
        {"annotations": [{"mqm": "Style/Awkward", "severity": "minor", "start": 3, "end": 1}]},
        {"annotations": [{"mqm": "Nonsense", "severity": "minor", "start": 0, "end": 1}]},
        {"annotations": [{"mqm": "Style/Awkward", "severity": "minor", "start": True, "end": 1}]},
    ],
)
def test_sentence_review_from_json_rejects_malformed_data(data):
    with pytest.raises(ValueError):
        SentenceReview.from_json(data)


def test_annotations_take_the_full_mqm_core_typology_and_neutral():
    data = {"mqm": "Locale convention", "severity": "neutral", "start": 0, "end": 3, "note": "x"}
    annotation = Annotation.from_json(data)
    assert annotation == Annotation(MqmType.LOCALE_CONVENTION, Neutral.NEUTRAL, 0, 3, "x")
    assert annotation.to_json() == data


def test_annotations_of_old_patches_still_load_and_shared_names_are_the_checkers_class():
    old = {"mqm": "Style/Awkward", "severity": "minor", "start": 1, "end": 2, "note": ""}
    assert Annotation.from_json(old).mqm is MqmClass.AWKWARD
    shared = {**old, "mqm": "Fluency/Punctuation"}
    assert Annotation.from_json(shared).mqm is MqmClass.PUNCTUATION


@pytest.mark.parametrize(
    "bad", [{"mqm": "Nonsense"}, {"severity": "trivial"}, {"mqm": 3}, {"severity": None}]
)
def test_an_annotation_naming_no_class_or_severity_is_refused(bad):
    data = {"mqm": "Style", "severity": "minor", "start": 0, "end": 1, "note": "", **bad}
    with pytest.raises(ValueError):
        Annotation.from_json(data)


def test_sentences_moved_by_an_edit_share_the_corrected_text() -> None:
    text = "".join(
        f"Paragraph {n} has a sentence that goes on {'and on ' * 50}to its end.\n"
        for n in range(1000)
    )
    sentences = segment(text)
    state = ReviewState.of({"s1": SentenceReview(edited="Short now.")})
    tracemalloc.start()
    try:
        corrected, placed = state.current_document(text, sentences)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert placed[0].text == "Short now."
    assert [s.text for s in placed[1:]] == [s.text for s in sentences[1:]]
    assert [corrected[s.start : s.end] for s in placed] == [s.text for s in placed]
    # The corrected text and each moved sentence's object (about 200 bytes): with a copy of
    # its text each (about 420 bytes more), the text twice.
    assert held < len(corrected) + 300 * len(placed)


def test_the_current_document_of_an_unedited_text_is_the_text_itself() -> None:
    text = "One here. Two there.\n\nThree.\n"
    sentences = segment(text)
    state = ReviewState.of({"s2": SentenceReview(status=Status.REVIEWED, comment="fine")})
    corrected, placed = state.current_document(text, sentences)
    # Not a copy: the review UI checks this text beside the original, a book twice.
    assert corrected is text
    assert placed == tuple(sentences)
    assert all(a is b for a, b in zip(placed, sentences, strict=True))


@pytest.mark.parametrize("edits", [{}, {"s1": "s1"}])
def test_an_unchanged_text_is_checked_as_it_is(edits):
    original = "One. Two.\n"
    sentences = segment(original)
    state = ReviewState().with_reviews({k: SentenceReview(edited=sentences[0].text) for k in edits})
    text, placed = state.corrected(original, sentences)
    assert text is original and placed is sentences
