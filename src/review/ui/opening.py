"""How the app opens its document: segmented a chunk of paragraphs at a time, so the first rows
show at once on a long book, then the review session on all the sentences.

Plain Python (no Textual): the app runs it in a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from review.cache import ResultCache
from review.document import Document
from review.inputs import LoadedText
from review.patch.location import PatchLocation
from review.segment import Sentence
from review.session import ReviewSession

Chunk = tuple[Sentence, ...]


@dataclass(frozen=True)
class DocumentOpener:
    """A loaded text and where its review lives; ``cache`` None is the user's cache."""

    text: LoadedText
    location: PatchLocation
    reviewer: str | None = None
    language: str | None = None
    clock: Callable[[], datetime] | None = None
    cache: ResultCache | None = None

    @property
    def document(self) -> Document:
        return self.text.document

    @property
    def length(self) -> int:
        """Characters in the document, the measure of segmenting progress."""
        return len(self.document.text)

    def segment(self, on_chunk: Callable[[Chunk], None]) -> tuple[Sentence, ...]:
        """All the sentences; ``on_chunk`` sees them as they come (an exception it raises
        stops segmenting)."""
        return self.text.segmented(self.cache, on_chunk).sentences

    def open(self, sentences: Sequence[Sentence]) -> ReviewSession:
        options: dict[str, Any] = {"clock": self.clock} if self.clock else {}
        return ReviewSession.open_document(
            self.document,
            sentences,
            self.location,
            reviewer=self.reviewer,
            language=self.language,
            **options,
        )
