"""Progress of work over a project's files on stderr: files done of all, and sentences/s."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")


def shown(asked: bool, stream: TextIO | None = None) -> bool:
    """Progress shows on a terminal, or anywhere when asked for (``--progress``)."""
    return asked or (stream or sys.stderr).isatty()


def tracked(
    items: Iterable[T],
    total: int,
    sentences: Callable[[T], int],
    stream: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[T]:
    """``items`` as they come, a line on ``stream`` after each: one line rewritten in place on
    a terminal, else one line a file (a log keeps them all)."""
    out = stream or sys.stderr
    live = out.isatty()
    start = clock()
    done = counted = 0
    for item in items:
        yield item
        done += 1
        counted += sentences(item)
        elapsed = clock() - start
        rate = f", {counted / elapsed:,.1f} sentences/s" if elapsed > 0 else ""
        line = f"review: {done}/{total} files, {counted:,} sentences{rate}"
        out.write(f"\r\x1b[K{line}" if live else f"{line}\n")
        out.flush()
    if live and done:
        out.write("\r\x1b[K")
        out.flush()
