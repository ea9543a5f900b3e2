"""The report as GitHub-flavoured Markdown.

All text from the document, the flags and the review is in table cells, escaped: Markdown's
special characters get a backslash (so ``|`` cannot end a cell and ``<script>`` stays text) and
line breaks become ``<br>``. Deletions and insertions are GitHub's ``<del>``/``<ins>``: a changed
sentence shows once, as its word diff. Runs of sentences with nothing to report are folded into
<details>. What needs a decision and the reviewer's comments come first; sacrebleu's signatures
and the precision per rule come last, in an appendix.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Sequence

from review.report.fates import FATE_LABELS
from review.report.model import Decision, FlagOutcome, GroupStats, Report, SentenceRow
from review.report.mqm import FORMULA
from review.report.wording import (
    APPENDIX_NOTE,
    DECISIONS_NOTE,
    DECISIONS_OPEN_UP_TO,
    EFFORT_NOTE,
    FATE_ORDER,
    FLAGGED_NOTE,
    METRIC_MEANINGS,
    METRIC_NAMES,
    NO_DECISIONS,
    PRECISION_NOTE,
    Fold,
    annotation_line,
    count,
    decision_line,
    decisions_title,
    fate_count,
    flag_change,
    flag_detail,
    grouped_rows,
    number,
    percent,
    row_heading,
    sentences_heading,
    summary_figures,
    unjudged_line,
)
from review.worddiff import DiffOp, Op

# Characters with a meaning inside a line of (GitHub) Markdown or a table row; a backslash
# before any ASCII punctuation is always allowed. (Cell text never starts a line, so the
# line-start marks, # - + 1., need none.)
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def cell(text: str) -> str:
    """``text`` safe inside a table cell (and anywhere inline)."""
    return _LINE_BREAK.sub("<br>", _SPECIAL.sub(r"\\\1", text))


def code(text: str) -> str:
    """``text`` as a code span that is safe in a table cell: pipes escaped (GitHub splits cells
    before it sees code spans), fenced with more backticks than the text holds in a row."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest else text
    return fence + _LINE_BREAK.sub(" ", padded).replace("|", "\\|") + fence


def render_markdown(report: Report) -> str:
    return "\n".join(_lines(report)) + "\n"


def _lines(report: Report) -> Iterator[str]:
    source = report.source
    yield f"# Correction report: {cell(source.document)}"
    yield ""
    yield from _table(
        ("", ""),
        [
            ("Patch", cell(source.patch)),
            ("Reviewer", cell(source.reviewer or "not named")),
            ("Saved", cell(source.date)),
            ("Language", cell(source.language)),
            ("Original SHA-256", code(source.document_sha256)),
            ("Reviewed with", cell(source.reviewed_with)),
            ("Flags found by", cell(report.checkers.describe())),
            *(("Notice", cell(notice)) for notice in report.checkers.notices),
        ],
    )
    yield ""
    yield from _decisions(report.decisions)
    yield from _comments(report.comments)
    yield "## Summary"
    yield ""
    figures = summary_figures(report)
    yield from _table(("Figure", "Value"), [(f.label, f.value) for f in figures])
    yield ""
    yield cell(FLAGGED_NOTE)
    yield ""
    yield "## Post-editing effort"
    yield ""
    yield cell(EFFORT_NOTE)
    yield ""
    yield from _table(
        ("Metric", "Score", "Meaning"),
        [
            (METRIC_NAMES[s.metric], number(s.value), cell(METRIC_MEANINGS[s.metric]))
            for s in report.effort
        ],
    )
    yield ""
    yield from _quality(report)
    yield "## Flags and what became of them"
    yield ""
    yield cell(PRECISION_NOTE)
    for heading, groups in (
        ("Category", report.by_category),
        ("MQM class", report.by_mqm),
        ("Severity", report.by_severity),
    ):
        yield ""
        yield from _groups(heading, groups)
    yield ""
    yield f"## {sentences_heading(report.only_changed)}"
    for item in grouped_rows(report.rows):
        yield ""
        yield from _fold(item) if isinstance(item, Fold) else _sentence(item)
    if not report.rows:
        yield ""
        yield "None."
    yield ""
    yield from _appendix(report)


