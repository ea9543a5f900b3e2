"""An MQM-style quality score: a weighted count of errors per 100 words of the original.

Errors are the flags the editor did not dismiss (accepted, resolved by an edit, or left open:
an open flag is a finding nobody rejected) and the MQM annotations the editor added by hand.
The arithmetic is done in tenths, so that 0.1 + 0.1 + 0.1 is exactly 0.3.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from review.flags import MqmClass, Severity

# Weights in tenths of a penalty point.
_WEIGHT_TENTHS = {Severity.MINOR: 10, Severity.MAJOR: 50, Severity.CRITICAL: 250}
_MINOR_PUNCTUATION_TENTHS = 1

FORMULA = (
    "penalty = 1 × minor + 0.1 × minor punctuation (Fluency/Punctuation) + 5 × major "
    "+ 25 × critical errors, where the errors are the flags the editor did not dismiss "
    "(accepted, resolved by an edit, or still open) and the editor's own MQM annotations; "
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


def is_minor_punctuation(mqm: MqmClass, severity: Severity) -> bool:
    return mqm is MqmClass.PUNCTUATION and severity is Severity.MINOR


def mqm_score(errors: Iterable[tuple[MqmClass, Severity]], words: int) -> MqmScore:
    """The score of a text of ``words`` words with these (MQM class, severity) errors."""
    counts: Counter[str] = Counter()
    tenths = 0
    for mqm, severity in errors:
        if is_minor_punctuation(mqm, severity):
            counts["minor_punctuation"] += 1
            tenths += _MINOR_PUNCTUATION_TENTHS
        else:
            counts[severity.value] += 1
            tenths += _WEIGHT_TENTHS[severity]
    per_100_words = tenths * 10 / words if words else 0.0
    return MqmScore(
        words=words,
        minor=counts[Severity.MINOR.value],
        minor_punctuation=counts["minor_punctuation"],
        major=counts[Severity.MAJOR.value],
        critical=counts[Severity.CRITICAL.value],
        penalty=tenths / 10,
        penalty_per_100_words=per_100_words,
        score=100 - per_100_words,
    )
