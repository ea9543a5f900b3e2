"""The review of one document: what the editor changed, as immutable values.

``ReviewState`` is what the UI renders and what the patch file stores. It only ever changes by
being replaced, through ``review.session.ReviewSession``: the one change API (journalled, with
undo/redo), which lives in its own module because it does the file work (journal, lock, patch).
Only sentences whose review differs from the default are stored, so a book with a few thousand
edits stays cheap to copy, compare and save.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType
from typing import Any, TypeGuard, cast

from review.corrected import CorrectedText, PlacedSentences, joined
from review.flags import MqmClass, Severity
from review.segment import Resegmentation, Sentence


class Status(StrEnum):
    TODO = "todo"
    REVIEWED = "reviewed"


DismissedKey = tuple[str, str]
"""(rule id, flagged text): ``Flag.key``; survives re-checking because it holds no offsets."""

AcceptedKey = tuple[str, str, str]
"""(rule id, flagged text, the replacement applied)."""


class MqmType(StrEnum):
    """The MQM core typology an editor annotates with (the checkers' ``MqmClass`` is the
    subset they can recognise; the names both have are the same error type)."""

    TERMINOLOGY = "Terminology"
    MISTRANSLATION = "Accuracy/Mistranslation"
    OMISSION = "Accuracy/Omission"
    ADDITION = "Accuracy/Addition"
    UNTRANSLATED = "Accuracy/Untranslated"
    GRAMMAR = "Fluency/Grammar"
    SPELLING = "Fluency/Spelling"
    PUNCTUATION = "Fluency/Punctuation"
    REGISTER = "Fluency/Register"
    INCONSISTENCY = "Fluency/Inconsistency"
    STYLE = "Style"
    LOCALE_CONVENTION = "Locale convention"
    OTHER = "Other"


class Neutral(StrEnum):
    """MQM's severity of a noted issue that is no error (it weighs nothing in the score)."""

    NEUTRAL = "neutral"


AnnotationClass = MqmClass | MqmType
AnnotationSeverity = Neutral | Severity

# The annotation class an editor starts from on a flag of each checker class.
TYPE_OF_CLASS: dict[MqmClass, MqmType] = {
    MqmClass.GRAMMAR: MqmType.GRAMMAR,
    MqmClass.SPELLING: MqmType.SPELLING,
    MqmClass.PUNCTUATION: MqmType.PUNCTUATION,
    MqmClass.TYPOGRAPHY: MqmType.PUNCTUATION,
    MqmClass.CHARACTER_ENCODING: MqmType.OTHER,
    MqmClass.INCONSISTENCY: MqmType.INCONSISTENCY,
    MqmClass.AWKWARD: MqmType.STYLE,
    MqmClass.MISTRANSLATION: MqmType.MISTRANSLATION,
    MqmClass.NON_TRANSLATION: MqmType.UNTRANSLATED,
}


def annotation_class(name: str) -> AnnotationClass:
    """The class named: a checker's ``MqmClass`` where it has the name (so an annotation and
    a flag of one error type count alike), else the core typology's. Raises ValueError."""
    try:
        return MqmClass(name)
    except ValueError:
        return MqmType(name)


def annotation_severity(name: str) -> AnnotationSeverity:
    """Raises ValueError on a name that is no severity."""
    return Neutral.NEUTRAL if name == Neutral.NEUTRAL.value else Severity(name)


@dataclass(frozen=True, slots=True)
class Annotation:
    """An MQM error the editor marked by hand.

    ``start``/``end`` index the sentence's current text (the edit, or the original).
    """

    mqm: AnnotationClass
    severity: AnnotationSeverity
    start: int
    end: int
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "mqm": self.mqm.value,
            "severity": self.severity.value,
            "start": self.start,
            "end": self.end,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: Any) -> Annotation:
        """Raises ValueError (with what is wrong) on anything but what ``to_json`` writes."""
        if not isinstance(data, dict) or set(data) - {"mqm", "severity", "start", "end", "note"}:
            raise ValueError(f"not an annotation: {data!r}")
        start, end = data.get("start"), data.get("end")
        if not (_is_int(start) and _is_int(end) and 0 <= start <= end):
            raise ValueError(f"bad annotation span: {start!r}..{end!r}")
        note = data.get("note", "")
        if not isinstance(note, str):
            raise ValueError(f"annotation note is not a string: {note!r}")
        mqm, severity = data.get("mqm"), data.get("severity")
        if not (isinstance(mqm, str) and isinstance(severity, str)):
            raise ValueError(f"not an annotation: {data!r}")
        return cls(annotation_class(mqm), annotation_severity(severity), start, end, note)


