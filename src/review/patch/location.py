"""Where a document's review lives: the project folder and the patch file in it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


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
    document_path: str | Path, patch: str | Path | None = None, cwd: Path | None = None
) -> PatchLocation:
    """The project folder is the working folder when the document lies inside it, else the
    document's own folder; the patch is ``<root>/corrections/<stem>.patch`` unless given."""
    here = (cwd or Path.cwd()).resolve()
    document = Path(document_path).resolve()
    root = here if document.is_relative_to(here) else document.parent
    if patch is not None:
        return PatchLocation(root, (here / patch).resolve())
    return PatchLocation(root, root / "corrections" / f"{document.stem}.patch")
