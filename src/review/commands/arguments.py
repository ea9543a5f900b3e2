"""What the commands share: the FILE and --patch arguments, -o, and --jobs/--cluster."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from review.config import Config
from review.errors import ReviewError


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the original text")
    parser.add_argument("--patch", metavar="P", help="the patch file (default: corrections/…)")


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
