"""`review apply PATH…`: the corrected text, from the saved patch; for a project, the corrected
tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from review.commands.arguments import (
    add_bilingual_arguments,
    add_encoding_argument,
    add_output_argument,
    output_path,
    text_encoding,
    write_output,
)
from review.commands.corpus_arguments import SKIPPED_EXIT, add_project_arguments
from review.errors import ReviewError

if TYPE_CHECKING:
    from review.corpus.files import Project
    from review.patch.location import PatchLocation


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "apply",
        help="write the corrected text",
        description=(
            "Apply the file's saved review (corrections/<name>.patch, or --patch P) and write "
            "the corrected text, byte for byte as `git apply` would, to stdout or to OUT. "
            "Several files, or a folder, need -o OUT: a folder where the corrected tree is "
            "written, each file with a saved review at its path in the project. "
            "Unsaved changes (a journal) are not included."
        ),
        epilog=(
            f"Exit codes: 0 fine, 2 bad input, {SKIPPED_EXIT} a file of a project with a saved "
            "review could not be read and was skipped."
        ),
    )
    add_project_arguments(parser, "the originals", progress=False)
    add_bilingual_arguments(parser)
    parser.add_argument(
        "--patch", metavar="P", help="the patch file of one file (default: corrections/…)"
    )
    add_output_argument(parser, "OUT")
    add_encoding_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from review.commands.corpus_arguments import project_of
    from review.config import load_config
    from review.patch.location import locate

    project = project_of(args)
    encoding = text_encoding(args, load_config())
    if not project.many:
        path = project.files[0]
        location = locate(path, args.patch)
        document_path, corrected = _corrected(path, location, args.patch is None, encoding)
        output = output_path(args.output)
        if output is not None and output.resolve() == document_path:
            raise ReviewError(f"{args.output} is the original; review never overwrites it")
        write_output(output, corrected)
        return 0
    if args.patch is not None:
        raise ReviewError("--patch names the review of one file; give one file")
    if output_path(args.output) is None:
        raise ReviewError("several files or a folder need -o OUT, the folder to write them in")
    return _apply_project(project, Path(args.output), encoding)


def _apply_project(project: Project, out: Path, encoding: str | None) -> int:
    from review.atomic import atomic_write
    from review.corpus.check import skipped_for, unreadable
    from review.document import relative_path
    from review.patch.location import locate

    if out.resolve() == project.root:
        raise ReviewError(f"{out} is the project folder; review never overwrites the originals")
    skipped = 0
    for path in project.files:
        # A file that cannot be read (not even its patch looked for: a link loop, a FIFO), or
        # whose patch does not apply, is one line; the others are still written.
        problem = unreadable(path, project.root)
        if problem is None:
            location = locate(path, root=project.root)
            if not location.patch.exists():
                continue
            try:
                _, corrected = _corrected(path, location, True, encoding)
            except ReviewError as exc:
                problem = skipped_for(path, project.root, exc)
            else:
                atomic_write(out / relative_path(path, project.root), corrected)
                continue
        print(f"review: {problem}", file=sys.stderr)
        skipped += 1
    return SKIPPED_EXIT if skipped else 0


def _corrected(
    path: Path, location: PatchLocation, default_patch: bool, encoding: str | None
) -> tuple[Path, bytes]:
    """The original's resolved path and its corrected bytes."""
    from review.document import relative_path
    from review.inputs import load_text
    from review.patch.file import apply_patch, read_patch_bytes

    # Not segmented: the diff alone says what the corrected text is.
    document = load_text(path, base=location.root, encoding=encoding).document
    shown = relative_path(location.patch)
    if default_patch and not location.patch.exists():
        raise ReviewError(
            f"{document.relpath} has no saved review ({shown} does not exist); "
            "give one with --patch"
        )
    return document.path, apply_patch(read_patch_bytes(location.patch), document, shown)
