"""Targets far shorter or longer than their source, for the document and language pair."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from review.checkers.source_target.base import Check, Hit, Pair, whole
from review.flags import Category, MqmClass, Severity

# Fewer pairs than this and the median and MAD are too unsure to call anything an outlier.
MIN_PAIRS = 20
# Iglewicz and Hoaglin's cut-off for the modified z-score.
THRESHOLD = 3.5
# Sources shorter than this vary too much in ratio (a name, "Yes.") to be judged.
MIN_SOURCE_CHARS = 10
# The modified z-score's scale: MAD / 0.6745 estimates the standard deviation.
_MAD_SCALE = 0.6745


@dataclass(frozen=True, slots=True)
class Outlier:
    pair: Pair
    ratio: float
    usual: float
    z: float


def _language(code: str) -> str:
    return code.lower().replace("_", "-").split("-")[0]


@lru_cache(maxsize=2)
def outliers(pairs: tuple[Pair, ...]) -> tuple[Outlier, ...]:
    """The pairs whose log(target chars / source chars) has a robust z-score beyond the
    threshold among the pairs of the same language pair: each language pair has its own usual
    ratio (English is about three times as many characters as Chinese, as many as Russian)."""
    groups: dict[tuple[str, str], list[tuple[Pair, float]]] = defaultdict(list)
    for pair in pairs:
        source, target = len(pair.source.strip()), len(pair.target.strip())
        if source >= MIN_SOURCE_CHARS and target:
            key = (_language(pair.source_language), _language(pair.target_language))
            groups[key].append((pair, math.log(target / source)))
    found = []
    for group in groups.values():
        if len(group) < MIN_PAIRS:
            continue
        logs = [x for _, x in group]
        median = statistics.median(logs)
        mad = statistics.median(abs(x - median) for x in logs)
        if mad == 0:
            continue
        for pair, x in group:
            z = _MAD_SCALE * (x - median) / mad
            if abs(z) > THRESHOLD:
                found.append(Outlier(pair, math.exp(x), math.exp(median), z))
    return tuple(found)


def _message(outlier: Outlier, how: str) -> str:
    return (
        f"the translation is {outlier.ratio:.2f} times as long as its source, {how} than the "
        f"usual {outlier.usual:.2f} of this document (robust z-score {outlier.z:+.1f})"
    )


class _Outlying(Check):
    """A target whose length ratio lies far on one side of its document's usual."""

    longer: ClassVar[bool]
    whole_document = True

    def scan_document(self, pairs: Sequence[Pair]) -> Iterator[tuple[Pair, Hit]]:
        how = "far longer" if self.longer else "far shorter"
        for outlier in outliers(tuple(pairs)):
            if (outlier.z > 0) == self.longer:
                yield outlier.pair, whole(outlier.pair, _message(outlier, how))


class TooShort(_Outlying):
    """A target far shorter than its source, for the document's usual ratio: something of the
    source is likely left out.

    The ratio of target to source characters is compared, as a logarithm, with the median of
    the document's pairs in the same language pair, by a robust z-score (median and median
    absolute deviation, so the outliers themselves do not widen the norm). Silent in
    documents with fewer than 20 such pairs and on sources under 10 characters.
    """

    rule = "ST_LENGTH_SHORT"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.OMISSION
    severity = Severity.MAJOR
    longer = False


class TooLong(_Outlying):
    """A target far longer than its source, for the document's usual ratio: something is
    likely added (a repeated clause, a hallucinated sentence). Measured as ST_LENGTH_SHORT."""

    rule = "ST_LENGTH_LONG"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.ADDITION
    severity = Severity.MINOR
    longer = True
