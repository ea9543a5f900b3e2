"""`review report FILE`: the correction report in Markdown, HTML, JSON or CSV, with CI gates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_engine_arguments,
    add_output_argument,
    add_review_arguments,
    output_path,
    write_output,
)
from review.errors import ReviewError
from review.flags import Severity

if TYPE_CHECKING:
    from collections.abc import Callable

    from review.patch.file import SavedReview
    from review.patch.header import PatchHeader
    from review.report.model import Report, ReportSource

FORMATS = ("md", "html", "json", "csv")
DEFAULT_FORMAT = "md"
_SUFFIX_FORMATS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".csv": "csv",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="the correction report (Markdown, HTML, JSON or CSV)",
        description=(
            "Report on FILE's saved review (corrections/<name>.patch, or --patch P): what the "
            "editor changed and where, post-editing effort (HTER, chrF++, BLEU from sacrebleu, "
            "with signatures), what became of each flag (the original is checked again), and "
            "an MQM-style quality score. Unsaved changes (a journal) are not included."
        ),
        epilog=(
            "The format is --format, else the one -o's suffix names (.md, .html, .json, .csv), "
            "else Markdown. Exit codes: 0 fine, 1 a --fail-… gate was not met (the report is "
            "still written), 2 bad input."
        ),
    )
    add_review_arguments(parser)
    parser.add_argument(
        "--format", choices=FORMATS, help="md (default), html, json or csv (one row a sentence)"
    )
    add_output_argument(parser, "FILE")
    parser.add_argument(
        "--only-changed",
        action="store_true",
        help="list only the sentences the editor changed, commented on or annotated "
        "(the figures still cover the whole text)",
    )
    parser.add_argument(
        "--fail-under-score",
        metavar="N",
        type=float,
        help="exit 1 when the MQM quality score is below N",
    )
    parser.add_argument(
        "--fail-on-open",
        choices=[str(s) for s in Severity],
        help="exit 1 when a flag at or above this severity was left open",
    )
    parser.add_argument(
        "--no-languagetool", action="store_true", help="find flags with the fluency detectors only"
    )
    add_engine_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from review.checking import check_document
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.patch.file import load_saved_review
    from review.progress import stderr_progress
    from review.report.model import CheckersRun, build_report, effort_statistics

    output = output_path(args.output)
    render = _renderer(_format(args.format, output))
    saved = load_saved_review(args.file, args.patch)
    if saved.patch is None:
        raise ReviewError(
            f"{saved.document.relpath} has no saved review ({saved.location.patch} does not "
            "exist); make one with `review edit` or `review open`, or give one with --patch"
        )
    if output is not None and output.resolve() in (saved.document.path, saved.location.patch):
        raise ReviewError(f"{args.output} is the original or its patch; pick another -o")
    config = replace(load_config(), language=saved.patch.header.language)
    # The sacrebleu statistics need no flags: they are worked out (mostly in worker
    # processes) while the checkers run.
    with (
        languagetool_engine(args, config),
        ThreadPoolExecutor(1) as background,
        stderr_progress() as progress,
    ):
        effort = background.submit(effort_statistics, saved.sentences, saved.state)
        result = check_document(
            saved.document.text, saved.sentences, config, progress, not args.no_languagetool
        )
        statistics = effort.result()
    notices = list(result.notices)
    if saved.location.journal.exists():
        notices.append(
            f"{saved.location.journal} holds unsaved changes, which this report leaves out"
        )
    for notice in notices:
        print(f"review: {notice}", file=sys.stderr)
    report = build_report(
        saved.sentences,
        saved.state,
        result.flags,
        _source(saved, saved.patch.header),
        CheckersRun(result.versions.get("languagetool"), tuple(notices)),
        only_changed=args.only_changed,
        effort=statistics,
    )
    write_output(output, render(report).encode("utf-8"))
    failures = _gate_failures(report, args.fail_under_score, args.fail_on_open)
    for failure in failures:
        print(f"review: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _format(chosen: str | None, output: Path | None) -> str:
    if chosen:
        return chosen
    if output is not None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), DEFAULT_FORMAT)
    return DEFAULT_FORMAT


def _renderer(name: str) -> Callable[[Report], str]:
    if name == "html":
        from review.report.html import render_html

        return render_html
    if name == "json":
        from review.report.json_format import render_json

        return render_json
    if name == "csv":
        from review.report.csv_format import render_csv

        return render_csv
    from review.report.markdown import render_markdown

    return render_markdown


def _source(saved: SavedReview, header: PatchHeader) -> ReportSource:
    from review.document import relative_path
    from review.report.model import ReportSource

    return ReportSource(
        document=saved.document.relpath,
        document_sha256=saved.document.sha256,
        patch=relative_path(saved.location.patch),
        reviewer=header.reviewer,
        date=header.date,
        language=header.language,
        reviewed_with=header.tool,
    )


def _gate_failures(
    report: Report, under_score: float | None, open_severity: str | None
) -> list[str]:
    failures = []
    if under_score is not None and report.mqm.score < under_score:
        failures.append(
            f"quality score {report.mqm.score:.2f} is under --fail-under-score {under_score:g}"
        )
    if open_severity is not None:
        severity = Severity(open_severity)
        count = report.open_flags_at_least(severity)
        if count:
            noun = "flag" if count == 1 else "flags"
            failures.append(f"{count} {noun} at or above {severity} left open (--fail-on-open)")
    return failures
