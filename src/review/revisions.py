"""One side of `review diff`: a review patch, a corrected text, or either of them in git.

A side is named as a file path, or as ``REV:path`` (``HEAD~1:corrections/x.patch``) for a
file as it was in git revision REV; the path is relative to the working folder, as in
``git show REV:./path``. A patch brings its original's sentence ids and its review state; a
plain text is segmented on its own. ``align`` pairs the sentences of two sides.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from review.document import relative_path
from review.errors import ReviewError
from review.files import require_regular_file
from review.inputs import Text, load_text, open_text
from review.patch.file import parse_patch
from review.patch.header import is_patch, patch_header
from review.state import ReviewState


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of a revision: its id and its text in that revision (and, in a bilingual
    file, its unit's id and the source it translates)."""

    id: str
    text: str
    unit: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class Revision:
    """``original_sha256`` and ``state`` are those of a patch; None for a plain text."""

    label: str
    text: str
    units: tuple[Unit, ...]
    original_sha256: str | None = None
    state: ReviewState | None = None

    @property
    def is_patch(self) -> bool:
        return self.state is not None


@dataclass(frozen=True, slots=True)
class Pair:
    """Aligned sentences of two revisions; a side is empty where a sentence has no partner."""

    a_ids: tuple[str, ...]
    a_text: str
    b_ids: tuple[str, ...]
    b_text: str
    # A bilingual file's sentence paired one to one: its unit's id and its source.
    unit: str = ""
    source: str = ""

    @property
    def differs(self) -> bool:
        return self.a_text != self.b_text


def load_revision(spec: str, cwd: Path | None = None) -> Revision:
    here = (cwd or Path.cwd()).resolve()
    path = here / spec
    if path.is_file():
        data = _read(path)
        if is_patch(data):
            return _patch_revision(spec, data, (here, _project_of(path)), None)
        return _text_revision(spec, open_text(path, base=here))
    revision, colon, name = spec.partition(":")
    if not (colon and revision and name):
        if os.path.lexists(path):
            # There, but no regular file (a named pipe, a folder, a link loop): say which.
            require_regular_file(path, shown=spec)
        raise ReviewError(f"{spec}: no such file (name a file, or REV:path for one in git)")
    data = _git_show(here, revision, name, spec)
    if is_patch(data):
        return _patch_revision(spec, data, (here,), revision)
    with _temporary_copy(data, Path(name).name) as copy:
        return _text_revision(spec, open_text(copy, base=copy.parent))


def align(a: Revision, b: Revision) -> tuple[Pair, ...]:
    """By sentence id when both sides are reviews of the same original that segment it alike;
    otherwise by the texts (a run of sentences that was rewritten, or merged or split, pairs
    with its rewrite as one pair)."""
    same_ids = [u.id for u in a.units] == [u.id for u in b.units]
    if a.is_patch and b.is_patch and a.original_sha256 == b.original_sha256 and same_ids:
        return tuple(_one_to_one(x, y) for x, y in zip(a.units, b.units, strict=True))
    return tuple(_aligned_by_text(a.units, b.units))


def _aligned_by_text(a: tuple[Unit, ...], b: tuple[Unit, ...]) -> Iterator[Pair]:
    matcher = SequenceMatcher(None, [u.text for u in a], [u.text for u in b])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                yield _one_to_one(x, y)
        else:
            yield Pair(
                tuple(u.id for u in a[i1:i2]),
                " ".join(u.text for u in a[i1:i2]),
                tuple(u.id for u in b[j1:j2]),
                " ".join(u.text for u in b[j1:j2]),
            )


def _one_to_one(x: Unit, y: Unit) -> Pair:
    return Pair((x.id,), x.text, (y.id,), y.text, y.unit or x.unit, y.source or x.source)


def _patch_revision(
    label: str, data: bytes, roots: tuple[Path, ...], git_revision: str | None
) -> Revision:
    header = patch_header(data, label)
    original = _find_original(header.original, header.original_sha256, label, roots, git_revision)
    document, sentences = original.document, original.sentences
    patch = parse_patch(data, document, sentences, label)
    text, placed = patch.state.current_document(document.text, patch.sentences)
    return Revision(
        label=label,
        text=text,
        units=tuple(Unit(s.id, s.text, s.unit, s.source) for s in placed),
        original_sha256=document.sha256,
        state=patch.state,
    )


def _project_of(patch: Path) -> Path:
    """The folder holding the ``corrections/`` the patch is in (at any depth: it mirrors the
    project's tree)."""
    folder = next((p for p in patch.parents if p.name == "corrections"), patch.parent)
    return folder.parent


def _text_revision(label: str, text: Text) -> Revision:
    units = tuple(Unit(s.id, s.text, s.unit, s.source) for s in text.sentences)
    return Revision(label=label, text=text.document.text, units=units)


def _find_original(
    original: str, sha256: str, label: str, roots: tuple[Path, ...], git_revision: str | None
) -> Text:
    """The original a patch was made for: in one of the project folders ``roots`` (the
    working folder, the folder holding ``corrections/``), else as it was in ``git_revision``."""
    problems = []
    for root in dict.fromkeys(roots):
        path = root / original
        if path.is_file():
            loaded = load_text(path, base=root)
            if loaded.document.sha256 == sha256:
                return loaded.segmented()
            problems.append(f"{relative_path(path)} has changed since")
    if git_revision is not None:
        data = _git_show(roots[0], git_revision, original, f"{git_revision}:{original}")
        with _temporary_copy(data, Path(original).name) as copy:
            copied = load_text(copy, base=copy.parent)
        if copied.document.sha256 == sha256:
            return copied.segmented()
        problems.append(f"{git_revision}:{original} differs too")
    why = "; ".join(problems) or f"{original} is not found"
    raise ReviewError(f"{label}: the original it was made for is not here ({why})")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"{path}: cannot be read: {exc.strerror}") from None


def _git_show(here: Path, revision: str, name: str, spec: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "show", f"{revision}:./{name}"],
            cwd=here,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise ReviewError(f"{spec}: git is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode(errors="replace").strip().splitlines()
        reason = message[-1] if message else f"git show failed ({result.returncode})"
        raise ReviewError(f"{spec}: no such file, nor a file in git ({reason})")
    return result.stdout


@contextmanager
def _temporary_copy(data: bytes, name: str) -> Iterator[Path]:
    """Bytes from git as a file in a temporary folder (named as in git, so that its suffix
    chooses its input format), for load_text to read."""
    with tempfile.TemporaryDirectory(prefix="review-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        yield path
