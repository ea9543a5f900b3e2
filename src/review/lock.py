"""One editing process per review: ``corrections/<name>.lock`` holds the owner's pid."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from review.errors import ReviewError


@dataclass(frozen=True, slots=True)
class Lock:
    """A held lock. ``taken_over`` says a stale lock was replaced (``stale_pid`` is the gone
    process it named, None when the file held no pid), for the caller to warn about."""

    path: Path
    pid: int
    taken_over: bool = False
    stale_pid: int | None = None

    def release(self) -> None:
        """Remove the lock file, unless another process has (wrongly) replaced it since."""
        if _owner(self.path) == self.pid:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


def acquire(path: Path, what: str) -> Lock:
    """Take the lock at ``path`` for ``what`` (named in the error when a live process holds it).

    A lock left by a process that is gone (or a lock file without a pid) is taken over.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if _create(path):
        return Lock(path, os.getpid())
    owner = _owner(path)
    if owner is not None and _alive(owner):
        raise ReviewError(f"{what} is being edited by another review process (pid {owner})")
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    if not _create(path):
        raise ReviewError(f"{what} is being edited by another review process (pid {_owner(path)})")
    return Lock(path, os.getpid(), taken_over=True, stale_pid=owner)


def _create(path: Path) -> bool:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    except OSError as exc:
        raise ReviewError(f"{path}: cannot create the lock file: {exc.strerror}") from None
    with os.fdopen(fd, "w") as handle:
        handle.write(f"{os.getpid()}\n")
    return True


def _owner(path: Path) -> int | None:
    """The pid written in the lock file, or None when it is missing or unreadable."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """A killed child its parent has not reaped yet still answers kill(pid, 0)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] == ["Z"]