@dataclass(frozen=True, slots=True)
class SentenceReview:
    """The editor's work on one sentence. ``edited`` is None while the original text stands;
    ``""`` means the sentence was deleted."""

    edited: str | None = None
    status: Status = Status.TODO
    dismissed: frozenset[DismissedKey] = field(default=frozenset())
    accepted: frozenset[AcceptedKey] = field(default=frozenset())
    comment: str = ""
    annotations: tuple[Annotation, ...] = ()

    @property
    def is_default(self) -> bool:
        return self == _DEFAULT

    def text(self, original: str) -> str:
        """The sentence's current text."""
        return original if self.edited is None else self.edited

    def to_json(self) -> dict[str, Any]:
        """Only the non-default fields, sorted, so that equal reviews give equal JSON."""
        data: dict[str, Any] = {}
        if self.edited is not None:
            data["edited"] = self.edited
        if self.status is not Status.TODO:
            data["status"] = self.status.value
        if self.dismissed:
            data["dismissed"] = [list(key) for key in sorted(self.dismissed)]
        if self.accepted:
            data["accepted"] = [list(key) for key in sorted(self.accepted)]
        if self.comment:
            data["comment"] = self.comment
        if self.annotations:
            data["annotations"] = [a.to_json() for a in self.annotations]
        return data

    @classmethod
    def from_json(cls, data: Any) -> SentenceReview:
        """Raises ValueError (with what is wrong) on anything but what ``to_json`` writes."""
        if not isinstance(data, dict) or set(data) - _REVIEW_KEYS:
            raise ValueError(f"not a sentence review: {data!r}")
        edited = data.get("edited")
        comment = data.get("comment", "")
        if not (edited is None or isinstance(edited, str)) or not isinstance(comment, str):
            raise ValueError("edited text and comment must be strings")
        annotations = data.get("annotations", [])
        if not isinstance(annotations, list):
            raise ValueError(f"annotations must be a list: {annotations!r}")
        return cls(
            edited=edited,
            status=Status(data.get("status", Status.TODO.value)),
            # _string_tuples checked the widths.
            dismissed=cast(
                "frozenset[DismissedKey]", frozenset(_string_tuples(data.get("dismissed", []), 2))
            ),
            accepted=cast(
                "frozenset[AcceptedKey]", frozenset(_string_tuples(data.get("accepted", []), 3))
            ),
            comment=comment,
            annotations=tuple(Annotation.from_json(a) for a in annotations),
        )


_DEFAULT = SentenceReview()
_REVIEW_KEYS = {"edited", "status", "dismissed", "accepted", "comment", "annotations"}


