import pytest

from review.errors import ReviewError
from review.patch.header import PatchHeader, patch_header, patch_segmentation, render_header
from review.segment import Resegmentation, Sentence
from review.state import ReviewState, SentenceReview, Status

SHA = "0" * 64


def _header(checkers: dict[str, str]) -> PatchHeader:
    return PatchHeader("doc.txt", SHA, "review 0.1.0", checkers, "en-US", "Ann", "2025-01-02")


@pytest.mark.parametrize(
    ("checkers", "lines"),
    [
        ({}, "LanguageTool: none\n"),
        ({"languagetool": "6.6"}, "LanguageTool: 6.6\n"),
        ({"toy": "0.1", "languagetool": "6.6"}, "LanguageTool: 6.6\nChecker-toy: 0.1\n"),
        ({"toy": "0.1"}, "LanguageTool: none\nChecker-toy: 0.1\n"),
    ],
)
def test_checker_versions_are_written_after_tool_and_read_back(checkers, lines):
    data = render_header(_header(checkers), (), ReviewState())
    assert (
        data
        == (
            f"Original: doc.txt\nOriginal-SHA256: {SHA}\nTool: review 0.1.0\n{lines}"
            "Language: en-US\nReviewer: Ann\nDate: 2025-01-02\nReviews: 0\n"
        ).encode()
    )
    assert patch_header(data, "p.patch") == _header(checkers)


def test_a_checker_line_with_a_name_out_of_pattern_is_refused():
    data = render_header(_header({}), (), ReviewState()).replace(
        b"Reviews:", b"Checker-Toy: 1\nReviews:"
    )
    with pytest.raises(ReviewError, match=r"^p.patch: unknown header line Checker-Toy "):
        patch_header(data, "p.patch")


SEGMENTED = ReviewState.of(
    {"s3-10": SentenceReview(status=Status.REVIEWED)},
    Resegmentation(joined=frozenset({"s2", "s10"}), split=frozenset({"s3-10"})),
)
SENTENCES = (Sentence("s1", 0, 5, 1, "A b."), Sentence("s3-10", 6, 9, 1, "C."))


def test_merges_and_splits_are_one_line_before_the_reviews_and_read_back():
    data = render_header(_header({}), SENTENCES, SEGMENTED)
    assert (
        data
        == (
            f"Original: doc.txt\nOriginal-SHA256: {SHA}\nTool: review 0.1.0\nLanguageTool: none\n"
            "Language: en-US\nReviewer: Ann\nDate: 2025-01-02\n"
            'Segmentation: {"joined": ["s2", "s10"], "split": ["s3-10"]}\n'
            "Reviews: 1\n"
            'Sentence-s3-10: {"status": "reviewed"}\n'
        ).encode()
    )
    assert patch_segmentation(data, "p.patch") == (_header({}), SEGMENTED.segmentation)
    # Without merges or splits there is no line: older patches keep their bytes.
    plain = render_header(_header({}), (), ReviewState())
    assert b"Segmentation" not in plain
    assert patch_segmentation(plain, "p.patch")[1] == Resegmentation()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            'Segmentation: {"merged": ["s2"]}',
            r"line 8: not a segmentation: \{'merged': \['s2'\]\}$",
        ),
        (
            'Segmentation: {"split": ["s3"]}',
            r"line 8: 's3' is not the id of a split \(ID-OFFSET\)$",
        ),
        ("Segmentation: [s2", r"line 8: damaged Segmentation \(not JSON\)$"),
    ],
)
def test_a_segmentation_line_it_does_not_understand_is_refused(line, message):
    data = render_header(_header({}), (), ReviewState()).replace(
        b"Reviews:", line.encode() + b"\nReviews:"
    )
    with pytest.raises(ReviewError, match=f"^p.patch: {message}"):
        patch_segmentation(data, "p.patch")


def test_a_second_segmentation_line_is_refused():
    data = render_header(_header({}), SENTENCES, SEGMENTED)
    line = b'Segmentation: {"joined": ["s2"]}\n'
    with pytest.raises(ReviewError, match=r"^p\.patch: line 9: Segmentation given twice$"):
        patch_segmentation(data.replace(b"Reviews:", line + b"Reviews:"), "p.patch")
