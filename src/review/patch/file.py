"""The patch file as a whole: written from a review, read back into one, applied."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from review.corrected import CorrectedText
from review.document import Document, relative_path
from review.errors import ReviewError
from review.files import require_regular_file
from review.inputs import format_of, load_text
from review.patch.diff import (
    _apply,
    _changed_lines,
    _check_relative,
    _Lines,
    _split_diff,
    _unchanged_line,
    _unified_diff,
)
from review.patch.header import PatchHeader, _parse_header, patch_segmentation, render_header
from review.patch.location import PatchLocation, locate
from review.segment import Resegmentation, Sentence, id_range, resegmented
from review.state import ReviewState


@dataclass(frozen=True, slots=True)
class Patch:
    """A patch as read: its header, the review it records and the sentences the review is of
    (the segmenter's, merged and split as the review says). Not the corrected file
    (``apply_patch`` gives it): a report or the UI holding it held a second book."""

    header: PatchHeader
    state: ReviewState
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class SavedReview:
    """A document with its saved review, read-only (no lock, no journal): for apply, report
    and diff. ``patch`` is None when the document has no patch yet; ``sentences`` are those
    of the review (merged and split as it says)."""

    document: Document
    sentences: tuple[Sentence, ...]
    location: PatchLocation
    patch: Patch | None

    @property
    def state(self) -> ReviewState:
        return self.patch.state if self.patch else ReviewState()


def load_saved_review(
    document_path: str | Path,
    patch: str | Path | None = None,
    cwd: Path | None = None,
    encoding: str | None = None,
) -> SavedReview:
    """Load the document and its patch (``locate`` says where); a patch given by name must
    exist, the default one may be missing."""
    location = locate(document_path, patch, cwd)
    loaded = load_text(document_path, base=location.root, encoding=encoding)
    if patch is None and not location.patch.exists():
        return SavedReview(loaded.document, loaded.segmented().sentences, location, None)
    # Segmented once the patch is applied: applying it makes the corrected text out of pieces
    # of the original (a book twice over for a moment), and a book's sentences beside them
    # were the peak of a report.
    read = read_patch(location.patch, loaded.document, lambda: loaded.segmented().sentences)
    return SavedReview(loaded.document, read.sentences, location, read)


def reviewed_sentences(
    document: Document, sentences: Sequence[Sentence], patch: Path
) -> tuple[Sentence, ...]:
    """The segmenter's ``sentences`` merged and split as the saved review at ``patch`` says,
    so that every command names them as `review edit` does; as they are when there is no
    review, or one of another version of the file. Only the patch's header is read."""
    if not patch.exists():
        return tuple(sentences)
    name = relative_path(patch)
    header, segmentation = patch_segmentation(read_patch_bytes(patch), name)
    if header.original_sha256 != document.sha256:
        return tuple(sentences)
    try:
        return resegmented(document.text, sentences, segmentation)
    except ValueError as exc:
        raise ReviewError(f"{name}: Segmentation: {exc}") from None


def render_patch(
    document: Document, sentences: Sequence[Sentence], state: ReviewState, header: PatchHeader
) -> bytes:
    """The patch file's bytes: the same arguments always give the same bytes."""
    _require_ascii_compatible(document)
    _check_relative(header.original, "the original's path")
    head = render_header(header, sentences, state)
    before = _Lines.of(document.file_text)
    spans = format_of(document).replacements(document, sentences, state)
    changes = _changed_lines(before, spans) or [_unchanged_line(before)]
    diff = _unified_diff(before, changes, header.original)
    return head + b"\n" + "".join(diff).encode(document.encoding)


# The segmenter's sentences, or what finds them (called once the patch is applied).
Sentences = Sequence[Sentence] | Callable[[], Sequence[Sentence]]


def read_patch(path: Path, document: Document, sentences: Sentences) -> Patch:
    return parse_patch(read_patch_bytes(path), document, sentences, relative_path(path))


def read_patch_bytes(path: Path) -> bytes:
    require_regular_file(path, shown=relative_path(path), missing_ok=True)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReviewError(f"{relative_path(path)}: no such patch file") from None
    except OSError as exc:
        raise ReviewError(f"{relative_path(path)}: cannot be read: {exc.strerror}") from None


def parse_patch(data: bytes, document: Document, sentences: Sentences, name: str) -> Patch:
    """Read a patch made for ``document``, whose segmenter's ``sentences`` are given (or what
    finds them, called once the patch is applied); anything wrong with it is a one-line
    ReviewError."""
    header, segmentation, metadata, corrected = _checked_and_applied(data, document, name)
    if callable(sentences):
        sentences = sentences()
    try:
        sentences = resegmented(document.text, sentences, segmentation)
    except ValueError as exc:
        raise ReviewError(f"{name}: Segmentation: {exc}") from None
    known = {s.id for s in sentences}
    for sentence_id in metadata:
        if sentence_id not in known:
            raise ReviewError(
                f"{name}: Sentence-{sentence_id}: {header.original} has no such sentence "
                f"(it has {id_range(sentences)})"
            )
    reviews = format_of(document).reviews(corrected, document, sentences, metadata, name)
    state = ReviewState.of(reviews, segmentation)
    return Patch(header, state, sentences)


def apply_patch(data: bytes, document: Document, name: str) -> bytes:
    """The corrected file's bytes, without segmenting the document: the header and the diff
    are checked as ``parse_patch`` does (a bilingual file's diff changes its targets only),
    except that the per-sentence records are not matched against the diff (the diff alone says
    what the corrected text is)."""
    _, _, records, corrected = _checked_and_applied(data, document, name)
    format_of(document).check_patched(corrected, document, records, name)
    return corrected.joined().encode(document.encoding)


def _checked_and_applied(
    data: bytes, document: Document, name: str
) -> tuple[PatchHeader, Resegmentation, dict[str, dict[str, Any]], CorrectedText]:
    """The header, its segmentation, the per-sentence records and the corrected text (BOM
    included)."""
    _require_ascii_compatible(document)
    head, body = _split_diff(data)
    header, segmentation, metadata = _parse_header(head, name)
    if header.original_sha256 != document.sha256:
        ours, theirs = PurePosixPath(header.original).name, Path(document.relpath).name
        if ours != theirs:
            raise ReviewError(
                f"{name}: is the review of {header.original}, not of {document.relpath} "
                f"(SHA-256 {header.original_sha256[:12]}…, {theirs}'s is "
                f"{document.sha256[:12]}…)"
            )
        raise ReviewError(
            f"{name}: was made for another version of {header.original} "
            f"(SHA-256 {header.original_sha256[:12]}…, the file's is {document.sha256[:12]}…)"
        )
    original = document.file_text
    corrected = (
        _apply(original, body, header.original, document.encoding, name)
        if body
        else CorrectedText.of(original, ())
    )
    if corrected[: len(document.bom_text)] != document.bom_text:
        raise ReviewError(f"{name}: its diff removes the original's byte order mark")
    return header, segmentation, metadata, corrected


def _require_ascii_compatible(document: Document) -> None:
    if "\n".encode(document.encoding) != b"\n":
        raise ReviewError(
            f"{document.relpath}: is {document.encoding}; patch files need a text encoding "
            "that standard tools can patch (convert it to UTF-8 first)"
        )
