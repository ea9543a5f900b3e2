"""`review apply FILE`: the corrected text, from the saved patch."""

from __future__ import annotations

import argparse
import sys

from review.errors import ReviewError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "apply",
        help="write the corrected text",
        description=(
            "Apply FILE's saved review (corrections/<name>.patch, or --patch P) and write the "
            "corrected text, byte for byte as `git apply` would, to stdout or to OUT. "
            "Unsaved changes (a journal) are not included."
        ),
    )
    parser.add_argument("file", help="the original text")
    parser.add_argument("--patch", metavar="P", help="the patch file (default: corrections/…)")
    parser.add_argument(
        "-o", "--output", metavar="OUT", help="write here (atomically) instead of to stdout"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from review.atomic import atomic_write
    from review.patchfile import load_saved_review

    review = load_saved_review(args.file, args.patch)
    if review.patch is None:
        raise ReviewError(
            f"{review.document.relpath} has no saved review ({review.location.patch} does not "
            "exist); give one with --patch"
        )
    if args.output is None or args.output == "-":
        sys.stdout.buffer.write(review.patch.corrected)
        sys.stdout.buffer.flush()
        return 0
    output = Path(args.output)
    if output.resolve() == review.document.path:
        raise ReviewError(f"{args.output} is the original; review never overwrites it")
    atomic_write(output, review.patch.corrected)
    return 0
