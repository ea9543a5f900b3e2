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
    from review.document import load_document, relative_path
    from review.patchfile import apply_patch, locate, read_patch_bytes

    location = locate(args.file, args.patch)
    document = load_document(args.file, base=location.root)
    shown = relative_path(location.patch)
    if args.patch is None and not location.patch.exists():
        raise ReviewError(
            f"{document.relpath} has no saved review ({shown} does not exist); "
            "give one with --patch"
        )
    data = read_patch_bytes(location.patch)
    corrected = apply_patch(data, document, shown)
    if args.output is None or args.output == "-":
        sys.stdout.buffer.write(corrected)
        sys.stdout.buffer.flush()
        return 0
    output = Path(args.output)
    if output.resolve() == document.path:
        raise ReviewError(f"{args.output} is the original; review never overwrites it")
    atomic_write(output, corrected)
    return 0
