"""`review apply FILE`: the corrected text, from the saved patch."""

from __future__ import annotations

import argparse

from review.commands.arguments import (
    add_output_argument,
    add_review_arguments,
    output_path,
    text_encoding,
    write_output,
)
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
    add_review_arguments(parser)
    add_output_argument(parser, "OUT")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.config import load_config
    from review.document import load_document, relative_path
    from review.patchfile import apply_patch, locate, read_patch_bytes

    location = locate(args.file, args.patch)
    encoding = text_encoding(args, load_config())
    document = load_document(args.file, base=location.root, encoding=encoding)
    shown = relative_path(location.patch)
    if args.patch is None and not location.patch.exists():
        raise ReviewError(
            f"{document.relpath} has no saved review ({shown} does not exist); "
            "give one with --patch"
        )
    data = read_patch_bytes(location.patch)
    corrected = apply_patch(data, document, shown)
    output = output_path(args.output)
    if output is not None and output.resolve() == document.path:
        raise ReviewError(f"{args.output} is the original; review never overwrites it")
    write_output(output, corrected)
    return 0
