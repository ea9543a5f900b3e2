from review.cache import ResultCache
from review.checkers.fluency import FluencyChecker
from review.checkers.remembered import RememberedChecker
from review.segment import segment


def test_remembered_checker_runs_once_per_text_and_settings(tmp_path) -> None:
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
