"""What every project report format says of a file, in the same words and numbers."""

from __future__ import annotations

from review.metrics import Metric, Score
from review.report.model import Summary
from review.report.project.model import ProjectFile
from review.report.wording import METRIC_NAMES, count, number

FILE_COLUMNS = (
    "file",
    "saved review",
    "sentences",
    "reviewed",
    "edited",
    "flags",
    "open",
    "HTER",
    "chrF++",
    "quality score",
)


def progress(summary: Summary) -> str:
    """Review progress: sentences marked reviewed of all."""
    return f"{count(summary.reviewed)}/{count(summary.sentences)}"


def file_cells(file: ProjectFile) -> tuple[str, ...]:
    """The file table's cells of ``file``, in the order of ``FILE_COLUMNS`` (the file's
    name first, as plain text)."""
    report = file.report
    summary = report.summary
    return (
        file.path,
        "yes" if file.saved else "no",
        count(summary.sentences),
        progress(summary),
        count(summary.edited),
        count(summary.flags.total),
        count(summary.flags.open),
        number(report.effort_score(Metric.TER).value),
        number(report.effort_score(Metric.CHRF_PLUS).value),
        number(report.mqm.score),
    )


def anchor(index: int) -> str:
    """The id of a file's section in HTML and Markdown (file names are not valid ids)."""
    return f"file-{index + 1}"


def signature_lines(effort: tuple[Score, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((METRIC_NAMES[score.metric], score.signature) for score in effort)
