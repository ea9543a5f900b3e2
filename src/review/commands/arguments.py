"""What the commands share: the FILE and --patch arguments of a saved review, --format from an
output's registry, -o, and --jobs/--cluster."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from review.errors import ReviewError
from review.formats import FormatRegistry, Rendered

if TYPE_CHECKING:
    from review.config import Config


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the original text")
    parser.add_argument("--patch", metavar="P", help="the patch file (default: corrections/…)")
    add_bilingual_arguments(parser)
    add_encoding_argument(parser)


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


def add_encoding_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="the text's encoding (default: review.toml's, else its BOM, UTF-8 or a guess)",
    )


def add_convert_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convert-to-utf8",
        action="store_true",
        help="write FILE in UTF-8 beside it (NAME.utf8.EXT) and review that copy: for a text "
        "in UTF-16 or another encoding patch tools cannot patch",
    )


def reviewed_text(args: argparse.Namespace, config: Config) -> tuple[Path, str | None]:
    """The text to review and its encoding: FILE, or with --convert-to-utf8 its UTF-8 copy
    (written, and said so, here)."""
    encoding = text_encoding(args, config)
    if not args.convert_to_utf8:
        return Path(args.file), encoding
    from review.document import convert_to_utf8, load_document

    copy = convert_to_utf8(load_document(args.file, encoding=encoding))
    print(f"review: {copy.name} is {args.file} in UTF-8; reviewing it", file=sys.stderr)
    return copy, "utf-8"


def text_encoding(args: argparse.Namespace, config: Config) -> str | None:
    """The encoding to read the text in: --encoding, else review.toml's; None to detect it."""
    return args.encoding or config.encoding or None


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


def write_output(output: Path | None, data: bytes | Rendered) -> None:
    """``data`` to ``output`` (replaced atomically), or to stdout when it is None; text (whole
    or in pieces, written as they come) as UTF-8."""
    pieces = _encoded(data)
    if output is None:
        for piece in pieces:
            sys.stdout.buffer.write(piece)
        sys.stdout.buffer.flush()
        return
    from review.atomic import atomic_write

    atomic_write(output, pieces)


def _encoded(data: bytes | Rendered) -> Iterable[bytes]:
    if isinstance(data, bytes):
        return (data,)
    if isinstance(data, str):
        return (data.encode("utf-8"),)
    return (piece.encode("utf-8") for piece in data)


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """--jobs and --cluster: where LanguageTool's work runs."""
    parser.add_argument(
        "--jobs",
        type=_at_least_one,
        default=1,
        metavar="N",
        help="spread LanguageTool's work over N servers on this machine (the shared one and "
        "N-1 of this run's own, 512 MB heap each); the output is the same",
    )
    parser.add_argument(
        "--cluster",
        metavar="ADDRESS",
        help="run LanguageTool on a Dask cluster: tcp://HOST:PORT of a scheduler, or local:N "
        "for N worker processes on this machine (default: [cluster] scheduler in review.toml; "
        "needs review[cluster])",
    )


@contextmanager
def languagetool_engine(args: argparse.Namespace, config: Config) -> Iterator[None]:
    """The checks within run where --jobs or --cluster say (an explicit --jobs wins over the
    configured scheduler); with --no-languagetool, nowhere."""
    from review.languagetool.scope import engine_for

    if args.jobs > 1 and args.cluster:
        raise ReviewError("--jobs and --cluster: choose one")
    if args.no_languagetool:
        # Nothing to spread: no server is started, no cluster reached.
        yield
        return
    if args.cluster:
        config = replace(config, cluster=args.cluster)
    elif args.jobs > 1:
        config = replace(config, cluster="")
    with engine_for(config, args.jobs):
        yield


def _at_least_one(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return int(value)
