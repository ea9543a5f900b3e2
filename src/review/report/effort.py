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

import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
from typing import Any, cast

from sacrebleu.metrics.base import Metric as SacreMetric
from sacrebleu.metrics.bleu import BLEU
from sacrebleu.metrics.chrf import CHRF
from sacrebleu.metrics.ter import TER

from review.metrics import Metric, Score
from review.metrics import scorer as new_scorer

EFFORT_METRICS = (Metric.TER, Metric.CHRF_PLUS, Metric.BLEU)
"""TER here is HTER: the original is the hypothesis, the corrected text the reference."""

Statistics = Sequence[float]
Pairs = list[tuple[str, str]]

PARALLEL_FROM = 500
"""Changed pairs per extra process: below this a process pool costs more than it saves."""
PIECE = 250
"""Changed pairs per task: smaller than a worker's share, so no one slow piece holds up the
rest."""


def _scorers(metrics: Sequence[Metric]) -> dict[Metric, SacreMetric]:
    return {m: new_scorer(m) for m in metrics}


def measured_statistics(
    pairs: Pairs, metrics: Sequence[Metric] = EFFORT_METRICS
) -> dict[Metric, list[Statistics]]:
    """sacrebleu's statistics of (original, corrected) pairs (runs in pool workers too)."""
    hypotheses = [original for original, _ in pairs]
    references = [[corrected for _, corrected in pairs]]
    return {
        metric: scorer._extract_corpus_statistics(hypotheses, references)
        for metric, scorer in _scorers(metrics).items()
    }


class EffortStatistics:
    """sacrebleu's segment statistics of every (original, corrected) sentence pair.

    TER aligns each changed pair in pure Python, the bulk of the time on a book; with more
    than ``PARALLEL_FROM`` changed pairs the work is shared among processes, one per core
    (``workers`` sets how many at most). ``metrics`` are the ones it can score (chrF++ or
    chrF, say); between two revisions of a review, A stands for the original and B for the
    corrected text.
    """

    def __init__(
        self,
        originals: Sequence[str],
        corrected: Sequence[str],
        workers: int | None = None,
        metrics: Sequence[Metric] = EFFORT_METRICS,
    ) -> None:
        if len(originals) != len(corrected):
            raise ValueError(f"{len(originals)} originals but {len(corrected)} corrections")
        if not originals:
            raise ValueError("no sentences to score")
        self._scorers = _scorers(metrics)
        changed = [i for i, (a, b) in enumerate(zip(originals, corrected, strict=True)) if a != b]
        pairs = [(originals[i], corrected[i]) for i in changed]
        workers = min(workers or os.cpu_count() or 1, len(changed) // PARALLEL_FROM)
        with _pool(workers) as pool:
            pieces = [pairs[i : i + PIECE] for i in range(0, len(pairs), PIECE)]
            futures = (
                [pool.submit(measured_statistics, piece, metrics) for piece in pieces]
                if pool
                else []
            )
            # Scoring the first pair here also sets the reference count that sacrebleu's
            # signature names.
            for scorer in self._scorers.values():
                scorer._extract_corpus_statistics([originals[0]], [[corrected[0]]])
            self._stats = {
                metric: _shared(_unchanged_statistics(scorer, text) for text in originals)
                for metric, scorer in self._scorers.items()
            }
            if pool:
                results = [future.result() for future in futures]
            else:
                results = [measured_statistics(pairs, metrics)] if pairs else []
        for metric, stats in self._stats.items():
            measured = [statistics for result in results for statistics in result[metric]]
            for index, statistics in zip(changed, measured, strict=True):
                stats[index] = statistics

    @classmethod
    def joined(cls, parts: Sequence[EffortStatistics]) -> EffortStatistics:
        """The statistics of several texts as one corpus (a project's totals), without
        scoring any pair again."""
        if not parts:
            raise ValueError("no texts to join")
        joined = cls.__new__(cls)
        joined._scorers = parts[0]._scorers
        joined._stats = {
            metric: [statistics for part in parts for statistics in part._stats[metric]]
            for metric in parts[0]._stats
        }
        return joined

    def score(self, metric: Metric, indices: Iterable[int] | None = None) -> Score:
        """The corpus score of the sentences at ``indices`` (all when None)."""
        stats = self._stats[metric]
        chosen = stats if indices is None else [stats[i] for i in indices]
        scorer = self._scorers[metric]
        value = _aggregate(scorer, chosen).score if chosen else 0.0
        return Score(metric, value, self.signature(metric))

    def signature(self, metric: Metric) -> str:
        return str(self._scorers[metric].get_signature())

    def sentence(self, metric: Metric, index: int) -> float:
        """One sentence's TER or chrF(++): what sacrebleu's ``sentence_score`` gives. (Not BLEU,
        whose sentence score needs effective order.)"""
        scorer = self._scorers[metric]
        return float(_aggregate(scorer, [self._stats[metric][index]]).score)


def _aggregate(scorer: SacreMetric, statistics: list[Statistics]) -> Any:
    # sacrebleu types the statistics as lists but only reads them: tuples do (see _shared).
    return scorer._aggregate_and_compute(cast(list[list[Any]], statistics))


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    if workers < 2:
        yield None
        return
    # forkserver: workers start clean, whatever threads this process has running (the
    # checkers' threads). Like spawn, it imports the caller's __main__ in each worker, so a
    # script that builds a report needs the usual `if __name__ == "__main__":` guard.
    with ProcessPoolExecutor(workers, mp_context=get_context("forkserver")) as pool:
        yield pool


def _shared(statistics: Iterable[Statistics]) -> list[Statistics]:
    """``statistics`` with equal ones made one object: an unchanged sentence's depend on its
    lengths alone, so a book's few thousand lengths stand for its hundreds of thousands of
    sentences (a list each was most of a report's memory beyond the check's). They are tuples:
    shared, they must not change."""
    seen: dict[Statistics, Statistics] = {}
    return [seen.setdefault(item, item) for item in statistics]


def _unchanged_statistics(scorer: SacreMetric, text: str) -> Statistics:
    """The statistics sacrebleu computes when ``text`` is scored against itself."""
    text = scorer._preprocess_segment(text)
    if isinstance(scorer, TER):
        return (0, len(text.split()))
    if isinstance(scorer, BLEU):
        length = len(text.split())
        counts = [max(length - n, 0) for n in range(scorer.max_ngram_order)]
        return (length, length, *counts, *counts)
    if not isinstance(scorer, CHRF):
        raise TypeError(f"no statistics for {type(scorer).__name__}")
    characters = len(text) if scorer.whitespace else len("".join(text.split()))
    # len(scorer._remove_punctuation(text)) without building the list: a word longer than
    # one character with punctuation at its end, or else at its start, splits in two.
    punctuation = scorer._PUNCTS
    words = sum(
        2 if len(word) > 1 and (word[-1] in punctuation or word[0] in punctuation) else 1
        for word in text.split()
    )
    stats: list[int] = []
    for n in range(1, scorer.char_order + 1):
        stats += [max(characters - n + 1, 0)] * 3
    for n in range(1, scorer.word_order + 1):
        stats += [max(words - n + 1, 0)] * 3
    return tuple(stats)
