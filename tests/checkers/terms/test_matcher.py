"""Finding terms: word boundaries, case, separators, inflections, longest match first."""

from review.checkers.terms.matcher import TermMatcher, fold, inflections
from review.checkers.terms.term import Term


def found(terms, text):
    matcher = TermMatcher([Term(t) for t in terms])
    return [(text[m.start : m.end], terms[m.form.term], m.form.suffix) for m in matcher.find(text)]


def test_fold_keeps_the_length():
    assert fold("China–US  İstanbul’s") == "china us  İstanbul's"
    assert len(fold("İİ")) == 2


def test_inflections_of_the_last_word():
    assert inflections("policy") == {
        "": "policy",
        "'s": "policy's",
        "s'": "policys'",
        "ies": "policies",
    }
    assert inflections("tax") == {"": "tax", "'s": "tax's", "s'": "taxs'", "es": "taxes"}
    assert inflections("key") == {"": "key", "'s": "key's", "s'": "keys'", "s": "keys"}


def test_case_separators_and_inflections_match():
    text = "new york, China–US, China US, Policy Banks and policy bank’s loans"
    assert found(["New York", "China-US", "policy bank"], text) == [
        ("new york", "New York", ""),
        ("China–US", "China-US", ""),
        ("China US", "China-US", ""),
        ("Policy Banks", "policy bank", "s"),
        ("policy bank’s", "policy bank", "'s"),
    ]


def test_word_boundaries():
    assert found(["cat"], "cats concatenate scat cat2 cat") == [
        ("cats", "cat", "s"),
        ("cat", "cat", ""),
    ]


def test_longest_match_first():
    terms = ["United Nations", "United Nations General Assembly", "General Assembly"]
    text = "the United Nations General Assembly and the General Assembly"
    assert found(terms, text) == [
        ("United Nations General Assembly", "United Nations General Assembly", ""),
        ("General Assembly", "General Assembly", ""),
    ]


def test_an_acronym_is_not_found_in_a_lower_case_word():
    assert found(["US", "UN Charter"], "Let us read the un charter and the US one.") == [
        ("US", "US", "")
    ]


def test_spelling_variants_are_found():
    text = "labour unions organise"
    matcher = TermMatcher([Term("labor union")])
    (match,) = matcher.find(text)
    assert (match.start, match.end, match.form.written, match.form.expected) == (
        0, 13, "labour unions", "labor unions",
    )  # fmt: skip
    assert str(match.form.variant) == "British"


def test_no_terms_no_matches():
    assert list(TermMatcher([]).find("anything")) == []
