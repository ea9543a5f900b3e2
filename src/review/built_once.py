"""Objects that take a run a noticeable share of its start to build and are the same in every
run of one installation, built once per machine and kept as pickles in the cache folder.

The SRX segmentation rules are one: choppa compiles them with ``regex``, whose pattern parser is
pure Python (0.13–0.17 s of every cold `review check`, a third of a small file's whole run),
while a compiled ``regex`` pattern pickles as its compiled code (4 ms to load). A kept object is
found by its name and a version that must change with anything it is built from; a file that
cannot be read or loaded, or holds something else, is built again and replaced. The files are
as trusted as the rest of the cache folder, whose LanguageTool jars are run as they are.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from review.atomic import atomic_write
from review.cache_root import cache_root
from review.errors import ReviewError

T = TypeVar("T")


def built_once(name: str, version: str, build: Callable[[], T], kind: type[T]) -> T:
    """The ``kind`` kept under ``name`` and ``version`` (and this Python's), or ``build()``'s,
    kept for the next run where the cache folder can be written."""
    path = _path(name, version)
    # Any file at all: a bad one is built again (a FIFO is not read: it would never end).
    with contextlib.suppress(Exception):
        if path.is_file():
            kept = pickle.loads(path.read_bytes())
            if isinstance(kept, kind):
                return kept
    built = build()
    # Not kept where the folder is read-only or full; runs building it at once each rename
    # their own file over it.
    with contextlib.suppress(ReviewError, OSError):
        atomic_write(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    return built


def _path(name: str, version: str) -> Path:
    python = ".".join(map(str, sys.version_info[:2]))
    digest = hashlib.sha256(f"{version}\0{python}".encode()).hexdigest()[:16]
    return cache_root() / "built" / f"{name}-{digest}.pickle"
