"""A document's corrected text and its sentences, not joined: the original text and what replaces
spans of it.

The review UI checked an edited book on its corrected text joined, another copy of the book
beside the original the review holds (120 MB of a 60 MB text with curly quotes), and on every
sentence after the first edit placed anew (80-90 MB), both kept until the checks ended.
``CorrectedText`` gives the corrected text in pieces, any span of it and its length;
``PlacedSentences`` places each sentence when it is asked for. A checker that takes them
(``review.checker_api.ChecksCorrected``: the passes run in another process, which are sent the
text in pieces) never joins them; another is given them joined (``joined``), as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import overload

from review.segment import Sentence

# Characters of the original text a piece at most (a book's text sliced at once was a copy).
PIECE = 1 << 20

Replaced = tuple[int, int, str]
"""(start, end, new text) of a span of the original text."""


@dataclass(frozen=True, eq=False)
class CorrectedText:
    """The text ``original`` with the spans ``replaced`` (in order, not overlapping) replaced.

    Its pieces are kept in order: each a range of the original or a replacing text, with the
    offset in the corrected text where it starts (``_starts``)."""

    original: str
    _pieces: tuple[range | str, ...]
    _starts: tuple[int, ...]

    @classmethod
    def of(cls, original: str, replaced: Iterable[Replaced]) -> CorrectedText:
        pieces: list[range | str] = []
        at = 0
        for start, end, text in replaced:
            pieces += (range(at, start), text)
            at = end
        pieces.append(range(at, len(original)))
        kept = tuple(p for p in pieces if len(p))
        starts = (0, *accumulate(len(p) for p in kept))
        return cls(original, kept, starts)

    def __len__(self) -> int:
        return self._starts[-1]

    def pieces(self, size: int = PIECE) -> Iterator[str]:
        """The text in order, in pieces of at most ``size`` characters of the original."""
        for piece in self._pieces:
            if isinstance(piece, str):
                yield piece
                continue
            for at in range(piece.start, piece.stop, size):
                yield self.original[at : min(at + size, piece.stop)]

    def __getitem__(self, span: slice) -> str:
        """``joined()[span]`` (a span without a step), without joining the text."""
        start, stop, step = span.indices(len(self))
        if step != 1:
            raise ValueError("a corrected text is cut in spans only")
        parts: list[str] = []
        index = bisect_right(self._starts, start) - 1
        while start < stop and index < len(self._pieces):
            piece, offset = self._pieces[index], self._starts[index]
            cut = slice(start - offset, min(stop, self._starts[index + 1]) - offset)
            if isinstance(piece, str):
                parts.append(piece[cut])
            else:
                parts.append(self.original[piece.start + cut.start : piece.start + cut.stop])
            start = self._starts[index + 1]
            index += 1
        return "".join(parts)

    def startswith(self, prefix: str, start: int = 0) -> bool:
        """``joined().startswith(prefix, start)``, compared in the parts ``prefix`` falls in,
        not on a copy of the span cut out (a patch read walks a book's text a sentence and a
        gap at a time)."""
        if start < 0:
            start = max(start + len(self), 0)
        if start + len(prefix) > len(self):
            return False
        index = bisect_right(self._starts, start) - 1
        at = 0  # characters of ``prefix`` compared
        while at < len(prefix):
            piece, offset = self._pieces[index], self._starts[index]
            within = start + at - offset
            size = min(len(prefix) - at, len(piece) - within)
            # The whole of ``prefix`` when it lies in one part (its slice is itself).
            part = prefix[at : at + size]
            if isinstance(piece, str):
                if not piece.startswith(part, within):
                    return False
            elif not self.original.startswith(part, piece.start + within):
                return False
            at += size
            index += 1
        return True

    def __contains__(self, needle: str) -> bool:
        """Whether ``needle`` is in the text (also across two pieces)."""
        carried = ""
        for piece in self.pieces():
            window = carried + piece
            if needle in window:
                return True
            carried = window[len(window) - len(needle) + 1 :] if len(needle) > 1 else ""
        return False

    def joined(self) -> str:
        return "".join(
            p if isinstance(p, str) else self.original[p.start : p.stop] for p in self._pieces
        )


@dataclass(frozen=True, eq=False)
class PlacedSentences(Sequence[Sentence]):
    """The sentences ``originals`` of the original text placed in its corrected text: each is
    moved by the spans replaced before it, and an edited one (``edits``: id → its text) holds
    its edit. A sentence is placed when it is asked for; one neither moved nor edited is the
    original itself."""

    originals: Sequence[Sentence]
    edits: Mapping[str, str]
    # The replaced spans' ends in the original, in order, and how far the corrected text has
    # moved after the first i of them (``_shifts[i]``).
    _ends: tuple[int, ...]
    _shifts: tuple[int, ...]

    @classmethod
    def of(
        cls, originals: Sequence[Sentence], edits: Mapping[str, str], replaced: Sequence[Replaced]
    ) -> PlacedSentences:
        ends = tuple(end for _, end, _ in replaced)
        shifts = (0, *accumulate(len(text) - (end - start) for start, end, text in replaced))
        return cls(originals, edits, ends, shifts)

    def __len__(self) -> int:
        return len(self.originals)

    @overload
    def __getitem__(self, index: int) -> Sentence: ...

    @overload
    def __getitem__(self, index: slice) -> list[Sentence]: ...

    def __getitem__(self, index: int | slice) -> Sentence | list[Sentence]:
        if isinstance(index, slice):
            return [self._placed(s) for s in self.originals[index]]
        return self._placed(self.originals[index])

    def __iter__(self) -> Iterator[Sentence]:
        return map(self._placed, self.originals)

    def span(self, sentence: Sentence) -> tuple[int, int]:
        """Where the original ``sentence`` is in the corrected text."""
        start = sentence.start + self._shifts[bisect_right(self._ends, sentence.start)]
        return start, start + len(self.text_of(sentence))

    def text_of(self, sentence: Sentence) -> str:
        """The original ``sentence``'s corrected text."""
        return self.edits.get(sentence.id, sentence.text)

    def _placed(self, sentence: Sentence) -> Sentence:
        start, end = self.span(sentence)
        text = self.edits.get(sentence.id)
        if text is None and start == sentence.start:
            return sentence
        return Sentence(
            sentence.id,
            start,
            end,
            sentence.paragraph,
            sentence.text if text is None else text,
            sentence.unit,
            sentence.source,
        )

    def joined(self, text: CorrectedText) -> tuple[str, tuple[Sentence, ...]]:
        """The corrected text ``text`` (theirs) joined, and these sentences placed within it
        (not each holding a copy of its own text). Those neither moved nor changed are the
        originals themselves: a book's copies were 100,000 new objects for the garbage
        collector to scan."""
        corrected = text.joined()
        placed = []
        for sentence in self.originals:
            start, end = self.span(sentence)
            if start == sentence.start and self.text_of(sentence) == sentence.text:
                placed.append(sentence)
            else:
                placed.append(sentence.placed(corrected, start, end))
        return corrected, tuple(placed)


def joined(
    text: str | CorrectedText, sentences: Sequence[Sentence]
) -> tuple[str, Sequence[Sentence]]:
    """``text`` and ``sentences`` as a checker that takes only a text joined is given them."""
    if isinstance(text, str):
        return text, sentences
    if not isinstance(sentences, PlacedSentences):
        return text.joined(), sentences
    return sentences.joined(text)
