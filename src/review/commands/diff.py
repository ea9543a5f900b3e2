"""`review diff A B`: two revisions of a review compared sentence by sentence."""

from __future__ import annotations

import argparse
import sys

from review.commands.arguments import add_bilingual_arguments, add_format_argument
from review.diff_formats import FORMATS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="compare two revisions of a review sentence by sentence",
        description=(
            "Compare A and B, each a review patch, a corrected text, or REV:path for either "
            "as it is in git (HEAD~1:corrections/x.patch). For every sentence that differs: "
            "the word diff, and TER and chrF of A against B as the reference (sacrebleu); "
            "then a summary with the newly dismissed and accepted flags and every status, "
            "comment and MQM annotation that changed."
        ),
    )
    parser.add_argument("a", metavar="A", help="the earlier revision")
    parser.add_argument("b", metavar="B", help="the later revision")
    add_format_argument(parser, FORMATS, guessed_from_output=False)
    add_bilingual_arguments(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.comparison import compare
    from review.revisions import load_revision

    comparison = compare(load_revision(args.a), load_revision(args.b))
    sys.stdout.write(FORMATS.renderer(args.format)(comparison))
    return 0
