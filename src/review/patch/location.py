"""Where a document's review lives: the project folder and the patch file in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from review.files import require_regular_file
from review.patch.diff import _git_quote


@dataclass(frozen=True, slots=True)
class PatchLocation:
    """Where a document's review lives. ``root`` is the project folder that the patch's file
    names are relative to (where ``git apply`` and ``patch -p1`` are run)."""

    root: Path
    patch: Path

    @property
    def journal(self) -> Path:
        return self.patch.with_suffix(".journal")

    @property
    def lock(self) -> Path:
        return self.patch.with_suffix(".lock")


def locate(
    document_path: str | Path,
    patch: str | Path | None = None,
    cwd: Path | None = None,
    root: Path | None = None,
) -> PatchLocation:
    """The project folder is ``root`` when given (a project's files share one), else the
    working folder when the document lies inside it, else the document's own folder. The patch
    is ``<root>/corrections/<folders>/<stem>.patch`` unless given: ``corrections/`` mirrors
    the project's tree, so ``a/x.txt`` and ``b/x.txt`` each have their own (or
    ``corrections/<stem>.patch`` when that one was saved for this file before the tree was
    mirrored)."""
    require_regular_file(document_path, missing_ok=True)
    here = (cwd or Path.cwd()).resolve()
    if patch is not None:
        require_regular_file(here / patch, shown=str(patch), missing_ok=True)
    document = Path(document_path).resolve()
    if root is None:
        root = here if document.is_relative_to(here) else document.parent
    root = root.resolve()
    if patch is not None:
        return PatchLocation(root, (here / patch).resolve())
    if not document.is_relative_to(root):
        return PatchLocation(root, root / "corrections" / f"{document.stem}.patch")
    relative = document.relative_to(root)
    mirrored = root / "corrections" / relative.parent / f"{document.stem}.patch"
    flat = root / "corrections" / f"{document.stem}.patch"
    if mirrored != flat and not mirrored.exists() and _names(flat, relative.as_posix()):
        return PatchLocation(root, flat)
    return PatchLocation(root, mirrored)


def _names(patch: Path, relpath: str) -> bool:
    """Whether ``patch`` is the review of ``relpath``: a review saved before ``corrections/``
    mirrored the tree lies flat in it, and is still found."""
    try:
        data = patch.read_bytes()
    except OSError:
        return False
    return f"diff --git {_git_quote('a/' + relpath)} ".encode() in data
