"""The correction report's figures, computed once as frozen values that every format renders.

``build_report`` takes the original, its sentences, the saved review and the flags found on
the original (flags are never stored: the caller checks the original again) and gives a
``Report``: the summary, the post-editing effort (sacrebleu, with signatures), the MQM score,
the flag statistics per category and MQM class, HTER per paragraph and one row per sentence.

Words are whitespace-separated tokens of the original: what TER counts as the length of an
unchanged sentence, and the MQM score's word count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import overload

from review.flags import Flag, Severity
from review.metrics import Metric, Score
from review.report.effort import EFFORT_METRICS, EffortStatistics
from review.report.errors import AnnotationRow, confirmed_errors
from review.report.fates import Fate, Standing, flag_fate
from review.report.mqm import MqmScore, mqm_score
from review.segment import Sentence
from review.state import AnnotationClass, ReviewState, Status
from review.worddiff import DiffOp, Op, word_diff

REPORT_SCHEMA_ID = "review-report/3"


@dataclass(frozen=True, slots=True)
class ReportSource:
    """What the report is about: the original and the saved review it was made from."""

    document: str
    document_sha256: str
    patch: str
    reviewer: str
    date: str
    language: str
    reviewed_with: str
    """The tool that wrote the patch, e.g. ``review 0.1.0``."""


@dataclass(frozen=True, slots=True)
class CheckersRun:
    """The checkers that found the flags for this report (they ran on the original again)."""

    languagetool: str | None
    notices: tuple[str, ...] = ()

    def describe(self) -> str:
        if self.languagetool:
            return f"LanguageTool {self.languagetool} and the fluency detectors"
        return "the fluency detectors only (LanguageTool did not run)"


@dataclass(frozen=True, slots=True)
class FateCounts:
    accepted: int = 0
    resolved: int = 0
    dismissed: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.accepted + self.resolved + self.dismissed + self.open

    @property
    def confirmed(self) -> int:
        """Flags the editor agreed with: a suggestion applied, or the text rewritten."""
        return self.accepted + self.resolved

    @property
    def judged(self) -> int:
        return self.confirmed + self.dismissed

    @property
    def precision(self) -> float | None:
        """Confirmed ÷ judged, None when the editor judged none."""
        return self.confirmed / self.judged if self.judged else None

    @classmethod
    def of(cls, fates: Iterable[Fate]) -> FateCounts:
        counts = dict.fromkeys(Fate, 0)
        for fate in fates:
            counts[fate] += 1
        return cls(
            counts[Fate.ACCEPTED], counts[Fate.RESOLVED], counts[Fate.DISMISSED], counts[Fate.OPEN]
        )


@dataclass(frozen=True, slots=True)
class GroupStats:
    """The flags of one category or one MQM class."""

    name: str
    counts: FateCounts


@dataclass(frozen=True, slots=True)
class FlagOutcome:
    """A flag found on the original and its fate; ``replacement`` is the suggestion applied."""

    flag: Flag
    fate: Fate
    replacement: str | None = None


@dataclass(frozen=True, slots=True)
class SentenceRow:
    """One sentence. ``hter`` and ``chrf`` (chrF++) are sacrebleu's sentence scores of the
    original against the corrected text: 0 and 100 for an unchanged sentence."""

    id: str
    paragraph: int
    status: Status
    original: str
    corrected: str
    diff: tuple[DiffOp, ...]
    flags: tuple[FlagOutcome, ...]
    comment: str
    annotations: tuple[AnnotationRow, ...]
    words: int
    hter: float
    chrf: float
    # A bilingual file's sentence: its unit's id and the source it translates ("" otherwise).
    unit: str = ""
    source: str = ""

    @property
    def changed(self) -> bool:
        return self.corrected != self.original

    @property
    def deleted(self) -> bool:
        return self.corrected == "" and self.original != ""

    @property
    def noteworthy(self) -> bool:
        """Changed, commented on or annotated: what ``--only-changed`` lists and what the
        HTML and Markdown reports never fold away."""
        return self.changed or bool(self.comment) or bool(self.annotations)


@dataclass(frozen=True, slots=True)
class ParagraphEffort:
    paragraph: int
    sentences: int
    edited: int
    words: int
    hter: float


class DecisionKind(StrEnum):
    OPEN_FLAG = "open flag"
    CRITICAL_ANNOTATION = "critical annotation"


@dataclass(frozen=True, slots=True)
class Decision:
    """What a project manager still has to decide on: an open major or critical flag nobody
    judged, or an error the editor marked critical. ``flag`` or ``annotation`` is set, as
    ``kind`` says."""

    sentence: str
    kind: DecisionKind
    severity: Severity
    flag: FlagOutcome | None = None
    annotation: AnnotationRow | None = None


DECISION_SEVERITIES = frozenset({Severity.MAJOR, Severity.CRITICAL})
"""Open flags at these severities need a decision; minor ones are listed in their sentence."""


@dataclass(frozen=True, slots=True)
class Summary:
    """``flagged`` counts the sentences with flags found on the original (whatever became of
    them), ``still_flagged`` those with a flag still open: the review screen's "flagged"."""

    sentences: int
    flagged: int
    still_flagged: int
    edited: int
    reviewed: int
    commented: int
    annotated: int
    words: int
    corrected_words: int
    flags: FateCounts


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a report says. ``rows`` are the sentences listed: all of them, or only the
    noteworthy ones when ``only_changed``; every other figure covers the whole document."""

    source: ReportSource
    checkers: CheckersRun
    summary: Summary
    effort: tuple[Score, ...]
    mqm: MqmScore
    by_category: tuple[GroupStats, ...]
    by_mqm: tuple[GroupStats, ...]
    by_severity: tuple[GroupStats, ...]
    by_rule: tuple[GroupStats, ...]
    paragraphs: tuple[ParagraphEffort, ...]
    rows: Sequence[SentenceRow]
    only_changed: bool
    decisions: tuple[Decision, ...]
    """Most severe first, in text order within a severity; over the whole document."""
    comments: tuple[tuple[str, str], ...]
    """(sentence id, the editor's comment) in text order, over the whole document."""

    def effort_score(self, metric: Metric) -> Score:
        return next(score for score in self.effort if score.metric is metric)

    def open_flags_at_least(self, severity: Severity) -> int:
        return sum(
            group.counts.open
            for group in self.by_severity
            if Severity(group.name).rank >= severity.rank
        )


def effort_statistics(sentences: Sequence[Sentence], state: ReviewState) -> EffortStatistics:
    """The sacrebleu statistics a report needs: the slow part, and independent of the flags,
    so a caller may compute it while the checkers run."""
    return EffortStatistics(_Texts(sentences), _Texts(sentences, state))


class _Texts(Sequence[str]):
    """The sentences' texts (original, or as ``state`` has them), each cut when asked: a
    sentence holds the document's text, and a book's texts listed at once were the book
    again."""

    def __init__(self, sentences: Sequence[Sentence], state: ReviewState | None = None) -> None:
        self._sentences = sentences
        self._state = state

    def __len__(self) -> int:
        return len(self._sentences)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return _Texts(self._sentences[index], self._state)
        sentence = self._sentences[index]
        return self._state.text_of(sentence) if self._state else sentence.text


class Rows(Sequence[SentenceRow]):
    """A report's rows, each made when asked (in order, or by index): a book's rows held at
    once, with their diffs and texts, were the largest part of a report's memory."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        state: ReviewState,
        flags: Mapping[str, Sequence[Flag]],
        effort: EffortStatistics,
        indices: Sequence[int] | None = None,
    ) -> None:
        self._sentences = sentences
        self._state = state
        self._flags = flags
        self._effort = effort
        self._indices = range(len(sentences)) if indices is None else indices

    def __len__(self) -> int:
        return len(self._indices)

    @overload
    def __getitem__(self, index: int) -> SentenceRow: ...
    @overload
    def __getitem__(self, index: slice) -> Rows: ...
    def __getitem__(self, index: int | slice) -> SentenceRow | Rows:
        if isinstance(index, slice):
            return Rows(
                self._sentences, self._state, self._flags, self._effort, self._indices[index]
            )
        return self._row(self._indices[index])

    def __iter__(self) -> Iterator[SentenceRow]:
        return map(self._row, self._indices)

    def _row(self, index: int) -> SentenceRow:
        sentence = self._sentences[index]
        flags = self._flags.get(sentence.id, ())
        return _row(sentence, index, self._state, flags, self._effort)


def build_report(
    sentences: Sequence[Sentence],
    state: ReviewState,
    flags: Iterable[Flag],
    source: ReportSource,
    checkers: CheckersRun,
    only_changed: bool = False,
    effort: EffortStatistics | None = None,
) -> Report:
    """``effort`` is ``effort_statistics(sentences, state)`` when the caller has it already.

    The figures are worked out in one pass over the rows; the rows themselves are made again
    as a format renders them (``Rows``)."""
    by_sentence: dict[str, list[Flag]] = defaultdict(list)
    for flag in flags:
        by_sentence[flag.sentence_id].append(flag)
    effort = effort or effort_statistics(sentences, state)
    rows = Rows(sentences, state, by_sentence, effort)
    tally = _Tally()
    for row in rows:
        tally.add(row)
    return Report(
        source=source,
        checkers=checkers,
        summary=tally.summary(),
        effort=tuple(effort.score(metric) for metric in EFFORT_METRICS),
        mqm=mqm_score(tally.errors, tally.words),
        by_category=_grouped(tally.groups["category"]),
        by_mqm=_grouped(tally.groups["mqm"]),
        by_severity=_grouped(tally.groups["severity"], Severity),
        by_rule=_grouped(tally.groups["rule"]),
        paragraphs=tally.paragraphs(effort),
        rows=tuple(row for row in rows if row.noteworthy) if only_changed else rows,
        only_changed=only_changed,
        # sorted() is stable: text order stays within a severity.
        decisions=tuple(sorted(tally.decisions, key=lambda d: -d.severity.rank)),
        comments=tuple(tally.comments),
    )


class _Tally:
    """What the report says of the rows as a whole, added up a row at a time."""

    def __init__(self) -> None:
        self.sentences = self.flagged = self.still_flagged = self.edited = 0
        self.reviewed = self.commented = self.annotated = 0
        self.words = self.corrected_words = 0
        # The flags' fates counted per group (not a book's flags' outcomes listed).
        self.fates: Counter[Fate] = Counter()
        self.groups: dict[str, dict[str, Counter[Fate]]] = {key: {} for key in _GROUPINGS}
        self.errors: list[tuple[AnnotationClass, Severity]] = []
        self.decisions: list[Decision] = []
        self.comments: list[tuple[str, str]] = []
        self._paragraphs: dict[int, _Paragraph] = {}

    def add(self, row: SentenceRow) -> None:
        index = self.sentences
        self.sentences += 1
        self.flagged += bool(row.flags)
        self.still_flagged += any(o.fate is Fate.OPEN for o in row.flags)
        self.edited += row.changed
        self.reviewed += row.status is Status.REVIEWED
        self.commented += bool(row.comment)
        self.annotated += bool(row.annotations)
        self.words += row.words
        self.corrected_words += len(row.corrected.split()) if row.changed else row.words
        for outcome in row.flags:
            self.fates[outcome.fate] += 1
            for key, name_of in _GROUPINGS.items():
                self.groups[key].setdefault(name_of(outcome.flag), Counter())[outcome.fate] += 1
        self.errors += confirmed_errors(
            ((o.flag.mqm, o.flag.severity, o.flag.start, o.flag.end, o.fate) for o in row.flags),
            row.annotations,
        )
        self.decisions += _decisions(row)
        if row.comment:
            self.comments.append((row.id, row.comment))
        paragraph = self._paragraphs.setdefault(row.paragraph, _Paragraph(range(index, index)))
        paragraph.add(index, row)

    def summary(self) -> Summary:
        return Summary(
            sentences=self.sentences,
            flagged=self.flagged,
            still_flagged=self.still_flagged,
            edited=self.edited,
            reviewed=self.reviewed,
            commented=self.commented,
            annotated=self.annotated,
            words=self.words,
            corrected_words=self.corrected_words,
            flags=FateCounts.of(self.fates.elements()),
        )

    def paragraphs(self, effort: EffortStatistics) -> tuple[ParagraphEffort, ...]:
        return tuple(
            ParagraphEffort(
                paragraph=number,
                sentences=len(paragraph.indices),
                edited=paragraph.edited,
                words=paragraph.words,
                hter=effort.score(Metric.TER, paragraph.indices).value if paragraph.edited else 0.0,
            )
            for number, paragraph in sorted(self._paragraphs.items())
        )


_GROUPINGS: dict[str, Callable[[Flag], str]] = {
    "category": lambda flag: flag.category.value,
    "mqm": lambda flag: flag.mqm.value,
    "severity": lambda flag: flag.severity.value,
    "rule": lambda flag: flag.rule,
}


class _Paragraph:
    """A paragraph's sentences (their indices: a range, as a paragraph's sentences follow
    each other; a list a book's paragraphs each was the largest part of the figures), how
    many of them are edited, and its words."""

    __slots__ = ("edited", "indices", "words")

    def __init__(self, indices: range) -> None:
        self.indices: range | list[int] = indices
        self.edited = 0
        self.words = 0

    def add(self, index: int, row: SentenceRow) -> None:
        indices = self.indices
        if isinstance(indices, range) and index == indices.stop:
            self.indices = range(indices.start, index + 1)
        else:
            self.indices = [*indices, index]
        self.edited += row.changed
        self.words += row.words


def _row(
    sentence: Sentence,
    index: int,
    state: ReviewState,
    flags: Sequence[Flag],
    effort: EffortStatistics,
) -> SentenceRow:
    review = state.review_of(sentence.id)
    original = sentence.text
    # An unchanged sentence's corrected text is its original, one string for both.
    corrected = review.text(original)
    changed = corrected != original
    corrected = corrected if changed else original
    diff = word_diff(original, corrected) if changed else (DiffOp(Op.EQUAL, corrected),)
    standing = Standing.of(diff) if changed and flags else None
    outcomes = tuple(FlagOutcome(f, *flag_fate(f, review, standing)) for f in flags)
    return SentenceRow(
        id=sentence.id,
        paragraph=sentence.paragraph,
        status=review.status,
        original=original,
        corrected=corrected,
        diff=diff,
        flags=outcomes,
        comment=review.comment,
        annotations=tuple(
            AnnotationRow.of(a, diff, original, corrected) for a in review.annotations
        ),
        words=len(original.split()),
        hter=effort.sentence(Metric.TER, index) if changed else 0.0,
        chrf=effort.sentence(Metric.CHRF_PLUS, index) if changed else 100.0,
        unit=sentence.unit,
        source=sentence.source,
    )


def _decisions(row: SentenceRow) -> list[Decision]:
    """What the row leaves to decide (see ``Decision``)."""
    return [
        *(
            Decision(row.id, DecisionKind.OPEN_FLAG, o.flag.severity, flag=o)
            for o in row.flags
            if o.fate is Fate.OPEN and o.flag.severity in DECISION_SEVERITIES
        ),
        *(
            Decision(row.id, DecisionKind.CRITICAL_ANNOTATION, Severity.CRITICAL, annotation=a)
            for a in row.annotations
            if a.annotation.severity is Severity.CRITICAL
        ),
    ]


def _grouped(
    counts: Mapping[str, Counter[Fate]], order: Iterable[str] | None = None
) -> tuple[GroupStats, ...]:
    """Stats per group (the fates of its flags counted), most flags first (ties by name), or
    in ``order`` when given (groups without flags included, so that every severity shows)."""
    if order is not None:
        names = [str(name) for name in order]
    else:
        names = sorted(counts, key=lambda name: (-counts[name].total(), name))
    return tuple(
        GroupStats(name, FateCounts.of(counts.get(name, Counter()).elements())) for name in names
    )
