"""Writing files so that a crash leaves either the old or the new version, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from review.errors import ReviewError


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write ``data`` to a temporary file beside ``path``, fsync it, rename it over ``path``.
    ``data`` may come in pieces (a book's report as it is rendered): they are written as they
    come, and ``path`` is left as it was if making one fails."""
    pieces = (data,) if isinstance(data, bytes) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be written: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ReviewError(f"{path}: cannot be written: {exc.strerror}") from None
        raise
    fsync_directory(path.parent)


def fsync_directory(directory: Path) -> None:
    """Make a created, renamed or removed directory entry survive a crash."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _keep_mode(path: Path, temporary: str) -> None:
    """mkstemp makes the file private (0600); a rewritten file keeps its mode, a new one 0644."""
    try:
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
