"""Edit metrics from sacrebleu, each score with the signature that says how it was computed.

TER (translation edit rate), chrF, chrF++ and BLEU, per sentence and per corpus. HTER, the
post-editing effort, is TER of the original (the hypothesis) against the corrected text (the
reference): the share of the corrected text's words an editor had to insert, delete, substitute
or shift. The same direction serves between two revisions: A against B as the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sacrebleu.metrics import BLEU, CHRF, TER
from sacrebleu.metrics.base import Metric as SacreMetric


class Metric(StrEnum):
    TER = "TER"
    CHRF = "chrF"
    CHRF_PLUS = "chrF++"
    BLEU = "BLEU"


@dataclass(frozen=True, slots=True)
class Score:
    """``value`` is on sacrebleu's 0–100 scale (TER can exceed 100); lower is better for TER."""

    metric: Metric
    value: float
    signature: str

    def __str__(self) -> str:
        return f"{self.metric} {self.value:.2f}"


def scorer(metric: Metric, sentence_level: bool = False) -> SacreMetric:
    # A new scorer per call: sacrebleu scorers keep per-call state, and the UI scores from
    # worker threads.
    if metric is Metric.TER:
        return TER()
    if metric is Metric.CHRF:
        return CHRF()
    if metric is Metric.CHRF_PLUS:
        return CHRF(word_order=2)
    return BLEU(effective_order=sentence_level)


def sentence_score(metric: Metric, hypothesis: str, reference: str) -> Score:
    metric_scorer = scorer(metric, sentence_level=True)
    value = metric_scorer.sentence_score(hypothesis, [reference]).score
    return Score(metric, value, str(metric_scorer.get_signature()))


def corpus_score(metric: Metric, hypotheses: Sequence[str], references: Sequence[str]) -> Score:
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    metric_scorer = scorer(metric)
    value = metric_scorer.corpus_score(list(hypotheses), [list(references)]).score
    return Score(metric, value, str(metric_scorer.get_signature()))


def hter(original: str, corrected: str) -> Score:
    """Post-editing effort of one sentence: TER of the original against the correction."""
    return sentence_score(Metric.TER, original, corrected)


def corpus_hter(originals: Sequence[str], corrected: Sequence[str]) -> Score:
    return corpus_score(Metric.TER, originals, corrected)
