"""What the commands on a saved review share: the FILE and --patch arguments, and -o."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from review.config import Config


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the original text")
    parser.add_argument("--patch", metavar="P", help="the patch file (default: corrections/…)")


def add_glossary_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glossary", metavar="FILE", action="append", default=[],
        help="check terms against this glossary too (TBX, CSV, TSV or a use/avoid list)",
    )  # fmt: skip


def with_glossaries(config: Config, args: argparse.Namespace) -> Config:
    """``config`` with the --glossary files after its [terms] files."""
    return replace(config, glossaries=(*config.glossaries, *map(Path, args.glossary)))


def add_output_argument(parser: argparse.ArgumentParser, metavar: str) -> None:
    parser.add_argument(
        "-o", "--output", metavar=metavar, help="write here (atomically) instead of to stdout"
    )


def output_path(value: str | None) -> Path | None:
    """The -o file; None for stdout (no -o, or "-")."""
    return None if value in (None, "-") else Path(value)


def write_output(output: Path | None, data: bytes) -> None:
    """``data`` to ``output`` (replaced atomically), or to stdout when it is None."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from review.atomic import atomic_write

    atomic_write(output, data)
