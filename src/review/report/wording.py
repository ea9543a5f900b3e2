"""The words and number formats every report format shares, so a figure reads the same in
HTML, Markdown and CSV."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from review.metrics import Metric, Score
from review.report.errors import AnnotationRow
from review.report.fates import Fate
from review.report.model import (
    Decision,
    FateCounts,
    FlagOutcome,
    Report,
    SentenceRow,
    Summary,
)
from review.report.mqm import MqmScore
from review.state import Annotation
from review.worddiff import DiffOp, Op

METRIC_NAMES = {Metric.TER: "HTER", Metric.CHRF_PLUS: "chrF++", Metric.BLEU: "BLEU"}
METRIC_MEANINGS = {
    Metric.TER: "edits needed to turn the original into the corrected text, per 100 words of "
    "the corrected text (0 = untouched; lower is less post-editing)",
    Metric.CHRF_PLUS: "character and word n-gram F-score of the original against the corrected "
    "text (100 = identical)",
    Metric.BLEU: "word n-gram precision of the original against the corrected text "
    "(100 = identical)",
}
EFFORT_NOTE = (
    "Scores from sacrebleu, on its 0–100 scale, with the original as the hypothesis and the "
    "corrected text as the reference, sentence by sentence; their signatures, in the appendix, "
    "say exactly how each was computed."
)
PRECISION_NOTE = (
    "Precision as the editor judged it = (accepted + resolved) ÷ (accepted + resolved + "
    "dismissed); open flags were not judged. Resolved: the editor rewrote the flagged text by "
    "hand."
)
FATE_ORDER = (Fate.ACCEPTED, Fate.RESOLVED, Fate.DISMISSED, Fate.OPEN)
DECISIONS_NOTE = (
    "Flags still open at major or critical severity, which nobody accepted, fixed or "
    "dismissed, and the errors the editor marked critical."
)
NO_DECISIONS = "Nothing: no major or critical flag is open and no error was marked critical."
FLAGGED_NOTE = (
    "Flags on the original are what the checkers find on the original text, whatever became "
    "of them; flags still open are those nobody accepted, fixed or dismissed (the review "
    'screen\'s "flagged" counts the sentences with flags on the current text that were not '
    "dismissed)."
)
APPENDIX_NOTE = (
    "How the scores were computed (sacrebleu's signatures) and how often the editor agreed "
    "with each rule (precision as the editor judged it)."
)


def sentences_heading(only_changed: bool) -> str:
    """The heading over the list of sentences (all of them, or those the editor touched)."""
    if only_changed:
        return "Sentences the editor changed, commented on or annotated"
    return "Sentences"


@dataclass(frozen=True, slots=True)
class Figure:
    """One headline number. ``key`` names it for machines (the HTML's data-figure)."""

    key: str
    label: str
    value: str


def number(value: float) -> str:
    """A score or penalty as the reports show it: two decimals, thousands separated."""
    return f"{value:,.2f}"


def count(value: int) -> str:
    return f"{value:,}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def fate_count(counts: FateCounts, fate: Fate) -> int:
    return {
        Fate.ACCEPTED: counts.accepted,
        Fate.RESOLVED: counts.resolved,
        Fate.DISMISSED: counts.dismissed,
        Fate.OPEN: counts.open,
    }[fate]


def summary_figures(report: Report) -> tuple[Figure, ...]:
    return figures(report.summary, report.effort, report.mqm)


def figures(summary: Summary, effort: Sequence[Score], mqm: MqmScore) -> tuple[Figure, ...]:
    """The summary's figures of a text, or of a project's totals."""
    scores = {score.metric: score.value for score in effort}
    return (
        Figure("sentences", "sentences", count(summary.sentences)),
        Figure("flagged", "sentences flagged on the original", count(summary.flagged)),
        Figure("still-flagged", "sentences with flags still open", count(summary.still_flagged)),
        Figure("edited", "edited", count(summary.edited)),
        Figure("reviewed", "marked reviewed", count(summary.reviewed)),
        Figure("words", "words (original)", count(summary.words)),
        Figure("hter", "HTER", number(scores[Metric.TER])),
        Figure("chrf", "chrF++", number(scores[Metric.CHRF_PLUS])),
        Figure("bleu", "BLEU", number(scores[Metric.BLEU])),
        Figure("mqm-penalty", "MQM penalty per 100 words", number(mqm.penalty_per_100_words)),
        Figure("quality-score", "quality score", number(mqm.score)),
        Figure("flags", "flags on the original", count(summary.flags.total)),
        Figure("open", "flags still open", count(summary.flags.open)),
    )


DECISIONS_OPEN_UP_TO = 50
"""Longer lists of decisions are folded (a book can hold thousands of open major flags)."""


def decisions_title(decisions: Sequence[Decision]) -> str:
    """`2 open flags (1 critical, 1 major) and 1 critical annotation`."""
    flags = Counter(d.severity for d in decisions if d.flag is not None)
    annotations = len(decisions) - sum(flags.values())
    parts = []
    if flags:
        total = sum(flags.values())
        by_severity = ", ".join(f"{count(n)} {severity}" for severity, n in flags.items())
        parts.append(f"{count(total)} open flag{'s' * (total != 1)} ({by_severity})")
    if annotations:
        parts.append(f"{count(annotations)} critical annotation{'s' * (annotations != 1)}")
    return " and ".join(parts)


def unjudged_line(report: Report) -> str:
    """What the quality score leaves out: the flags nobody judged."""
    open_by_severity = [
        f"{count(g.counts.open)} {g.name}" for g in report.by_severity if g.counts.open
    ]
    if not open_by_severity:
        return "Every flag was judged: none is left out of the score."
    total = report.summary.flags.open
    return (
        f"Not in the score: {count(total)} open flag{'s' * (total != 1)} nobody judged "
        f"({', '.join(open_by_severity)}); the major and critical ones are under "
        '"Needs a decision".'
    )


def row_heading(row: SentenceRow) -> str:
    """`s9 · ¶3 · reviewed · HTER 12.50 · chrF++ 80.00` (plus `deleted` for a deleted one);
    a bilingual file's sentence names its unit instead of a paragraph (`unit line13`)."""
    parts = [row.id, f"unit {row.unit}" if row.unit else f"¶{row.paragraph}", row.status.value]
    if row.deleted:
        parts.append("deleted")
    parts += [f"HTER {number(row.hter)}", f"chrF++ {number(row.chrf)}"]
    return " · ".join(parts)


def flag_detail(outcome: FlagOutcome) -> str:
    """`mistranslation-risk, Accuracy/Mistranslation, major: <message>`."""
    flag = outcome.flag
    return f"{flag.category}, {flag.mqm}, {flag.severity}: {flag.message}"


def flag_change(outcome: FlagOutcome) -> str:
    """The flagged text, and the replacement when a suggestion was applied."""
    if outcome.replacement is not None:
        return f"“{outcome.flag.text}” → “{outcome.replacement}”"
    return f"“{outcome.flag.text}”"


def describe_annotation(annotation: Annotation, words: str) -> str:
    """`Style/Awkward, minor on “words”: note`."""
    note = f": {annotation.note}" if annotation.note else ""
    return f"{annotation.mqm}, {annotation.severity} on “{words}”{note}"


def annotation_line(row: AnnotationRow) -> str:
    """An editor's MQM annotation quoting the erroneous words as the original has them, or
    the words the editor added where the original lacked them."""
    if row.original or not row.corrected:
        return describe_annotation(row.annotation, row.original)
    note = f": {row.annotation.note}" if row.annotation.note else ""
    added = f"missing from the original (the editor added “{row.corrected}”)"
    return f"{row.annotation.mqm}, {row.annotation.severity}, {added}{note}"


def decision_line(decision: Decision) -> str:
    """`open flag, major: ODD “same” (Style/Awkward: <message>)`; the sentence is said
    apart."""
    if decision.flag is not None:
        flag = decision.flag.flag
        what = f"{flag.rule} “{flag.text}” ({flag.mqm}: {flag.message})"
    else:
        assert decision.annotation is not None
        what = annotation_line(decision.annotation)
    return f"{decision.kind}, {decision.severity}: {what}"


def wdiff(ops: Sequence[DiffOp]) -> str:
    """The diff as plain text, wdiff style: ``[-deleted-]{+inserted+}``."""
    marks = {Op.EQUAL: ("", ""), Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}
    return "".join(marks[d.op][0] + d.text + marks[d.op][1] for d in ops)


@dataclass(frozen=True, slots=True)
class Fold:
    """A run of consecutive sentences that are not noteworthy (folded away in HTML and
    Markdown)."""

    # A slice of the report's rows (``Rows``: made again as they are read), not the rows.
    rows: Sequence[SentenceRow]

    @property
    def title(self) -> str:
        first, last = self.rows[0].id, self.rows[-1].id
        span = first if first == last else f"{first}–{last}"
        noun = "sentence" if len(self.rows) == 1 else "sentences"
        flags = FateCounts.of(o.fate for row in self.rows for o in row.flags)
        detail = ""
        if flags.total:
            parts = [
                f"{count(fate_count(flags, f))} {f}" for f in FATE_ORDER if fate_count(flags, f)
            ]
            plural = "s" * (flags.total != 1)
            detail = f" · {count(flags.total)} flag{plural} ({', '.join(parts)})"
        return f"{span} · {count(len(self.rows))} unchanged {noun}{detail}"


def grouped_rows(rows: Sequence[SentenceRow]) -> Iterator[SentenceRow | Fold]:
    """The rows in order, with each run of not-noteworthy rows as one Fold (a slice of
    ``rows``: a book's run of unchanged sentences is not held as rows)."""
    start = 0
    for index, row in enumerate(rows):
        if row.noteworthy:
            if start < index:
                yield Fold(rows[start:index])
            start = index + 1
            yield row
    if start < len(rows):
        yield Fold(rows[start:])
