"""An MQM-style quality score: a weighted count of errors per 100 words of the original.

Errors are what the editor confirmed (``review.report.errors``): the flags they accepted or
resolved by an edit, and the MQM annotations they added by hand, each error once. Open flags
nobody judged are not in the score.
The arithmetic is done in tenths, so that 0.1 + 0.1 + 0.1 is exactly 0.3.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from review.flags import MqmClass, Severity
from review.state import AnnotationClass

# Penalty points of an error of each kind, in the order reports list them.
WEIGHTS: dict[str, float] = {"minor": 1, "minor_punctuation": 0.1, "major": 5, "critical": 25}
_WEIGHT_TENTHS = {kind: round(weight * 10) for kind, weight in WEIGHTS.items()}

FORMULA = (
    "penalty = 1 × minor + 0.1 × minor punctuation (Fluency/Punctuation) + 5 × major "
    "+ 25 × critical errors, where the errors are the ones the editor confirmed: the flags "
    "accepted or resolved by an edit, and the editor's own MQM annotations, a flag and an "
    "annotation on the same words counting once, at the higher severity (open flags nobody "
    "judged are not errors and are not counted); "
    "penalty per 100 words = 100 × penalty ÷ words of the original (whitespace-separated); "
    "quality score = 100 − penalty per 100 words (below 0 when there is more than one "
    "penalty point per word)."
)


@dataclass(frozen=True, slots=True)
class MqmScore:
    """``minor`` counts minor errors other than punctuation; ``minor_punctuation`` those."""

    words: int
    minor: int
    minor_punctuation: int
    major: int
    critical: int
    penalty: float
    penalty_per_100_words: float
    score: float

    @property
    def errors(self) -> int:
        return self.minor + self.minor_punctuation + self.major + self.critical

    def lines(self) -> tuple[tuple[str, int, float], ...]:
        """(kind, errors, weight) for each kind of error in ``WEIGHTS``, in its order."""
        return tuple((kind, getattr(self, kind), weight) for kind, weight in WEIGHTS.items())


def is_minor_punctuation(mqm: AnnotationClass, severity: Severity) -> bool:
    return mqm is MqmClass.PUNCTUATION and severity is Severity.MINOR


def mqm_score(errors: Iterable[tuple[AnnotationClass, Severity]], words: int) -> MqmScore:
    """The score of a text of ``words`` words with these (MQM class, severity) errors."""
    counts = Counter(
        "minor_punctuation" if is_minor_punctuation(mqm, severity) else severity.value
        for mqm, severity in errors
    )
    return _scored(counts, words)


def total_score(scores: Iterable[MqmScore]) -> MqmScore:
    """The score of several texts taken as one (a project's): their errors and words summed."""
    counts: Counter[str] = Counter()
    words = 0
    for score in scores:
        counts.update({kind: errors for kind, errors, _ in score.lines()})
        words += score.words
    return _scored(counts, words)


def _scored(counts: Counter[str], words: int) -> MqmScore:
    tenths = sum(_WEIGHT_TENTHS[kind] * number for kind, number in counts.items())
    per_100_words = tenths * 10 / words if words else 0.0
    return MqmScore(
        words=words,
        minor=counts["minor"],
        minor_punctuation=counts["minor_punctuation"],
        major=counts["major"],
        critical=counts["critical"],
        penalty=tenths / 10,
        penalty_per_100_words=per_100_words,
        score=100 - per_100_words,
    )