@dataclass(frozen=True, slots=True, eq=False)
class ReviewState:
    """Sentence id → SentenceReview, holding only non-default reviews, and the editor's
    ``segmentation`` (sentences merged or split: the ids are those of the sentences it gives).
    Immutable: every change gives a new state (``with_reviews``); equal states compare equal."""

    _reviews: Mapping[str, SentenceReview] = field(default_factory=lambda: MappingProxyType({}))
    segmentation: Resegmentation = field(default_factory=Resegmentation)

    @classmethod
    def of(
        cls,
        reviews: Mapping[str, SentenceReview],
        segmentation: Resegmentation | None = None,
    ) -> ReviewState:
        kept = {k: v for k, v in reviews.items() if not v.is_default}
        return cls(MappingProxyType(kept), segmentation or Resegmentation())

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, ReviewState)
            and self._reviews == other._reviews
            and self.segmentation == other.segmentation
        )

    def __hash__(self) -> int:
        return hash((frozenset(self._reviews.items()), self.segmentation))

    def __len__(self) -> int:
        """How many sentences have a non-default review."""
        return len(self._reviews)

    def __iter__(self) -> Iterator[str]:
        """The ids of the sentences with a non-default review (in no particular order)."""
        return iter(self._reviews)

    def items(self) -> Iterator[tuple[str, SentenceReview]]:
        return iter(self._reviews.items())

    def review_of(self, sentence_id: str) -> SentenceReview:
        return self._reviews.get(sentence_id, _DEFAULT)

    def text_of(self, sentence: Sentence) -> str:
        """The sentence's current text: the edit, or the original."""
        return self.review_of(sentence.id).text(sentence.text)

    def with_reviews(self, reviews: Mapping[str, SentenceReview]) -> ReviewState:
        """A new state where the given sentences have the given reviews."""
        merged = dict(self._reviews)
        for sentence_id, review in reviews.items():
            if review.is_default:
                merged.pop(sentence_id, None)
            else:
                merged[sentence_id] = review
        return ReviewState(MappingProxyType(merged), self.segmentation)

    def with_segmentation(self, segmentation: Resegmentation) -> ReviewState:
        return ReviewState(self._reviews, segmentation)

    def current_document(
        self, document_text: str, sentences: Sequence[Sentence]
    ) -> tuple[str, tuple[Sentence, ...]]:
        """The corrected text, and the sentences (same ids and paragraphs) placed in it.

        Every gap between sentences is kept byte for byte, except the one space a deleted
        sentence takes with it (``corrected_gaps``); an edit replaces exactly its sentence's
        span. This is what to check again after editing: the flags' sentence ids and offsets
        then point into the edited texts. Nothing edited (a book opened afresh): the text
        itself, not a copy of it. ``corrected`` is the same, not joined.
        """
        text, placed = self.corrected(document_text, sentences)
        joined_text, joined_sentences = joined(text, placed)
        return joined_text, tuple(joined_sentences)

    def corrected(
        self, document_text: str, sentences: Sequence[Sentence]
    ) -> tuple[str | CorrectedText, Sequence[Sentence]]:
        """``current_document``, not joined: the corrected text as the original and what
        replaces spans of it, and the sentences placed there when each is asked for; the text
        and the sentences themselves when nothing changed them."""
        replaced = [
            span
            for span in self.replaced_spans(document_text, sentences)
            if document_text[span[0] : span[1]] != span[2]
        ]
        if not replaced:
            return document_text, sentences
        edits = {k: v.edited for k, v in self._reviews.items() if v.edited is not None}
        return (
            CorrectedText.of(document_text, replaced),
            PlacedSentences.of(sentences, edits, replaced),
        )

    def corrected_text(self, document_text: str, sentences: Sequence[Sentence]) -> str:
        """The whole corrected text (see ``current_document``)."""
        if not self._reviews:
            return document_text
        return self.current_document(document_text, sentences)[0]

    def replaced_spans(
        self, document_text: str, sentences: Sequence[Sentence]
    ) -> list[tuple[int, int, str]]:
        """What the corrected text replaces, in order: (start, end, new text) of the original,
        for each edited sentence and each gap that lost a space to a deletion."""
        deleted = self.deleted_ids()
        gaps = changed_gaps(document_text, sentences, deleted) if deleted else {}
        spans: list[tuple[int, int, str]] = []
        for index, sentence in enumerate(sentences):
            if index in gaps:
                spans.append(
                    (sentences[index - 1].end if index else 0, sentence.start, gaps[index])
                )
            edited = self.review_of(sentence.id).edited
            if edited is not None:
                spans.append((sentence.start, sentence.end, edited))
        if len(sentences) in gaps:
            end = sentences[-1].end if sentences else 0
            spans.append((end, len(document_text), gaps[len(sentences)]))
        return spans

    def deleted_ids(self) -> frozenset[str]:
        return frozenset(k for k, v in self._reviews.items() if v.edited == "")

    def edited_ids(self) -> frozenset[str]:
        return frozenset(k for k, v in self._reviews.items() if v.edited is not None)


@dataclass(frozen=True, slots=True)
class Regrouped:
    """The reviews of the sentences a merge or a split gives, and what was carried over
    (for the journal's label: "both comments", "2 annotations of s67")."""

    reviews: tuple[SentenceReview, ...]
    carried: tuple[str, ...]


def merged_review(
    first: tuple[Sentence, SentenceReview], second: tuple[Sentence, SentenceReview], gap: str
) -> Regrouped:
    """The review of two sentences merged with the ``gap`` between them: the texts (the edits,
    where there are) run on across the gap, the second's annotations move along with its text,
    dismissals, accepted suggestions and comments are kept, and the status is reviewed only
    when both were."""
    (a, review_a), (b, review_b) = first, second
    texts = [review_a.text(a.text), review_b.text(b.text)]
    edited = None
    if review_a.edited is not None or review_b.edited is not None:
        edited = gap.join(t for t in texts if t)
        if edited == a.text + gap + b.text:
            edited = None
    shift = len(texts[0]) + len(gap) if texts[0] else 0
    moved = tuple(
        replace(n, start=n.start + shift, end=n.end + shift) for n in review_b.annotations
    )
    both = review_a.status is review_b.status is Status.REVIEWED
    review = SentenceReview(
        edited=edited,
        status=Status.REVIEWED if both else Status.TODO,
        dismissed=review_a.dismissed | review_b.dismissed,
        accepted=review_a.accepted | review_b.accepted,
        comment="\n".join(c for c in (review_a.comment, review_b.comment) if c),
        annotations=review_a.annotations + moved,
    )
    carried = []
    if review_a.comment and review_b.comment:
        carried.append("both comments")
    elif review_b.comment:
        carried.append(f"{b.id}'s comment")
    if moved:
        carried.append(f"{_plural(len(moved), 'annotation')} of {b.id}")
    if review_b.dismissed - review_a.dismissed:
        dismissals = _plural(len(review_b.dismissed - review_a.dismissed), "dismissal")
        carried.append(f"{dismissals} of {b.id}")
    if review_a.status is not review_b.status:
        carried.append("status todo (only one was reviewed)")
    return Regrouped((review,), tuple(carried))


