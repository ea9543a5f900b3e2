"""The fast statistics give exactly what sacrebleu (through review.metrics) gives."""

import random
import tracemalloc

import pytest

from review.metrics import Metric, corpus_score, sentence_score
from review.report.effort import EffortStatistics

_WORDS = ["the", "of", "(and)", "to,", "in", "A", "is", '"that"', "it's", "was-with", "be:",
          "İstanbul", "中国", "...", "!", "?", "“quoted”", "e.g.", "x"]  # fmt: skip


def _corpus(seed: int, size: int) -> tuple[list[str], list[str]]:
    rng = random.Random(seed)
    originals = [" ".join(rng.choices(_WORDS, k=rng.randint(1, 30))) for _ in range(size)]
    corrected = list(originals)
    for i in range(0, size, 3):
        words = corrected[i].split()
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
        corrected[i] = " ".join([*words, "added."])
    corrected[1] = ""  # a deleted sentence
    return originals, corrected


@pytest.mark.parametrize("seed", [1, 2])
def test_corpus_scores_and_signatures_equal_review_metrics(seed: int) -> None:
    originals, corrected = _corpus(seed, 120)
    effort = EffortStatistics(originals, corrected)
    for metric in (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU):
        assert effort.score(metric) == corpus_score(metric, originals, corrected)


def test_worker_processes_give_the_same_statistics(monkeypatch: pytest.MonkeyPatch) -> None:
    from review.report import effort as module

    originals, corrected = _corpus(5, 90)
    alone = EffortStatistics(originals, corrected, workers=1)
    monkeypatch.setattr(module, "PARALLEL_FROM", 5)
    monkeypatch.setattr(module, "PIECE", 4)
    shared = EffortStatistics(originals, corrected, workers=2)
    for metric in (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU):
        assert shared.score(metric) == alone.score(metric)
        assert [shared.sentence(metric, i) for i in range(90)] == [
            alone.sentence(metric, i) for i in range(90)
        ]


def test_sentence_scores_equal_review_metrics() -> None:
    originals, corrected = _corpus(3, 60)
    effort = EffortStatistics(originals, corrected)
    for metric in (Metric.TER, Metric.CHRF_PLUS):
        for i, (a, b) in enumerate(zip(originals, corrected, strict=True)):
            assert effort.sentence(metric, i) == sentence_score(metric, a, b).value


def test_a_subset_scores_as_its_own_corpus() -> None:
    originals, corrected = _corpus(4, 40)
    effort = EffortStatistics(originals, corrected)
    subset = [0, 3, 4, 9, 12]
    expected = corpus_score(
        Metric.TER, [originals[i] for i in subset], [corrected[i] for i in subset]
    )
    assert effort.score(Metric.TER, subset) == expected
    assert effort.score(Metric.TER, []).value == 0.0


def test_an_untouched_document() -> None:
    texts = ["One sentence here.", "Another, (with) punctuation!"]
    effort = EffortStatistics(texts, texts)
    assert [effort.score(m).value for m in (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU)] == [
        0.0, 100.0, pytest.approx(100.0),
    ]  # fmt: skip


def test_lengths_must_match_and_there_must_be_something() -> None:
    with pytest.raises(ValueError, match="2 originals but 1 corrections"):
        EffortStatistics(["a", "b"], ["a"])
    with pytest.raises(ValueError, match="no sentences"):
        EffortStatistics([], [])


def test_chrf_word_count_of_unchanged_text_matches_sacrebleu() -> None:
    from sacrebleu.metrics import CHRF

    from review.report.effort import _unchanged_statistics

    chrf = CHRF(word_order=2)
    for text in ["(hi) a, b. ,x y!", "“quoted” — dash - ... !? e.g. x", "one", "a  b\tc"]:
        words = len(chrf._remove_punctuation(text))
        assert _unchanged_statistics(chrf, text)[-6:] == (words,) * 3 + (max(words - 1, 0),) * 3


def test_unchanged_sentences_of_the_same_lengths_share_their_statistics() -> None:
    def peak(sentences: int) -> int:
        texts = [f"Sentence {i % 10} of a long book." for i in range(sentences)]
        tracemalloc.start()
        try:
            statistics = EffortStatistics(texts, texts, workers=1)
            assert statistics.score(Metric.TER).value == 0.0
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    # A list of statistics per sentence and metric was about 530 bytes a sentence: 8 MB more
    # for 15,000 sentences more; shared, what is left is a pointer per sentence and metric.
    peak(100)  # sacrebleu's first use sets up caches of its own, which are not the point
    assert peak(20_000) - peak(5_000) < 15_000 * 3 * 8 + 100_000
