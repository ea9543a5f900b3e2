import pytest

from review.errors import ReviewError
from review.patch.header import PatchHeader, patch_header, render_header
from review.state import ReviewState

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