def split_review(
    review: SentenceReview, current: str, offset: int, parts: tuple[Sentence, Sentence]
) -> Regrouped:
    """The reviews of the two sentences a sentence whose current text is ``current`` gives
    when split at ``offset`` of it (after a space) into ``parts`` (the originals' pieces):
    each part's text (an edit where it differs from its original piece), the annotations of
    each part's words (one across the cut ends at it), the status on both, a dismissal or an
    accepted suggestion with the part that has its words, the comment on the first."""
    head = current[:offset].rstrip()
    tail_at = offset + len(current[offset:]) - len(current[offset:].lstrip())
    tail = current[tail_at:]
    first_notes = tuple(
        replace(n, end=min(n.end, len(head))) for n in review.annotations if n.start < len(head)
    )
    second_notes = tuple(
        replace(n, start=max(n.start, tail_at) - tail_at, end=n.end - tail_at)
        for n in review.annotations
        if n.end > tail_at and n.start >= len(head)
    )
    # A dismissal is of a rule on some words, an accepted suggestion put words in: each goes
    # with the part that has them.
    second_dismissed = frozenset(key for key in review.dismissed if key[1] in tail)
    second_accepted = frozenset(key for key in review.accepted if key[2] and key[2] in tail)
    first = replace(
        review,
        edited=None if head == parts[0].text else head,
        accepted=review.accepted - second_accepted,
        dismissed=frozenset(
            key for key in review.dismissed if key[1] in head or key not in second_dismissed
        ),
        annotations=first_notes,
    )
    second = SentenceReview(
        edited=None if tail == parts[1].text else tail,
        status=review.status,
        dismissed=second_dismissed,
        accepted=second_accepted,
        annotations=second_notes,
    )
    carried = []
    if second_notes:
        carried.append(f"{_plural(len(second_notes), 'annotation')} to {parts[1].id}")
    if second_dismissed:
        carried.append(f"{_plural(len(second_dismissed), 'dismissal')} to {parts[1].id}")
    if review.status is Status.REVIEWED:
        carried.append("both reviewed")
    return Regrouped((first, second), tuple(carried))


def _plural(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def corrected_gaps(
    document_text: str, sentences: Sequence[Sentence], deleted: AbstractSet[str]
) -> list[str]:
    """The text before each sentence, then after the last, as the corrected text has it
    (see ``changed_gaps``)."""
    ends = [0, *(s.end for s in sentences)]
    starts = [*(s.start for s in sentences), len(document_text)]
    gaps = [document_text[end:start] for end, start in zip(ends, starts, strict=True)]
    for index, gap in changed_gaps(document_text, sentences, deleted).items():
        gaps[index] = gap
    return gaps


def changed_gaps(
    document_text: str, sentences: Sequence[Sentence], deleted: AbstractSet[str]
) -> dict[int, str]:
    """The gaps (by index: the one before sentence i is i, the tail is ``len(sentences)``)
    that a deletion changes. A deleted sentence takes one space with it, the one before it
    (ending a paragraph) or, first in its paragraph, the one after it, so that deleting
    leaves no double space and no trailing one; a deleted sentence alone on its line takes
    the line's newline."""
    changed: dict[int, str] = {}

    def gap(index: int) -> str:
        if index in changed:
            return changed[index]
        start = sentences[index - 1].end if index else 0
        end = sentences[index].start if index < len(sentences) else len(document_text)
        return document_text[start:end]

    for index, sentence in enumerate(sentences):
        if sentence.id not in deleted:
            continue
        before, after = gap(index), gap(index + 1)
        if before.endswith(" "):
            changed[index] = before[:-1]
        elif after.startswith(" "):
            changed[index + 1] = after[1:]
        elif before.endswith(("\n", "\r")) or not before:
            newline = next((n for n in ("\r\n", "\n", "\r") if after.startswith(n)), "")
            changed[index + 1] = after[len(newline) :]
    return changed


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _string_tuples(items: Any, width: int) -> Iterator[tuple[str, ...]]:
    if not isinstance(items, list):
        raise ValueError(f"expected a list, got {items!r}")
    for item in items:
        if not (
            isinstance(item, list) and len(item) == width and all(isinstance(s, str) for s in item)
        ):
            raise ValueError(f"expected a list of {width} strings, got {item!r}")
        yield tuple(item)
