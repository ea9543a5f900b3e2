import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from review.checkers.source_target import (
    CHECKS,
    Pair,
    SourceTargetChecker,
    default_enabled_rules,
    enabled_rules,
)
from review.checkers.source_target.numbers import NumberFormat


def test_registry_rule_ids():
    assert list(CHECKS) == [
        "ST_EMPTY_TARGET",
        "ST_SAME_AS_SOURCE",
        "ST_UNTRANSLATED",
        "ST_NUMBER_CHANGED",
        "ST_NUMBER_MISSING",
        "ST_NUMBER_ADDED",
        "ST_NUMBER_FORMAT",
        "ST_TAG_MISSING",
        "ST_TAG_ADDED",
        "ST_ADDRESS_MISSING",
        "ST_ADDRESS_ALTERED",
        "ST_ADDRESS_ADDED",
        "ST_END_PUNCTUATION",
        "ST_BRACKETS",
        "ST_WHITESPACE",
        "ST_LENGTH_SHORT",
        "ST_LENGTH_LONG",
    ]


def test_measured_imprecise_checks_are_off_by_default():
    assert default_enabled_rules() == frozenset(CHECKS) - {NumberFormat.rule}


def test_enabled_rules_on_off_and_unknown():
    assert NumberFormat.rule in enabled_rules(on=[NumberFormat.rule])
    assert "ST_BRACKETS" not in enabled_rules(off=["ST_BRACKETS"])
    with pytest.raises(ValueError, match="unknown source–target check: ST_NOPE"):
        enabled_rules(on=["ST_NOPE"])


def test_flags_in_pair_order_with_offsets_into_the_sentence():
    pairs = [
        Pair("u1-s2", "他有3个孩子？", "He has 4 children.", "zh", "en", offset=10),
        Pair("u1-s1", "好。", "Good.", "zh", "en"),
    ]
    found = SourceTargetChecker().check(pairs)
    assert [(f.sentence_id, f.rule, f.start, f.end, f.text) for f in found] == [
        ("u1-s2", "ST_NUMBER_CHANGED", 17, 18, "4"),
        ("u1-s2", "ST_END_PUNCTUATION", 27, 28, "."),
    ]
    assert {f.source for f in found} == {"source-target"}


def test_every_check_has_a_summary_and_an_mqm_class():
    for check in CHECKS.values():
        assert check.summary() and check.summary() != check.rule
        assert str(check.mqm).split("/")[0] in {
            "Accuracy",
            "Fluency",
            "Non-translation",
            "Locale convention",
            "Design and markup",
        }


_ALPHABET = '0123456789.,% 一二两十百千万亿点第之分个年？?！!。.“”"()（）[]<>/{}⟨⟩@:abcABC \t\n'


@settings(max_examples=300, deadline=None)
@example(source=":", target="”", language="zh")  # a target of closing quotes only: IndexError
@given(
    source=st.text(alphabet=_ALPHABET, max_size=40),
    target=st.text(alphabet=_ALPHABET, max_size=40),
    language=st.sampled_from(["zh", "ru", "en", ""]),
)
def test_any_text_gives_flags_inside_the_target(source, target, language):
    for flag in SourceTargetChecker(CHECKS).check([Pair("s1", source, target, language)]):
        assert 0 <= flag.start <= flag.end <= len(target)
        assert flag.text == target[flag.start : flag.end]
