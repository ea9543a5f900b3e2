"""`review report PATH… --format csv`: one row a file (a skipped one says why), for a
spreadsheet; UTF-8 with a BOM and CRLF, as the one-file CSV."""

from __future__ import annotations

import csv
import io

from review.metrics import Metric
from review.report.csv_format import _inert
from review.report.project.model import ProjectFile, ProjectReport

COLUMNS = (
    "file",
    "saved",
    "reviewer",
    "date",
    "sentences",
    "reviewed",
    "edited",
    "flagged",
    "still_flagged",
    "words",
    "flags",
    "accepted",
    "resolved",
    "dismissed",
    "open",
    "hter",
    "chrf++",
    "bleu",
    "mqm_penalty_per_100_words",
    "quality_score",
    "skipped",
)


def render_project_csv(project: ProjectReport) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(_row(file) for file in project.files)
    blank = [""] * (len(COLUMNS) - 2)
    writer.writerows([_inert(path), *blank, _inert(why)] for path, why in project.skipped)
    return out.getvalue()


def _row(file: ProjectFile) -> list[str]:
    report = file.report
    summary = report.summary
    flags = summary.flags
    figures = [
        summary.sentences,
        summary.reviewed,
        summary.edited,
        summary.flagged,
        summary.still_flagged,
        summary.words,
        flags.total,
        flags.accepted,
        flags.resolved,
        flags.dismissed,
        flags.open,
    ]
    scores = [report.effort_score(metric).value for metric in (Metric.TER, Metric.CHRF_PLUS)]
    scores += [report.effort_score(Metric.BLEU).value, report.mqm.penalty_per_100_words]
    return [
        _inert(file.path),
        "yes" if file.saved else "no",
        _inert(report.source.reviewer),
        report.source.date,
        *(str(n) for n in figures),
        *(f"{value:.2f}" for value in scores),
        f"{report.mqm.score:.2f}",
        "",
    ]
