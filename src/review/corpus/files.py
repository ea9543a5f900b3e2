"""The files of a project: the paths a command is given, folders walked.

A file named on the command line is taken as it is. In a folder, every file is taken but
hidden ones (a name starting with a dot), those in a ``corrections/`` folder (where reviews
are saved), those ``.gitignore`` ignores when the folder is in a git work tree (git is asked,
so every ignore rule git has applies), and those the ``--include``/``--exclude`` globs leave
out. The order is fixed: the paths in the order given, each folder's files sorted by path.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

from review.errors import ReviewError

CORRECTIONS = "corrections"


@dataclass(frozen=True, slots=True)
class Selection:
    """The globs that choose a folder's files: a file is taken when it matches one of
    ``include`` (any file when there is none) and none of ``exclude``. A glob matches the
    path relative to the folder given (``*`` crosses ``/``) or the file's name alone."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def takes(self, relative: str) -> bool:
        name = PurePosixPath(relative).name

        def matches(glob: str) -> bool:
            return fnmatchcase(relative, glob) or fnmatchcase(name, glob)

        included = not self.include or any(map(matches, self.include))
        return included and not any(map(matches, self.exclude))


@dataclass(frozen=True, slots=True)
class Project:
    """What a command works on: ``files`` in order, and ``root``, the project folder that
    their patches' names and ``corrections/`` are relative to. ``many`` is false only for one
    file named alone, which commands treat as they always have."""

    root: Path
    files: tuple[Path, ...]
    many: bool


def find_project(
    paths: Sequence[str], selection: Selection = Selection(), cwd: Path | None = None
) -> Project:
    """The files of ``paths``; a path that does not exist, or folders with no file between
    them, is a ReviewError."""
    here = (cwd or Path.cwd()).resolve()
    # As given (relative stays relative), so that messages name files as the user did.
    given = [Path(path) if cwd is None else cwd / path for path in paths]
    for path in given:
        if not path.exists() and not path.is_symlink():
            raise ReviewError(f"{path}: no such file")
    root = project_root(given, here)
    # A file reached twice (named, and in a folder named) is taken once, where first reached.
    files: dict[Path, Path] = {}
    for path in _files(given, selection):
        files.setdefault(_resolved(path), path)
    many = len(given) > 1 or any(path.is_dir() for path in given)
    if not files:
        raise ReviewError(f"{', '.join(paths)}: no file to work on")
    return Project(root, tuple(files.values()), many)


def project_root(paths: Iterable[Path], cwd: Path) -> Path:
    """The working folder when every path lies inside it, else the folder they share."""
    resolved = [_resolved(path) for path in paths]
    if all(path.is_relative_to(cwd) for path in resolved):
        return cwd
    folders = [path if path.is_dir() else path.parent for path in resolved]
    return Path(os.path.commonpath(folders))


def _resolved(path: Path) -> Path:
    # Not Path.resolve, which raises a RuntimeError on a symbolic-link loop: a loop is a file
    # that is not a regular one, which the command says in one line (or skips) like the rest.
    return Path(os.path.realpath(path))


def _files(paths: Iterable[Path], selection: Selection) -> Iterator[Path]:
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        listed = _git_listed(path)
        candidates = listed if listed is not None else _walked(path)
        for relative in sorted(candidates):
            found = path / relative
            folders = PurePosixPath(relative).parts[:-1]
            if (
                not any(part.startswith(".") for part in PurePosixPath(relative).parts)
                and CORRECTIONS not in folders
                and selection.takes(relative)
                # A FIFO or a broken link is kept, for the command to say why it skips it.
                and not found.is_dir()
            ):
                yield found


def _walked(folder: Path) -> list[str]:
    found = []
    for directory, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        base = Path(directory).relative_to(folder)
        found += [(base / name).as_posix() for name in names]
    return found


def _git_listed(folder: Path) -> list[str] | None:
    """The files git would not ignore under ``folder`` (tracked or not), relative to it; None
    when it is not in a git work tree or git is not installed."""
    try:
        listed = subprocess.run(
            [
                "git",
                "-C",
                str(folder),
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ],
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if listed.returncode != 0:
        return None
    names = [os.fsdecode(name) for name in listed.stdout.split(b"\0") if name]
    # A tracked file deleted from the work tree is still listed.
    return [name for name in names if os.path.lexists(folder / name)]
