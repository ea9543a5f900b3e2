"""What review may open: regular files only, checked before anything is opened.

Opening a named pipe blocks until a writer comes (for ever, for a command), a socket or a
device cannot be read as a text at all, and ``Path.resolve`` raises a RuntimeError on a
symbolic-link loop; each of these is one line instead.
"""

from __future__ import annotations

import errno
import os
import stat

from review.errors import ReviewError

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def require_regular_file(
    path: str | os.PathLike[str], *, shown: str | None = None, missing_ok: bool = False
) -> None:
    """Raise a one-line ReviewError (naming the file ``shown``, default ``path``) unless
    ``path``, links followed, is a regular file; ``missing_ok`` lets a file that does not
    exist yet pass (a patch to be written)."""
    name = path if shown is None else shown
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if missing_ok and not os.path.islink(path):
            return
        if os.path.islink(path):
            raise ReviewError(f"{name}: is a symbolic link to nothing (no such file)") from None
        raise ReviewError(f"{name}: no such file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReviewError(f"{name}: is a symbolic link loop, not a file") from None
        raise ReviewError(f"{name}: cannot be read: {exc.strerror}") from None
    for is_kind, kind in _KINDS:
        if is_kind(mode):
            noun = "text file" if kind == "a directory" else "regular file"
            raise ReviewError(f"{name}: is {kind}, not a {noun}")
