"""The report as JSON, shaped as ``review/schemas/report.schema.json`` documents.

Keys come out in the order written here (never sorted, never set-dependent), so the same
review gives the same bytes. Scores are sacrebleu's floats, unrounded: the other formats round
them for reading, this one is for recomputing.

The layout is indented, except that each paragraph and each sentence is one line: a book's
report stays quick to write (json's C encoder does the lines) and diffs line by line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from review import __version__
from review.metrics import Score
from review.report.model import (
    REPORT_SCHEMA_ID,
    Decision,
    FateCounts,
    FlagOutcome,
    GroupStats,
    Report,
    SentenceRow,
    Summary,
)
from review.report.mqm import FORMULA, WEIGHTS, MqmScore
from review.report.wording import METRIC_NAMES

_ONE_LINE_ITEMS = ("paragraphs", "sentences")


def render_json(report: Report) -> str:
    members = []
    for key, value in report_json(report).items():
        if key in _ONE_LINE_ITEMS:
            # Each item is made and written in turn: a book's sentences never sit in memory
            # as dicts all at once.
            lines = ["    " + json.dumps(item, ensure_ascii=False) for item in value]
            rendered = "[\n" + ",\n".join(lines) + "\n  ]" if lines else "[]"
        else:
            rendered = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        members.append(f"  {json.dumps(key)}: {rendered}")
    return "{\n" + ",\n".join(members) + "\n}\n"


def report_json(report: Report) -> dict[str, Any]:
    """The report as JSON values; ``paragraphs`` and ``sentences`` are iterators, made as
    they are read."""
    source = report.source
    return {
        "schema": REPORT_SCHEMA_ID,
        "tool": {"name": "review", "version": __version__},
        "source": {
            "document": source.document,
            "document_sha256": source.document_sha256,
            "patch": source.patch,
            "reviewer": source.reviewer,
            "date": source.date,
            "language": source.language,
            "reviewed_with": source.reviewed_with,
        },
        "checkers": {
            "languagetool": report.checkers.languagetool,
            "fluency": True,
            "notices": list(report.checkers.notices),
        },
        "needs_decision": [_decision(d) for d in report.decisions],
        "comments": [{"sentence": s, "comment": comment} for s, comment in report.comments],
        "summary": summary_json(report.summary),
        "effort": effort_json(report.effort),
        "mqm": mqm_json(report.mqm),
        "flags": {
            "by_category": [_group(g) for g in report.by_category],
            "by_mqm": [_group(g) for g in report.by_mqm],
            "by_severity": [_group(g) for g in report.by_severity],
            "by_rule": [_group(g) for g in report.by_rule],
        },
        "paragraphs": (
            {
                "paragraph": p.paragraph,
                "sentences": p.sentences,
                "edited": p.edited,
                "words": p.words,
                "hter": p.hter,
            }
            for p in report.paragraphs
        ),
        "only_changed": report.only_changed,
        "sentences": (_sentence(row) for row in report.rows),
    }


def summary_json(summary: Summary) -> dict[str, Any]:
    return {
        "sentences": summary.sentences,
        "flagged": summary.flagged,
        "still_flagged": summary.still_flagged,
        "edited": summary.edited,
        "reviewed": summary.reviewed,
        "commented": summary.commented,
        "annotated": summary.annotated,
        "words": summary.words,
        "corrected_words": summary.corrected_words,
        "flags": _counts(summary.flags),
    }


def effort_json(effort: Iterable[Score]) -> list[dict[str, Any]]:
    return [
        {
            "name": METRIC_NAMES[score.metric],
            "metric": score.metric.value,
            "score": score.value,
            "signature": score.signature,
        }
        for score in effort
    ]


def mqm_json(mqm: MqmScore) -> dict[str, Any]:
    return {
        "words": mqm.words,
        "errors": {kind: errors for kind, errors, _ in mqm.lines()},
        "weights": WEIGHTS,
        "penalty": mqm.penalty,
        "penalty_per_100_words": mqm.penalty_per_100_words,
        "score": mqm.score,
        "formula": FORMULA,
    }


def _counts(counts: FateCounts) -> dict[str, Any]:
    return {
        "total": counts.total,
        "accepted": counts.accepted,
        "resolved": counts.resolved,
        "dismissed": counts.dismissed,
        "open": counts.open,
        "precision": counts.precision,
    }


def _group(group: GroupStats) -> dict[str, Any]:
    return {"name": group.name, **_counts(group.counts)}


def _sentence(row: SentenceRow) -> dict[str, Any]:
    bilingual = {"unit": row.unit, "source": row.source} if row.unit else {}
    return {
        "id": row.id,
        **bilingual,
        "paragraph": row.paragraph,
        "status": row.status.value,
        "changed": row.changed,
        "deleted": row.deleted,
        "words": row.words,
        "hter": row.hter,
        "chrf": row.chrf,
        "original": row.original,
        "corrected": row.corrected,
        "diff": [{"op": d.op.value, "text": d.text} for d in row.diff],
        "flags": [_flag(o) for o in row.flags],
        "comment": row.comment,
        "annotations": [
            {
                **a.annotation.to_json(),
                "text": a.original,
                "original_start": a.start,
                "original_end": a.end,
                "corrected_text": a.corrected,
            }
            for a in row.annotations
        ],
    }


def _decision(decision: Decision) -> dict[str, Any]:
    common = {
        "sentence": decision.sentence,
        "kind": decision.kind.value,
        "severity": decision.severity.value,
    }
    if decision.flag is not None:
        flag = decision.flag.flag
        return {**common, "rule": flag.rule, "mqm": flag.mqm.value, "text": flag.text,
                "message": flag.message}  # fmt: skip
    assert decision.annotation is not None
    annotation = decision.annotation
    return {**common, "mqm": annotation.annotation.mqm.value, "text": annotation.original,
            "message": annotation.annotation.note}  # fmt: skip


def _flag(outcome: FlagOutcome) -> dict[str, Any]:
    flag = outcome.flag
    return {
        "rule": flag.rule,
        "source": flag.source,
        "category": flag.category.value,
        "mqm": flag.mqm.value,
        "severity": flag.severity.value,
        "message": flag.message,
        "start": flag.start,
        "end": flag.end,
        "text": flag.text,
        "replacements": list(flag.replacements),
        "fate": outcome.fate.value,
        "replacement": outcome.replacement,
    }
