"""Post-editing effort of a whole document (HTER, chrF++, BLEU), fast enough for a book.

``review.metrics`` scores with sacrebleu's public API, which on 100,000 sentences takes
minutes (TER alone aligns every pair, even identical ones). Here sacrebleu's own per-segment
statistics are gathered once: by sacrebleu for the sentences the editor changed, and from
lengths alone for the unchanged ones, where the original is its own reference and every
n-gram matches. Summing statistics is how sacrebleu computes a corpus score, so any group of
sentences (the document, a paragraph, one sentence) is scored from the same statistics, and
the scores equal sacrebleu's (tests/report/test_effort.py checks them against
``review.metrics``). This leans on sacrebleu's segment-statistics methods, which is why the
sacrebleu version is pinned.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric as SacreMetric

from review.metrics import Metric, Score

EFFORT_METRICS = (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU)
"""TER here is HTER: the original is the hypothesis, the corrected text the reference."""

Statistics = list[float]


class EffortStatistics:
    """sacrebleu's segment statistics of every (original, corrected) sentence pair."""

    def __init__(self, originals: Sequence[str], corrected: Sequence[str]) -> None:
        if len(originals) != len(corrected):
            raise ValueError(f"{len(originals)} originals but {len(corrected)} corrections")
        self._scorers: dict[Metric, SacreMetric] = {
            Metric.TER: TER(),
            Metric.CHRF_PLUS: CHRF(word_order=2),
            Metric.BLEU: BLEU(),
        }
        if not originals:
            raise ValueError("no sentences to score")
        changed = [i for i, (a, b) in enumerate(zip(originals, corrected, strict=True)) if a != b]
        # sacrebleu scores at least one pair: that is also what sets the reference count that
        # its signature names.
        measured = changed or [0]
        self._stats: dict[Metric, list[Statistics]] = {}
        for metric, scorer in self._scorers.items():
            stats = [_unchanged_statistics(scorer, text) for text in originals]
            computed = scorer._extract_corpus_statistics(
                [originals[i] for i in measured], [[corrected[i] for i in measured]]
            )
            for index, statistics in zip(measured, computed, strict=True):
                stats[index] = statistics
            self._stats[metric] = stats

    def score(self, metric: Metric, indices: Iterable[int] | None = None) -> Score:
        """The corpus score of the sentences at ``indices`` (all when None)."""
        stats = self._stats[metric]
        chosen = stats if indices is None else [stats[i] for i in indices]
        scorer = self._scorers[metric]
        value = scorer._aggregate_and_compute(chosen).score if chosen else 0.0
        return Score(metric, value, str(scorer.get_signature()))

    def sentence(self, metric: Metric, index: int) -> float:
        """One sentence's TER or chrF++: what sacrebleu's ``sentence_score`` gives. (Not BLEU,
        whose sentence score needs effective order.)"""
        scorer = self._scorers[metric]
        return float(scorer._aggregate_and_compute([self._stats[metric][index]]).score)


def _unchanged_statistics(scorer: SacreMetric, text: str) -> Statistics:
    """The statistics sacrebleu computes when ``text`` is scored against itself."""
    text = scorer._preprocess_segment(text)
    if isinstance(scorer, TER):
        return [0, len(text.split())]
    if isinstance(scorer, BLEU):
        length = len(text.split())
        counts = [max(length - n, 0) for n in range(scorer.max_ngram_order)]
        return [length, length, *counts, *counts]
    if not isinstance(scorer, CHRF):
        raise TypeError(f"no statistics for {type(scorer).__name__}")
    characters = len(text) if scorer.whitespace else len("".join(text.split()))
    words = len(scorer._remove_punctuation(text))
    stats: Statistics = []
    for n in range(1, scorer.char_order + 1):
        stats += [max(characters - n + 1, 0)] * 3
    for n in range(1, scorer.word_order + 1):
        stats += [max(words - n + 1, 0)] * 3
    return stats
