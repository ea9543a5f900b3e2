"""One term or one kind of number written two ways in a document, flagged with the places."""

from review.checkers.terms import Consistency
from review.document import load_document
from review.segment import segment
from support import SEED


def flags_of(text):
    return [
        (f.sentence_id, f.start, f.end, f.rule, f.text, f.message, f.replacements)
        for f in Consistency().check(text, segment(text))
    ]


def test_a_name_in_other_capitals():
    text = "We flew to New York. New York is big. Then new york again."
    assert flags_of(text) == [
        (
            "s3",
            5,
            13,
            "CONSISTENT_TERM",
            "new york",
            "Also written “New York” in s1, s2",
            ("New York",),
        )
    ]


def test_hyphen_dash_and_combining_form_variants():
    text = (
        "China-US trade grew. China-US talks began. The China–US summit ended. "
        "Sino-US ties held. China US relations."
    )
    assert [(f[0], f[4], f[5]) for f in flags_of(text)] == [
        ("s3", "China–US", "Also written “China-US” in s1, s2"),
        ("s4", "Sino-US", "Also written “China-US” in s1, s2"),
        ("s5", "China US", "Also written “China-US” in s1, s2"),
    ]


def test_a_sentence_capital_is_no_variant_and_lower_case_compounds_may_be_spaced():
    text = (
        "Win-win cooperation helps. We want win-win cooperation. In the long term, long-term aims."
    )
    assert flags_of(text) == []


def test_inflected_names_are_the_same_name():
    text = (
        "The Foreign Ministry spoke. The Foreign Ministries agreed on the Foreign Ministry’s note."
    )
    assert flags_of(text) == []


def test_numbers_two_ways():
    text = (
        "It cost 1,000 yuan. Then 25,000 yuan. Later 3000 yuan. In 2015 it rose. "
        "It is 5 km away, or 7km. Up 10% and 20 percent and 30%."
    )
    assert [(f[0], f[4], f[5], f[6]) for f in flags_of(text)] == [
        ("s3", "3000", "Other numbers are written like “1,000” (s1, s2)", ("3,000",)),
        ("s5", "7km", "Other measures are written like “5 km” (s5)", ("7 km",)),
        ("s6", "20 percent", "Other percentages are written like “10%” (s6)", ("20%",)),
    ]
    text = (
        "It cost 1,000.5 yuan, 2000000 yuan, 3000000 yuan; "
        "4 percent, 5 percent, 6.5 %, 7 per  cent."
    )
    assert [(f[4], f[6]) for f in flags_of(text)] == [
        ("1,000.5", ("1000.5",)),
        ("6.5 %", ("6.5 percent",)),
        ("7 per  cent", ("7 percent",)),
    ]


def test_the_seed():
    text = load_document(SEED).text
    assert [(f[0], f[1], f[2], f[4], f[5]) for f in flags_of(text)] == [
        ("s8", 160, 170, "High-level", "Also written “high-level” in s5"),
        ("s8", 187, 203, "People-to-People", "Also written “people-to-people” in s5"),
        (
            "s39",
            4,
            18,
            "supreme leader",
            "Also written “Supreme Leader” in s3, s5, s14, s15, s41, …",
        ),
    ]
