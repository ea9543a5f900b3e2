"""The report as CSV: one row per sentence, for spreadsheets.

UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8 (LibreOffice and
Python's ``utf-8-sig`` read it too); rows end in CRLF as RFC 4180 has them.

A cell that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) gets a leading apostrophe, which spreadsheets show as text: a
sentence is never executed. Scores are rounded to two decimals; the JSON report has them
unrounded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from review.report.model import FateCounts, Report, SentenceRow
from review.report.wording import (
    FATE_ORDER,
    annotation_line,
    decision_line,
    fate_count,
    flag_change,
    flag_detail,
    number,
    wdiff,
)

COLUMNS = (
    "sentence",
    "paragraph",
    "status",
    "changed",
    "deleted",
    "words",
    "hter",
    "chrf++",
    "flags",
    *(str(fate) for fate in FATE_ORDER),
    "original",
    "corrected",
    "diff",
    "flag_details",
    "comment",
    "annotations",
    "needs_decision",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(report: Report) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    decisions: dict[str, list[str]] = {}
    for decision in report.decisions:
        decisions.setdefault(decision.sentence, []).append(decision_line(decision))
    writer.writerows(_row(row, decisions.get(row.id, ())) for row in report.rows)
    return out.getvalue()


def _row(row: SentenceRow, decisions: Sequence[str]) -> list[str]:
    counts = FateCounts.of(o.fate for o in row.flags)
    return [
        row.id,
        str(row.paragraph),
        row.status.value,
        "yes" if row.changed else "no",
        "yes" if row.deleted else "no",
        str(row.words),
        number(row.hter),
        number(row.chrf),
        str(len(row.flags)),
        *(str(fate_count(counts, fate)) for fate in FATE_ORDER),
        _inert(row.original),
        _inert(row.corrected),
        _inert(wdiff(row.diff)) if row.changed else "",
        _inert(
            "\n".join(
                f"{o.flag.rule} [{o.fate}] {flag_detail(o)} — {flag_change(o)}" for o in row.flags
            )
        ),
        _inert(row.comment),
        _inert("\n".join(annotation_line(a) for a in row.annotations)),
        _inert("\n".join(decisions)),
    ]


def _inert(cell: str) -> str:
    """Text cells only: the other columns are ids and numbers we write."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
