"""The errors the quality score counts: what the editor confirmed, each error once.

An error is confirmed when the editor agreed with a flag (accepted its suggestion, or rewrote
the flagged words: ``Fate.ACCEPTED``/``RESOLVED``) or marked it by hand (an MQM annotation).
Open flags nobody judged are findings, not errors; the report lists them apart.

A flag and an annotation on the same words of the original are one error seen twice: they
count once, at the higher severity (the annotation's class when the severities tie, since the
editor chose it). Annotations index the corrected text; ``original_span`` maps them back
through the word diff, so that a report quotes the erroneous words as the original has them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from review.flags import MqmClass, Severity
from review.report.fates import Fate
from review.state import Annotation, AnnotationClass
from review.worddiff import DiffOp, Op

CONFIRMED = frozenset({Fate.ACCEPTED, Fate.RESOLVED})


@dataclass(frozen=True, slots=True)
class AnnotationRow:
    """An editor's annotation with the words it marks: ``original`` where the original has
    them (``start``/``end`` index it), ``corrected`` as the corrected text has them. An
    annotation on words the editor added (an omission) has ``original == ""``."""

    annotation: Annotation
    start: int
    end: int
    original: str
    corrected: str

    @classmethod
    def of(
        cls, annotation: Annotation, diff: Sequence[DiffOp], original: str, corrected: str
    ) -> AnnotationRow:
        start, end = original_span(diff, annotation.start, annotation.end)
        return cls(
            annotation,
            start,
            end,
            original[start:end],
            corrected[annotation.start : annotation.end],
        )


def original_span(diff: Iterable[DiffOp], start: int, end: int) -> tuple[int, int]:
    """The stretch of the original that ``[start, end)`` of the corrected text stands for:
    unchanged words map one to one, inserted words to the words they replaced (the DELETE
    before them), a deletion inside the span is part of it."""
    covered: list[tuple[int, int]] = []
    original = corrected = 0
    replaced: tuple[int, int] | None = None
    for op in diff:
        size = len(op.text)
        if op.op is Op.DELETE:
            if start < corrected < end:
                covered.append((original, original + size))
            replaced = (original, original + size)
            original += size
            continue
        overlaps = _overlap(start, end, corrected, corrected + size)
        if op.op is Op.EQUAL and overlaps:
            first, last = max(start, corrected), min(end, corrected + size)
            covered.append((original + first - corrected, original + last - corrected))
        elif op.op is Op.INSERT and overlaps:
            covered.append(replaced or (original, original))
        if op.op is Op.EQUAL:
            original += size
        corrected += size
        replaced = None
    if not covered:
        return original, original
    return min(a for a, _ in covered), max(b for _, b in covered)


def _overlap(start: int, end: int, first: int, last: int) -> bool:
    """Whether ``[start, end)`` and ``[first, last)`` share text, or an empty one lies within
    the other."""
    if start == end or first == last:
        return max(start, first) <= min(end, last)
    return max(start, first) < min(end, last)


@dataclass(frozen=True, slots=True)
class _Error:
    mqm: AnnotationClass
    severity: Severity
    start: int
    end: int


def confirmed_errors(
    flags: Iterable[tuple[MqmClass, Severity, int, int, Fate]],
    annotations: Iterable[AnnotationRow],
) -> list[tuple[AnnotationClass, Severity]]:
    """One sentence's errors: its confirmed flags (class, severity, start and end in the
    original, fate) and its annotations, a flag that shares words with an annotation merged
    into it. A neutral annotation notes an issue that is no error: it weighs nothing."""
    confirmed = [_Error(m, s, a, b) for m, s, a, b, fate in flags if fate in CONFIRMED]
    errors = []
    for row in annotations:
        severity = row.annotation.severity
        if not isinstance(severity, Severity):
            continue
        merged = _Error(row.annotation.mqm, severity, row.start, row.end)
        same = [e for e in confirmed if _overlap(e.start, e.end, merged.start, merged.end)]
        for error in same:
            confirmed.remove(error)
            if error.severity.rank > merged.severity.rank:
                merged = error
        errors.append(merged)
    return [(e.mqm, e.severity) for e in [*errors, *confirmed]]
