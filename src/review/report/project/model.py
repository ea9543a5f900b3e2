"""A project's report: each file's report (its figures; the project lists no sentences) and the
totals over all files, scored as one corpus."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from review.metrics import Score
from review.report.effort import EFFORT_METRICS, EffortStatistics
from review.report.model import CheckersRun, FateCounts, Report, Summary
from review.report.mqm import MqmScore, total_score

PROJECT_REPORT_SCHEMA_ID = "review-project-report/1"


@dataclass(frozen=True, slots=True)
class ProjectFile:
    """One file's report; ``saved`` is false when the file has no saved review yet (its
    figures are then those of the untouched original)."""

    report: Report
    saved: bool

    @property
    def path(self) -> str:
        return self.report.source.document


@dataclass(frozen=True, slots=True)
class ProjectReport:
    """``totals`` sums the files' summaries; ``effort`` and ``mqm`` score all their sentences
    as one corpus (not an average of the files' scores)."""

    files: tuple[ProjectFile, ...]
    skipped: tuple[tuple[str, str], ...]
    """(path, why) of each file that could not be read."""
    totals: Summary
    effort: tuple[Score, ...]
    mqm: MqmScore
    checkers: CheckersRun

    @property
    def saved(self) -> int:
        return sum(1 for file in self.files if file.saved)


def build_project_report(
    files: Sequence[ProjectFile],
    statistics: Sequence[EffortStatistics],
    skipped: Sequence[tuple[str, str]] = (),
) -> ProjectReport:
    """``statistics`` are each file's effort statistics, in the order of ``files``."""
    if not files:
        raise ValueError("a project report needs a file")
    joined = EffortStatistics.joined(statistics)
    reports = [file.report for file in files]
    return ProjectReport(
        files=tuple(files),
        skipped=tuple(skipped),
        totals=total_summary([report.summary for report in reports]),
        effort=tuple(joined.score(metric) for metric in EFFORT_METRICS),
        mqm=total_score(report.mqm for report in reports),
        checkers=CheckersRun(
            next((r.checkers.languagetool for r in reports if r.checkers.languagetool), None),
            tuple(dict.fromkeys(n for report in reports for n in report.checkers.notices)),
        ),
    )


def total_summary(summaries: Sequence[Summary]) -> Summary:
    counts = {
        field.name: sum(getattr(summary.flags, field.name) for summary in summaries)
        for field in fields(FateCounts)
    }
    totals = {
        field.name: sum(getattr(summary, field.name) for summary in summaries)
        for field in fields(Summary)
        if field.name != "flags"
    }
    return Summary(**totals, flags=FateCounts(**counts))
