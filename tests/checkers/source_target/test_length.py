from review.checkers.source_target import Pair, SourceTargetChecker
from review.checkers.source_target.length import TooLong, TooShort
from review.flags import MqmClass, Severity


def _document(n: int, language: str = "ru") -> list[Pair]:
    """``n`` pairs with target/source character ratios spread evenly around 1."""
    return [Pair(f"s{i}", "x" * 100, "y" * (95 + i % 11), language, "en") for i in range(n)]


def test_short_and_long_outliers_of_a_document(flags):
    pairs = [
        *_document(20),
        Pair("short", "x" * 100, "y" * 40, "ru"),
        Pair("long", "x" * 100, "y" * 250, "ru"),
    ]
    found = SourceTargetChecker([TooShort.rule, TooLong.rule]).check(pairs)
    assert [(f.sentence_id, f.rule, f.start, f.end) for f in found] == [
        ("short", "ST_LENGTH_SHORT", 0, 40),
        ("long", "ST_LENGTH_LONG", 0, 250),
    ]
    assert found[0].message == (
        "the translation is 0.40 times as long as its source, far shorter than the usual "
        "0.99 of this document (robust z-score -24.2)"
    )
    assert (found[0].mqm, found[0].severity) == (MqmClass.OMISSION, Severity.MAJOR)
    assert (found[1].mqm, found[1].severity) == (MqmClass.ADDITION, Severity.MINOR)


def test_each_language_pair_has_its_own_usual_ratio():
    chinese = [Pair(f"z{i}", "字" * 30, "w" * (95 + i % 11), "zh", "en") for i in range(20)]
    found = SourceTargetChecker([TooShort.rule, TooLong.rule]).check([*_document(20), *chinese])
    assert found == []


def test_silent_below_twenty_pairs():
    pairs = [*_document(18), Pair("short", "x" * 100, "y" * 10, "ru")]
    assert SourceTargetChecker([TooShort.rule]).check(pairs) == []


def test_short_sources_are_not_judged():
    pairs = [*_document(20), Pair("yes", "Да.", "Yes, that is right indeed.", "ru")]
    assert SourceTargetChecker([TooLong.rule]).check(pairs) == []
