import tracemalloc
from functools import partial

from review.checkers import fluency
from review.checkers.fluency import (
    DETECTORS,
    FluencyChecker,
    default_enabled_rules,
    enabled_rules,
)
from review.checkers.fluency.document_text import WholeDocument
from review.config import Config
from review.segment import Sentence, segment
from support import SEED

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


def _seed_book(copies: int) -> str:
    """The seed over and over: what a detector needs of the whole book (a word's case, where a
    calque is found in full, the quote style most marks keep) comes from every copy. "Budget"
    is a common word, capitalised at the start, in lower case in the last paragraph alone."""
    seed = SEED.read_text(encoding="utf-8")
    last = "We cut the budget, budget after budget."
    return "\n".join(["They said the Budget was late.", *[seed] * copies, last])


def test_a_book_checked_in_batches_of_paragraphs_has_the_flags_of_it_checked_whole(
    monkeypatch,
):
    text = _seed_book(3)
    sentences = segment(text)
    checker = FluencyChecker(rules=frozenset(DETECTORS))
    whole = list(checker.check(text, sentences))
    monkeypatch.setattr(fluency, "WholeDocument", partial(WholeDocument, size=7))
    assert len(WholeDocument(sentences, size=7).spans) > 20
    assert list(checker.check(text, sentences)) == whole
    # The analyses of the whole book are in these flags: where a calque is found in full,
    # how often a word is capitalised, which quote style most marks keep.
    rules = {f.rule for f in whole}
    assert {"MT_IDIOM_CALQUE", "MT_MIXED_QUOTES"} <= rules
    assert {f.message for f in whole if "; in full in " in f.message} == {
        "Chinese idiom translated word for word "
        "(同舟共济; in full in 6 sentences: s15, s39, s92, s116, s169, …)"
    }
    assert [(f.sentence_id, f.text) for f in whole if f.rule == "MT_MID_CAPITAL"] == [
        ("s1", "Budget")
    ]


def _transient_bytes(sentences: tuple[Sentence, ...]) -> int:
    """What checking ``sentences`` holds at its peak beyond the flags it returns."""
    checker = FluencyChecker()
    tracemalloc.start()
    try:
        flags = list(checker.check("", sentences))
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert flags
    return peak - held


def test_what_the_detectors_hold_does_not_grow_with_the_book(monkeypatch):
    monkeypatch.setattr(fluency, "WholeDocument", partial(WholeDocument, size=100))
    short = segment(_seed_book(8))
    long = segment(_seed_book(32))
    assert len(long) > 4 * len(short) - 10 > 2000
    _transient_bytes(short)  # the detectors' data loaded
    # Before the batches, the words and lines of every sentence were held: four times the
    # book was 3.9 times the memory.
    assert _transient_bytes(long) < 1.5 * _transient_bytes(short)