def _decisions(decisions: Sequence[Decision]) -> Iterator[str]:
    yield "## Needs a decision"
    yield ""
    if not decisions:
        yield NO_DECISIONS
        yield ""
        return
    yield f"{cell(DECISIONS_NOTE)} {cell(decisions_title(decisions))}."
    yield ""
    folded = len(decisions) > DECISIONS_OPEN_UP_TO
    if folded:
        yield f"<details><summary>{html.escape(decisions_title(decisions))}</summary>"
        yield ""
    yield from _table(
        ("Sentence", "What"), [(d.sentence, cell(decision_line(d))) for d in decisions]
    )
    yield ""
    if folded:
        yield "</details>"
        yield ""


def _comments(comments: Sequence[tuple[str, str]]) -> Iterator[str]:
    yield "## Reviewer's comments"
    yield ""
    if not comments:
        yield "None."
    else:
        yield from _table(("Sentence", "Comment"), [(sid, cell(text)) for sid, text in comments])
    yield ""


def _appendix(report: Report) -> Iterator[str]:
    yield "## Appendix"
    yield ""
    yield cell(APPENDIX_NOTE)
    yield ""
    yield "### sacrebleu signatures"
    yield ""
    yield from _table(
        ("Metric", "Signature"),
        [(METRIC_NAMES[s.metric], code(s.signature)) for s in report.effort],
    )
    yield ""
    yield "### Precision per rule"
    yield ""
    yield from _groups("Rule", report.by_rule)


def _quality(report: Report) -> Iterator[str]:
    mqm = report.mqm
    yield "## Quality (MQM-style)"
    yield ""
    yield from _table(
        ("Errors", "Count", "Weight", "Penalty"),
        [
            (name.replace("_", " "), count(errors), f"× {weight:g}", number(errors * weight))
            for name, errors, weight in mqm.lines()
        ]
        + [
            ("**Penalty**", "", "", number(mqm.penalty)),
            ("**Words of the original**", "", "", count(mqm.words)),
            ("**Penalty per 100 words**", "", "", number(mqm.penalty_per_100_words)),
            ("**Quality score**", "", "", f"**{number(mqm.score)}**"),
        ],
    )
    yield ""
    yield cell(unjudged_line(report))
    yield ""
    yield cell(FORMULA)
    yield ""


def _groups(heading: str, groups: Sequence[GroupStats]) -> Iterator[str]:
    if not groups:
        yield f"No flags per {heading.lower()}."
        return
    yield from _table(
        (heading, "Flags", *(str(fate) for fate in FATE_ORDER), "Precision"),
        [
            (
                cell(group.name),
                count(group.counts.total),
                *(count(fate_count(group.counts, fate)) for fate in FATE_ORDER),
                percent(group.counts.precision),
            )
            for group in groups
        ],
    )


def _sentence(row: SentenceRow) -> Iterator[str]:
    yield f"### {cell(row_heading(row))}"
    yield ""
    rows = [("Source", cell(row.source))] if row.unit else []
    rows += [("Diff", _diff(row.diff)) if row.changed else ("Text", cell(row.original))]
    rows += [(f"Flag: {FATE_LABELS[o.fate]}", _flag(o)) for o in row.flags]
    rows += [("MQM annotation", cell(annotation_line(a))) for a in row.annotations]
    if row.comment:
        rows.append(("Comment", cell(row.comment)))
    yield from _table(("", ""), rows)


def _flag(outcome: FlagOutcome) -> str:
    return f"{code(outcome.flag.rule)} {cell(flag_detail(outcome))} — {cell(flag_change(outcome))}"


def _diff(ops: Iterable[DiffOp]) -> str:
    wrap = {Op.EQUAL: "{}", Op.DELETE: "<del>{}</del>", Op.INSERT: "<ins>{}</ins>"}
    return "".join(wrap[d.op].format(cell(d.text)) for d in ops)


def _fold(fold: Fold) -> Iterator[str]:
    """A run of unchanged sentences in <details>, their flags brief (rule, text, fate) as in
    the HTML report. GitHub renders Markdown inside <details> when blank lines set it
    apart."""
    yield f"<details><summary>{html.escape(fold.title)}</summary>"
    yield ""
    yield from _table(
        ("Sentence", "Text", "Flags"),
        [
            (
                row.id,
                f"{cell(row.source)}<br>→ {cell(row.original)}" if row.unit else cell(row.original),
                "<br>".join(
                    f"{o.fate}: {code(o.flag.rule)} {cell(flag_change(o))}" for o in row.flags
                ),
            )
            for row in fold.rows
        ],
    )
    yield ""
    yield "</details>"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    yield "| " + " | ".join(header) + " |"
    yield "|" + "|".join(" --- " for _ in header) + "|"
    for row in rows:
        yield "| " + " | ".join(row) + " |"
