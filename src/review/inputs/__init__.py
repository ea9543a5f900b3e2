"""Opening a text: the one way every command, the session, the revisions and the UI read one.

``FORMATS`` is the registry of input formats: plain text, and the bilingual files of
``review.bilingual`` (XLIFF, PO, TMX, TSV, two plain files aligned by paragraph). A format is one
module with a ``FORMAT`` object (``InputFormat``): it loads the file into a ``Document``, finds
its sentences, refuses an edit the file cannot take, and is the patch's writer and reader for
that kind of file (what the file's text becomes with the review's edits, and the review's edits
read back from a patched file). A new format is that module and one line in ``FORMATS``.

What the command line adds to reading a file (``--source``, ``--source-lang``,
``--target-lang``) is set once for the run with ``reading(options)``; every opener of the run
(the session, a saved review, the revisions) reads the file the same way without passing it on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path
from typing import Any, Protocol, cast

from review.cache import ResultCache
from review.config import Config
from review.corrected import CorrectedText
from review.document import Document
from review.inputs.document import BilingualDocument
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

    def check_edits(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        state: ReviewState,
        changed: Sequence[str],
    ) -> None:
        """Refuse (a one-line ReviewError, the reason) a state whose edits of the ``changed``
        sentences the file cannot take, such as a broken inline tag; the session asks before
        every change (``sentences`` may be only those of the changed sentences' units)."""
        ...

    def replacements(
        self, document: Document, sentences: Sequence[Sentence], state: ReviewState
    ) -> Sequence[tuple[int, int, str]]:
        """What the review's edits replace in the whole file's text (BOM included), in order:
        (start, end, new text). The patch's diff is built from these spans alone, so a book's
        diff costs what its edits do."""
        ...

    def check_patched(
        self,
        corrected: CorrectedText,
        document: Document,
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> None:
        """Refuse (a one-line ReviewError naming ``name`` and the first place) a patched file
        (``corrected``, BOM included) that changes what a review with these header ``records``
        never does, such as a bilingual file's source or notes; ``reviews`` refuses it too."""
        ...

    def reviews(
        self,
        corrected: CorrectedText,
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


BILINGUAL = "bilingual"
FORMATS: tuple[FormatEntry, ...] = (
    FormatEntry("plain", (), "review.inputs.plain"),
    FormatEntry(
        BILINGUAL,
        (".xlf", ".xliff", ".po", ".pot", ".tmx", ".tsv", ".tab"),
        "review.inputs.bilingual",
    ),
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the command line adds to reading a file: the source file of a pair of plain files
    (``--source``) and the language pair to take from a TMX (``--source-lang/--target-lang``)."""

    source: Path | None = None
    source_language: str = ""
    target_language: str = ""


_PLAIN_READING = Reading()
_READING: ContextVar[Reading | None] = ContextVar("reading", default=None)


@contextmanager
def reading(options: Reading) -> Iterator[None]:
    """Read files with ``options`` (the command line's) inside the block."""
    token = _READING.set(options)
    try:
        yield
    finally:
        _READING.reset(token)


def read_options() -> Reading:
    return _READING.get() or _PLAIN_READING


def _entry(name: str) -> FormatEntry:
    return next(entry for entry in FORMATS if entry.name == name)


def input_format(path: str | os.PathLike[str]) -> InputFormat:
    """The format of the file at ``path``, by its suffix; with a source file given
    (``--source``) a plain text is the target of a bilingual pair."""
    if read_options().source is not None:
        return _entry(BILINGUAL).handler()
    suffix = Path(path).suffix.lower()
    claimed = [entry for entry in FORMATS if suffix in entry.suffixes]
    fallback = [entry for entry in FORMATS if not entry.suffixes]
    return (claimed or fallback)[0].handler()


def format_of(document: Document) -> InputFormat:
    """The format ``document`` was read in (a pair's target is a .txt, yet bilingual)."""
    if isinstance(document, BilingualDocument):
        return _entry(BILINGUAL).handler()
    return input_format(document.path)


def with_file_languages(config: Config, document: Document) -> Config:
    """``config`` with the source language the file gives, unless review.toml gives one."""
    if config.source_language or not isinstance(document, BilingualDocument):
        return config
    return replace(config, source_language=document.bilingual.source_language)


def file_notices(config: Config, document: Document) -> tuple[str, ...]:
    """What is to be said of the file as read (an encoding guessed) and as it is checked
    under ``config`` (``target_language_notices``)."""
    return (*document.notices, *target_language_notices(config, document))


def target_language_notices(config: Config, document: Document) -> tuple[str, ...]:
    """A notice when the file's target language is not the language its text is checked in:
    LanguageTool and the fluency detectors then flag it by another language's rules (every
    German word a misspelling in English)."""
    if not isinstance(document, BilingualDocument):
        return ()
    target = document.bilingual.target_language
    if not target or _primary(target) == _primary(config.language):
        return ()
    return (
        f"{document.relpath}: its target language is {target}, and it is checked as "
        f"{config.language} (language in review.toml's [review]): the flags follow "
        f"{config.language}'s rules",
    )


def _primary(language: str) -> str:
    return language.replace("_", "-").split("-")[0].lower()


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
