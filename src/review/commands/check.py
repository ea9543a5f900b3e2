"""`review check FILE`: flags as text, JSON or SARIF; exit 1 when any is at or above --fail-on."""

from __future__ import annotations

import argparse
import sys

from review.commands.arguments import add_engine_arguments
from review.flags import Severity

FORMATS = ("text", "json", "sarif")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="list the flags of a text (text, JSON or SARIF)",
        description="Check FILE with LanguageTool and the fluency detectors and list the flags.",
    )
    parser.add_argument("file", help="the text to check")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--fail-on",
        choices=[*Severity, "none"],
        default=str(Severity.MAJOR),
        help="exit 1 when a flag has at least this severity (default: major)",
    )
    parser.add_argument(
        "--no-languagetool", action="store_true", help="run the fluency detectors only"
    )
    add_engine_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.check_formats import render_json, render_sarif, render_text, summary_line
    from review.checking import check_document
    from review.commands.arguments import languagetool_engine
    from review.config import load_config
    from review.inputs import open_text
    from review.progress import stderr_progress

    text = open_text(args.file)
    document, sentences = text.document, text.sentences
    config = load_config()
    with languagetool_engine(args, config), stderr_progress() as progress:
        result = check_document(
            document.text, sentences, config, progress, not args.no_languagetool
        )
    for notice in result.notices:
        print(f"review: {notice}", file=sys.stderr)
    render = {"text": render_text, "json": render_json, "sarif": render_sarif}[args.format]
    sys.stdout.write(render(document, sentences, result))
    if args.format != "text" and sys.stderr.isatty():
        print(summary_line(document, sentences, result), file=sys.stderr)
    if args.fail_on == "none":
        return 0
    threshold = Severity(args.fail_on).rank
    return int(any(f.severity.rank >= threshold for f in result.flags))
