"""The words and number formats every report format shares, so a figure reads the same in
HTML, Markdown and CSV."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from review.metrics import Metric
from review.report.fates import Fate
from review.report.model import FateCounts, FlagOutcome, Report, SentenceRow
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
    "corrected text as the reference, sentence by sentence; the signature says exactly how "
    "each was computed."
)
PRECISION_NOTE = (
    "Precision as the editor judged it = (accepted + resolved) ÷ (accepted + resolved + "
    "dismissed); open flags were not judged. Resolved: the editor rewrote the flagged text by "
    "hand."
)
FATE_ORDER = (Fate.ACCEPTED, Fate.RESOLVED, Fate.DISMISSED, Fate.OPEN)


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
    summary = report.summary
    return (
        Figure("sentences", "sentences", count(summary.sentences)),
        Figure("flagged", "flagged", count(summary.flagged)),
        Figure("edited", "edited", count(summary.edited)),
        Figure("reviewed", "marked reviewed", count(summary.reviewed)),
        Figure("words", "words (original)", count(summary.words)),
        Figure("hter", "HTER", number(report.effort_score(Metric.TER).value)),
        Figure("chrf", "chrF++", number(report.effort_score(Metric.CHRF_PLUS).value)),
        Figure("bleu", "BLEU", number(report.effort_score(Metric.BLEU).value)),
        Figure(
            "mqm-penalty", "MQM penalty per 100 words", number(report.mqm.penalty_per_100_words)
        ),
        Figure("quality-score", "quality score", number(report.mqm.score)),
        Figure("flags", "flags", count(summary.flags.total)),
        Figure("open", "open flags", count(summary.flags.open)),
    )


def row_heading(row: SentenceRow) -> str:
    """`s9 · ¶3 · reviewed · HTER 12.50 · chrF++ 80.00` (plus `deleted` for a deleted one)."""
    parts = [row.id, f"¶{row.paragraph}", row.status.value]
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


def annotation_line(annotation: Annotation, text: str) -> str:
    """An editor's MQM annotation on ``text`` (the sentence's corrected text)."""
    span = text[annotation.start : annotation.end]
    note = f": {annotation.note}" if annotation.note else ""
    return f"{annotation.mqm}, {annotation.severity} on “{span}”{note}"


def wdiff(ops: Sequence[DiffOp]) -> str:
    """The diff as plain text, wdiff style: ``[-deleted-]{+inserted+}``."""
    marks = {Op.EQUAL: ("", ""), Op.DELETE: ("[-", "-]"), Op.INSERT: ("{+", "+}")}
    return "".join(marks[d.op][0] + d.text + marks[d.op][1] for d in ops)


@dataclass(frozen=True, slots=True)
class Fold:
    """A run of consecutive sentences that are not noteworthy (folded away in HTML and
    Markdown)."""

    rows: tuple[SentenceRow, ...]

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
    """The rows in order, with each run of not-noteworthy rows as one Fold."""
    run: list[SentenceRow] = []
    for row in rows:
        if row.noteworthy:
            if run:
                yield Fold(tuple(run))
                run = []
            yield row
        else:
            run.append(row)
    if run:
        yield Fold(tuple(run))
