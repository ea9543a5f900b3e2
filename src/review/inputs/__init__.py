"""Opening a text: the one way every command, the session, the revisions and the UI read one.

``FORMATS`` is the registry of input formats; today there is plain text only. A format is one
module with a ``FORMAT`` object (``InputFormat``): it loads the file into a ``Document``, finds
its sentences, and is the patch's writer and reader for that kind of file (what the file's text
becomes with the review's edits, and the review's edits read back from a patched file).
A new format (XLIFF, PO…) is that module and one line in ``FORMATS``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol, cast

from review.cache import ResultCache
from review.document import Document
from review.segment import Sentence
from review.state import ReviewState, SentenceReview

Chunk = tuple[Sentence, ...]


class InputFormat(Protocol):
    """How one kind of file is read, segmented, and written back as a patch."""

    def load(self, path: Path, base: Path | None, encoding: str | None = None) -> Document:
        """The file as a Document (decoded as ``encoding`` when given); every way it can fail
        is a one-line ReviewError."""
        ...

    def segment(
        self,
        document: Document,
        cache: ResultCache | None,
        on_chunk: Callable[[Chunk], None] | None,
    ) -> tuple[Sentence, ...]:
        """The sentences the editor reviews; ``on_chunk`` sees them as they come."""
        ...

    def replacements(
        self, document: Document, sentences: Sequence[Sentence], state: ReviewState
    ) -> Sequence[tuple[int, int, str]]:
        """What the review's edits replace in the whole file's text (BOM included), in order:
        (start, end, new text). The patch's diff is built from these spans alone, so a book's
        diff costs what its edits do."""
        ...

    def reviews(
        self,
        corrected: str,
        document: Document,
        sentences: Sequence[Sentence],
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> dict[str, SentenceReview]:
        """The reviews a patch records: its header's per-sentence ``records`` matched with the
        file's ``corrected`` text (BOM included); a mismatch is a ReviewError naming ``name``."""
        ...


@dataclass(frozen=True, slots=True)
class FormatEntry:
    """One registered format: ``suffixes`` (lower case, with the dot) choose it; a format
    with none takes any file no other claims. ``module`` is imported when a file needs it."""

    name: str
    suffixes: tuple[str, ...]
    module: str

    def handler(self) -> InputFormat:
        return cast(InputFormat, import_module(self.module).FORMAT)


FORMATS: tuple[FormatEntry, ...] = (FormatEntry("plain", (), "review.inputs.plain"),)


def input_format(path: str | os.PathLike[str]) -> InputFormat:
    """The format of the file at ``path``, by its suffix."""
    suffix = Path(path).suffix.lower()
    claimed = [entry for entry in FORMATS if suffix in entry.suffixes]
    fallback = [entry for entry in FORMATS if not entry.suffixes]
    return (claimed or fallback)[0].handler()


@dataclass(frozen=True, slots=True)
class Text:
    """A text as opened: the document (its bytes, never written) and its sentences."""

    document: Document
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class LoadedText:
    """A text loaded but not yet segmented (segmenting a book takes a while: the UI shows
    its first rows while the rest is found)."""

    document: Document
    format: InputFormat

    def segmented(
        self,
        cache: ResultCache | None = None,
        on_chunk: Callable[[Chunk], None] | None = None,
    ) -> Text:
        return Text(self.document, self.format.segment(self.document, cache, on_chunk))


def load_text(
    path: str | os.PathLike[str], base: Path | None = None, encoding: str | None = None
) -> LoadedText:
    """Read ``path`` in its format (as ``encoding`` when given); ``base`` is the folder its
    ``relpath`` is relative to."""
    handler = input_format(path)
    return LoadedText(handler.load(Path(path), base, encoding), handler)


def open_text(
    path: str | os.PathLike[str],
    base: Path | None = None,
    *,
    encoding: str | None = None,
    cache: ResultCache | None = None,
    on_chunk: Callable[[Chunk], None] | None = None,
) -> Text:
    """Read ``path`` in its format (as ``encoding`` when given) and find its sentences."""
    return load_text(path, base, encoding).segmented(cache, on_chunk)
