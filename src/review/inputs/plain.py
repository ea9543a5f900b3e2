"""Plain text: the file's text is what the editor reviews, segmented by SRX rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from review.cache import ResultCache, cached_segment
from review.corrected import CorrectedText
from review.document import Document, load_document
from review.errors import ReviewError
from review.segment import Sentence
from review.state import ReviewState, SentenceReview, corrected_gaps


class PlainText:
    def load(self, path: Path, base: Path | None, encoding: str | None = None) -> Document:
        return load_document(path, base=base, encoding=encoding)

    def segment(
        self,
        document: Document,
        cache: ResultCache | None,
        on_chunk: Callable[[tuple[Sentence, ...]], None] | None,
    ) -> tuple[Sentence, ...]:
        return cached_segment(document.text, cache, on_chunk)

    def check_edits(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        state: ReviewState,
        changed: Sequence[str],
    ) -> None:
        """A plain text takes any edit."""

    def replacements(
        self, document: Document, sentences: Sequence[Sentence], state: ReviewState
    ) -> list[tuple[int, int, str]]:
        bom = len(document.bom_text)
        return [(a + bom, b + bom, t) for a, b, t in state.replaced_spans(document.text, sentences)]

    def check_patched(
        self,
        corrected: CorrectedText,
        document: Document,
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> None:
        """Any change of a plain text is an edit of its sentences."""

    def reviews(
        self,
        corrected: CorrectedText,
        document: Document,
        sentences: Sequence[Sentence],
        records: dict[str, dict[str, Any]],
        name: str,
    ) -> dict[str, SentenceReview]:
        return recover_reviews(
            corrected, document.text, sentences, records, name, len(document.bom_text)
        )


FORMAT = PlainText()


def recover_reviews(
    corrected: str | CorrectedText,
    original: str,
    sentences: Sequence[Sentence],
    metadata: dict[str, dict[str, Any]],
    name: str,
    start: int = 0,
) -> dict[str, SentenceReview]:
    """Walk the corrected text from ``start`` (after a BOM) with the original's gaps and the
    recorded edit lengths. Each gap and unedited sentence is compared where it should be
    (``startswith``), not cut out: a copy each, and on a corrected text not joined a search
    for its part and a join of its parts."""
    reviews: dict[str, SentenceReview] = {}
    position = start
    deleted = {k for k, v in metadata.items() if v.get("edited_chars") == 0}
    gaps = corrected_gaps(original, sentences, deleted)
    for sentence, gap in zip(sentences, gaps, strict=False):
        if not corrected.startswith(gap, position):
            raise _mismatch(name, sentence.id)
        position += len(gap)
        data = metadata.get(sentence.id)
        if data is not None and "edited_chars" in data:
            end = position + data["edited_chars"]
            if end > len(corrected):
                raise _mismatch(name, sentence.id)
            fields = {k: v for k, v in data.items() if k != "edited_chars"}
            reviews[sentence.id] = SentenceReview.from_json(
                {**fields, "edited": corrected[position:end]}
            )
            position = end
        else:
            text = sentence.text
            if not corrected.startswith(text, position):
                raise _mismatch(name, sentence.id)
            if data is not None:
                reviews[sentence.id] = SentenceReview.from_json(data)
            position += len(text)
    if corrected[position:] != gaps[-1]:
        raise _mismatch(name, "the end of the text")
    return reviews


def _mismatch(name: str, where: str) -> ReviewError:
    return ReviewError(
        f"{name}: its diff does not match the edits its header records (at {where}); "
        "was it changed by hand or cut short?"
    )
