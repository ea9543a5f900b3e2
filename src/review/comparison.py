"""Two revisions of a review compared: what `review diff` renders (``review.diff_formats``).

Every sentence whose text differs, with its word diff and TER and chrF of A against B as the
reference, and what the editor's review says differently: flags newly dismissed or accepted,
a status, comment or MQM annotation that changed, sentences merged or split. The scores come
from sacrebleu's segment statistics, as the report's (``review.report.effort``), so a book
compares in seconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from review.errors import ReviewError
from review.metrics import Metric, Score
from review.report.effort import EffortStatistics
from review.report.wording import describe_annotation
from review.revisions import Pair, Revision, align
from review.segment import Resegmentation, natural_order
from review.state import ReviewState, SentenceReview
from review.worddiff import DiffOp, word_diff

DIFF_METRICS = (Metric.TER, Metric.CHRF)


@dataclass(frozen=True, slots=True)
class SentenceChange:
    pair: Pair
    ops: tuple[DiffOp, ...]
    ter: Score
    chrf: Score

    @property
    def label(self) -> str:
        a = "+".join(self.pair.a_ids) or "(none)"
        b = "+".join(self.pair.b_ids) or "(none)"
        unit = f" (unit {self.pair.unit})" if self.pair.unit else ""
        return (a if a == b else f"{a} → {b}") + unit


class ReviewField(StrEnum):
    STATUS = "status"
    COMMENT = "comment"
    ANNOTATION = "annotation"
    SEGMENTATION = "segmentation"


_JOINED = "merged into the sentence before it"
_SPLIT = "split off the sentence it was part of"


@dataclass(frozen=True, slots=True)
class ReviewChange:
    """A sentence's status, comment or one MQM annotation as A and as B have it; "" where a
    side has none (an annotation added in B has ``before == ""``)."""

    sentence: str
    field: ReviewField
    before: str
    after: str

    def describe(self) -> str:
        """``s2 status: todo → reviewed``, ``s2 annotation added: …``, ``s67 merged into the
        sentence before it``."""
        if self.field is ReviewField.SEGMENTATION:
            return f"{self.sentence} {self.after or f'no longer {self.before}'}"
        if self.field is ReviewField.ANNOTATION:
            if not self.before:
                return f"{self.sentence} annotation added: {self.after}"
            return f"{self.sentence} annotation removed: {self.before}"
        before = repr(self.before) if self.field is ReviewField.COMMENT else self.before
        after = repr(self.after) if self.field is ReviewField.COMMENT else self.after
        return f"{self.sentence} {self.field}: {before} → {after}"


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Revision
    b: Revision
    pairs: tuple[Pair, ...]
    changes: tuple[SentenceChange, ...]
    newly_dismissed: tuple[tuple[str, str, str], ...]
    newly_accepted: tuple[tuple[str, str, str, str], ...]
    review_changes: tuple[ReviewChange, ...]
    ter: Score
    chrf: Score


def compare(a: Revision, b: Revision) -> Comparison:
    pairs = align(a, b)
    if not pairs:
        raise ReviewError(f"{a.label} and {b.label} hold no sentences to compare")
    statistics = EffortStatistics(
        [p.a_text for p in pairs], [p.b_text for p in pairs], metrics=DIFF_METRICS
    )
    ter_signature, chrf_signature = (statistics.signature(m) for m in DIFF_METRICS)
    changes = tuple(
        SentenceChange(
            pair,
            word_diff(pair.a_text, pair.b_text),
            Score(Metric.TER, statistics.sentence(Metric.TER, index), ter_signature),
            Score(Metric.CHRF, statistics.sentence(Metric.CHRF, index), chrf_signature),
        )
        for index, pair in enumerate(pairs)
        if pair.differs
    )
    same_original = a.is_patch and a.original_sha256 == b.original_sha256
    before = a.state if same_original and a.state is not None else ReviewState()
    after = b.state or ReviewState()
    touched = set(before) | set(after)
    dismissed = []
    accepted = []
    review_changes = _segmentation_changes(before.segmentation, after.segmentation)
    a_texts = {unit.id: unit.text for unit in a.units if unit.id in touched}
    # A sentence merged or split in B had its flags judged in the sentences it pairs with.
    partners = {b_id: pair.a_ids for pair in pairs for b_id in pair.b_ids}
    for unit in b.units:
        if unit.id not in touched:
            continue
        old, new = before.review_of(unit.id), after.review_of(unit.id)
        earlier = [before.review_of(i) for i in partners.get(unit.id, (unit.id,))]
        judged = frozenset[tuple[str, ...]]().union(*(r.dismissed | r.accepted for r in earlier))
        dismissed += [(unit.id, *key) for key in sorted(new.dismissed - old.dismissed - judged)]
        accepted += [(unit.id, *key) for key in sorted(new.accepted - old.accepted - judged)]
        review_changes += _review_changes(unit.id, old, a_texts.get(unit.id, ""), new, unit.text)
    return Comparison(
        a=a,
        b=b,
        pairs=pairs,
        changes=changes,
        newly_dismissed=tuple(dismissed),
        newly_accepted=tuple(accepted),
        review_changes=tuple(review_changes),
        ter=statistics.score(Metric.TER),
        chrf=statistics.score(Metric.CHRF),
    )


def _segmentation_changes(before: Resegmentation, after: Resegmentation) -> list[ReviewChange]:
    """The sentences merged or split in one revision and not in the other."""
    changes = []
    for ids, what in (
        (after.joined - before.joined, _JOINED),
        (after.split - before.split, _SPLIT),
    ):
        changes += [ReviewChange(i, ReviewField.SEGMENTATION, "", what) for i in ids]
    for ids, what in (
        (before.joined - after.joined, _JOINED),
        (before.split - after.split, _SPLIT),
    ):
        changes += [ReviewChange(i, ReviewField.SEGMENTATION, what, "") for i in ids]
    return sorted(changes, key=lambda change: natural_order(change.sentence))


def _review_changes(
    sentence: str, old: SentenceReview, old_text: str, new: SentenceReview, new_text: str
) -> list[ReviewChange]:
    changes = []
    if old.status is not new.status:
        changes.append(
            ReviewChange(sentence, ReviewField.STATUS, old.status.value, new.status.value)
        )
    if old.comment != new.comment:
        changes.append(ReviewChange(sentence, ReviewField.COMMENT, old.comment, new.comment))
    # An annotation is the same in both when its class, severity, note and the words it marks
    # are: its offsets move when the text around it was edited.
    removed = {describe_annotation(a, old_text[a.start : a.end]): None for a in old.annotations}
    added = {describe_annotation(a, new_text[a.start : a.end]): None for a in new.annotations}
    changes += [
        ReviewChange(sentence, ReviewField.ANNOTATION, line, "")
        for line in removed
        if line not in added
    ]
    changes += [
        ReviewChange(sentence, ReviewField.ANNOTATION, "", line)
        for line in added
        if line not in removed
    ]
    return changes
