from review.checking import merge_duplicates
from review.flags import Category, Flag, MqmClass, Severity, Source
from review.segment import Sentence

SENTENCES = (Sentence("s1", 0, 30, 1, "x" * 30), Sentence("s2", 31, 60, 1, "y" * 29))


def _flag(sid, start, end, source, category=Category.TYPOGRAPHY, replacements=(), rule="R"):
    return Flag(
        sid,
        start,
        end,
        source,
        rule,
        category,
        MqmClass.TYPOGRAPHY,
        Severity.MINOR,
        "m",
        "t",
        replacements,
    )


def test_same_span_and_category_from_both_sources_is_one_flag() -> None:
    lt = _flag("s1", 3, 6, Source.LANGUAGETOOL, replacements=("a",), rule="LT")
    ours = _flag("s1", 4, 6, Source.FLUENCY, rule="MT")
    ours_with_fix = _flag("s1", 4, 6, Source.FLUENCY, replacements=("b",), rule="MT")
    assert merge_duplicates([ours, lt], SENTENCES) == (lt,)
    assert merge_duplicates([lt, ours_with_fix], SENTENCES) == (lt,)
    bare = _flag("s1", 3, 6, Source.LANGUAGETOOL, rule="LT")
    same_span = _flag("s1", 3, 6, Source.FLUENCY, replacements=("b",), rule="MT")
    assert merge_duplicates([bare, same_span], SENTENCES) == (
        _flag("s1", 3, 6, Source.LANGUAGETOOL, rule="LT", replacements=("b",)),
    )


def test_suggestions_move_only_onto_the_same_span() -> None:
    whole_sentence = _flag("s1", 0, 30, Source.LANGUAGETOOL, rule="TOO_LONG")
    phrase = _flag("s1", 10, 14, Source.FLUENCY, replacements=("x",), rule="MT")
    assert merge_duplicates([whole_sentence, phrase], SENTENCES) == (whole_sentence, phrase)
    near = _flag("s1", 3, 7, Source.LANGUAGETOOL, rule="LT")
    assert merge_duplicates(
        [near, _flag("s1", 4, 7, Source.FLUENCY, replacements=("b",))], SENTENCES
    ) == (near,)


def test_different_category_sentence_or_source_stay_apart() -> None:
    a = _flag("s1", 3, 6, Source.LANGUAGETOOL)
    b = _flag("s1", 3, 6, Source.FLUENCY, category=Category.STYLE)
    c = _flag("s2", 3, 6, Source.FLUENCY)
    d = _flag("s1", 5, 9, Source.LANGUAGETOOL, rule="Z")
    assert merge_duplicates([c, b, a, d], SENTENCES) == (b, a, d, c)


def test_remembered_checker_runs_once_per_text_and_settings(tmp_path) -> None:
    from review.cache import ResultCache
    from review.checkers.fluency import FluencyChecker
    from review.checking import RememberedChecker
    from review.segment import segment

    text = "He said，the plan of “一带一路” is good。 In 2015,When he came, he he spoke."
    sentences = segment(text)
    calls = []

    class Counting(FluencyChecker):
        def check(self, text, sentences):
            calls.append(text)
            return super().check(text, sentences)

    # Fingerprinted as the detectors' package, not as the tests folder this class is in.
    Counting.__module__ = FluencyChecker.__module__

    cache = ResultCache(tmp_path / "c.sqlite3")
    fresh = list(RememberedChecker(Counting(), cache, "defaults").check(text, sentences))
    again = list(RememberedChecker(Counting(), cache, "defaults").check(text, sentences))
    other = list(RememberedChecker(Counting(), cache, "other").check(text, sentences))
    assert len(calls) == 2
    assert fresh == again == other == list(FluencyChecker().check(text, sentences))
    assert {f.rule for f in fresh} >= {"MT_FULLWIDTH_PUNCT", "MT_SPACE_MISSING"}
