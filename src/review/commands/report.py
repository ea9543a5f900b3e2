"""`review report PATH…`: the correction report in Markdown, HTML, JSON or CSV, with CI gates;
over several files or a folder, one report for the project."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_bilingual_arguments,
    add_encoding_argument,
    add_engine_arguments,
    add_format_argument,
    add_glossary_argument,
    add_output_argument,
    output_path,
    text_encoding,
    with_glossaries,
    write_output,
)
from review.commands.corpus_arguments import SKIPPED_EXIT, add_project_arguments
from review.errors import ReviewError
from review.flags import Severity
from review.report.formats import FORMATS

if TYPE_CHECKING:
    from review.corpus.files import Project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "report",
        help="the correction report (Markdown, HTML, JSON or CSV)",
        description=(
            "Report on a file's saved review (corrections/<name>.patch, or --patch P): what "
            "the editor changed and where, post-editing effort (HTER, chrF++, BLEU from "
            "sacrebleu, with signatures), what became of each flag (the original is checked "
            "again), and an MQM-style quality score. Several files, or a folder, give one "
            "project report: each file's figures and review progress (files without a saved "
            "review too), the totals, and a section per file. Unsaved changes (a journal) are "
            "not included."
        ),
        epilog=(
            "Exit codes: 0 fine, 1 a --fail-… gate was not met (the report is "
            f"still written), 2 bad input, {SKIPPED_EXIT} a file of a project was skipped "
            "(and every gate was met)."
        ),
    )
    add_project_arguments(parser, "the originals")
    add_bilingual_arguments(parser)
    parser.add_argument(
        "--patch", metavar="P", help="the patch file of one file (default: corrections/…)"
    )
    add_format_argument(parser, FORMATS, guessed_from_output=True)
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
    add_glossary_argument(parser)
    add_encoding_argument(parser)
    add_engine_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.commands.corpus_arguments import project_of

    project = project_of(args)
    if not project.many:
        return _run_file(args, str(project.files[0]))
    if args.patch is not None:
        raise ReviewError("--patch names the review of one file; give one file")
    return _run_project(args, project)


def _run_file(args: argparse.Namespace, path: str) -> int:
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from review.checking import check_document
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.corpus.report import source_of
    from review.inputs import with_file_languages
    from review.patch.file import load_saved_review
    from review.progress import stderr_progress
    from review.report.model import CheckersRun, build_report, effort_statistics

    output = output_path(args.output)
    render = FORMATS.renderer(FORMATS.chosen(args.format, output))
    config = with_glossaries(load_config(), args)
    saved = load_saved_review(path, args.patch, encoding=text_encoding(args, config))
    if saved.patch is None:
        raise ReviewError(
            f"{saved.document.relpath} has no saved review ({saved.location.patch} does not "
            "exist); make one with `review edit` or `review open`, or give one with --patch"
        )
    if output is not None and output.resolve() in (saved.document.path, saved.location.patch):
        raise ReviewError(f"{args.output} is the original or its patch; pick another -o")
    config = replace(
        with_file_languages(config, saved.document), language=saved.patch.header.language
    )
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
    notices = [*saved.document.notices, *result.notices]
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
        source_of(saved.document, saved.location.patch, saved.patch.header, config.language),
        CheckersRun(result.versions.get("languagetool"), tuple(notices)),
        only_changed=args.only_changed,
        effort=statistics,
    )
    write_output(output, render(report))
    return _gates(args, report.mqm.score, report.open_flags_at_least)


def _run_project(args: argparse.Namespace, project: Project) -> int:
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.corpus.check import Skipped
    from review.corpus.progress import shown, tracked
    from review.corpus.report import FileReport, file_reports
    from review.report.formats import PROJECT_FORMATS
    from review.report.project.model import ProjectFile, build_project_report

    output = output_path(args.output)
    if args.format and args.format not in PROJECT_FORMATS.names():
        raise ReviewError(f"--format {args.format} reports on one file; give one file")
    render = PROJECT_FORMATS.renderer(PROJECT_FORMATS.chosen(args.format, output))
    # os.path.realpath, not Path.resolve: a link loop among the files is skipped later, not
    # raised here (Python 3.11 and 3.12).
    originals = {os.path.realpath(path) for path in project.files}
    if output is not None and os.path.realpath(output) in originals:
        raise ReviewError(f"{args.output} is one of the originals; pick another -o")
    config = with_glossaries(load_config(), args)
    reports = file_reports(project, config, not args.no_languagetool)
    if shown(args.progress):
        reports = tracked(
            reports,
            len(project.files),
            lambda r: r.report.summary.sentences if isinstance(r, FileReport) else 0,
        )
    done: list[FileReport] = []
    skipped: list[Skipped] = []
    # The checkers are opened as the first file is checked: within the engine.
    with languagetool_engine(args, config):
        for item in reports:
            if isinstance(item, Skipped):
                print(f"review: {item}", file=sys.stderr)
                skipped.append(item)
            else:
                done.append(item)
    if not done:
        raise ReviewError("every file was skipped; there is nothing to report")
    report = build_project_report(
        [ProjectFile(item.report, item.saved) for item in done],
        [item.statistics for item in done],
        [(item.path, item.reason) for item in skipped],
    )
    for notice in report.checkers.notices:
        print(f"review: {notice}", file=sys.stderr)
    write_output(output, render(report))

    def open_flags(severity: Severity) -> int:
        return sum(item.report.open_flags_at_least(severity) for item in done)

    failed = _gates(args, report.mqm.score, open_flags)
    return 1 if failed else SKIPPED_EXIT if skipped else 0


def _gates(args: argparse.Namespace, score: float, open_flags: Callable[[Severity], int]) -> int:
    """The --fail-… gates' failures, each one line on stderr; 1 when one failed, else 0."""
    failures = _gate_failures(score, open_flags, args.fail_under_score, args.fail_on_open)
    for failure in failures:
        print(f"review: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _gate_failures(
    score: float,
    open_flags: Callable[[Severity], int],
    under_score: float | None,
    open_severity: str | None,
) -> list[str]:
    failures = []
    if under_score is not None and score < under_score:
        failures.append(f"quality score {score:.2f} is under --fail-under-score {under_score:g}")
    if open_severity is not None:
        severity = Severity(open_severity)
        count = open_flags(severity)
        if count:
            noun = "flag" if count == 1 else "flags"
            failures.append(f"{count} {noun} at or above {severity} left open (--fail-on-open)")
    return failures
