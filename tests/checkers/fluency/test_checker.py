from review.checkers.fluency import (
    DETECTORS,
    FluencyChecker,
    default_enabled_rules,
    enabled_rules,
)
from review.config import Config
from review.segment import segment

TEXT = "He read the the book in new york.\nIt cost 1,000 dollars,Then he left。"


def test_registry_rule_ids_and_docstrings():
    assert len(DETECTORS) >= 15
    for rule, detector in DETECTORS.items():
        assert rule == detector.rule and rule.startswith("MT_")
        assert detector.__doc__ and len(detector.summary()) > 20
        assert detector.category and detector.mqm and detector.severity


def test_defaults_and_config_switches():
    assert "MT_LONG_SENTENCE" not in default_enabled_rules()
    assert "MT_REPEATED_WORDS" in default_enabled_rules()
    assert enabled_rules(None) == default_enabled_rules()
    config = Config(
        fluency_off=frozenset({"MT_REPEATED_WORDS"}),
        fluency_on=frozenset({"MT_LONG_SENTENCE", "NOT_A_RULE"}),
    )
    assert enabled_rules(config) == (
        default_enabled_rules() - {"MT_REPEATED_WORDS"} | {"MT_LONG_SENTENCE"}
    )


def test_cache_key_names_the_rules_and_the_source_language():
    chosen = frozenset({"MT_SOURCE_SCRIPT", "MT_MOJIBAKE"})
    key = FluencyChecker(Config(source_language="zh"), rules=chosen).key
    assert key == "MT_MOJIBAKE,MT_SOURCE_SCRIPT|source=zh|quotes="
    assert FluencyChecker(rules=chosen).key == "MT_MOJIBAKE,MT_SOURCE_SCRIPT|source=|quotes="


def test_checker_flags_in_document_order_with_sentence_offsets():
    sentences = segment(TEXT)
    flags = list(FluencyChecker().check(TEXT, sentences))
    assert [(f.sentence_id, f.rule, f.text) for f in flags] == [
        ("s1", "MT_REPEATED_WORDS", "the the"),
        ("s1", "MT_PROPER_NOUN_CASE", "new york"),
        ("s2", "MT_SPACE_MISSING", "dollars,Then"),
        ("s2", "MT_FULLWIDTH_PUNCT", "。"),
    ]
    by_id = {s.id: s for s in sentences}
    for flag in flags:
        assert by_id[flag.sentence_id].text[flag.start : flag.end] == flag.text
        assert flag.source == "fluency"


def test_turned_off_detector_is_silent():
    checker = FluencyChecker(Config(fluency_off=frozenset({"MT_REPEATED_WORDS"})))
    assert "MT_REPEATED_WORDS" not in {f.rule for f in checker.check(TEXT, segment(TEXT))}


def test_clean_text_has_no_flags():
    text = (
        "The committee met in Geneva on Monday. It agreed, after a long debate, to publish "
        "its report (in English and French) by 1 July 2025. “We are pleased,” the chair said."
    )
    assert list(FluencyChecker().check(text, segment(text))) == []
