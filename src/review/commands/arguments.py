"""What the commands share: the FILE and --patch arguments of a saved review, --format from an
output's registry, and -o."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.formats import FormatRegistry

if TYPE_CHECKING:
    from review.config import Config


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the original text")
    parser.add_argument("--patch", metavar="P", help="the patch file (default: corrections/…)")
    add_bilingual_arguments(parser)


def add_bilingual_arguments(parser: argparse.ArgumentParser) -> None:
    """How a bilingual file is read: ``cli.main`` reads the run's files with them."""
    parser.add_argument(
        "--source",
        metavar="SOURCE",
        help="the source text of FILE, a plain text aligned with it by paragraph",
    )
    parser.add_argument(
        "--source-lang",
        metavar="LANG",
        default="",
        help="the source language to take from a TMX (default: the header's srclang)",
    )
    parser.add_argument(
        "--target-lang", metavar="LANG", default="",
        help="the target language to take from a TMX (default: its other language)",
    )  # fmt: skip


def add_format_argument(
    parser: argparse.ArgumentParser, formats: FormatRegistry[Any], guessed_from_output: bool
) -> None:
    """--format, its choices from the registry; when ``guessed_from_output`` it has no default,
    the caller asks the registry for the one -o's suffix names."""
    described = ", ".join(f"{f.name} ({f.description})" for f in formats)
    if guessed_from_output:
        suffixes = ", ".join(suffix for f in formats for suffix in f.suffixes)
        default = f"default: the one -o's suffix names ({suffixes}), else {formats.default}"
    else:
        default = f"default: {formats.default}"
    parser.add_argument(
        "--format",
        choices=formats.names(),
        default=None if guessed_from_output else formats.default,
        help=f"{described}; {default}",
    )


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
