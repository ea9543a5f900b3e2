"""What the commands that take a whole project share: PATH… with --include/--exclude, and
--progress."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from review.corpus.files import Project

SKIPPED_EXIT = 3
"""The exit code when a file of a project was skipped and nothing else failed."""


def add_project_arguments(
    parser: argparse.ArgumentParser, what: str, progress: bool = True
) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=f"{what}: files, or folders to walk (skipping hidden files, corrections/ and "
        "what .gitignore ignores in a git work tree)",
    )
    parser.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, take only files whose path (relative to the folder) or name matches "
        "GLOB (repeatable)",
    )
    parser.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in folders, leave out files whose path or name matches GLOB (repeatable)",
    )
    if not progress:
        return
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show files done and sentences/s on stderr even when it is not a terminal",
    )


def project_of(args: argparse.Namespace) -> Project:
    from review.corpus.files import Selection, find_project

    return find_project(args.paths, Selection(tuple(args.include), tuple(args.exclude)))
