"""A document's sentences as the detectors search them: all at once, each on its own line.

Calling every detector on every sentence costs more than what most detectors look for (a
Chinese character, a doubled comma) is worth: such things are in few sentences. So each such
detector has a ``Trigger``, and one regular expression search over all the sentences, joined
by newlines, finds the few sentences any trigger is in; the offsets of its matches map back to
sentences. Analyses that several detectors need (the words of every sentence, the quotation
marks of every paragraph) are made once per document (``DocumentText.shared``).

A book is checked a batch of whole paragraphs at a time (``paragraph_batches``), each batch a
``DocumentText`` of its own: the lines, words and marks of a batch are dropped once its
sentences are checked, rather than held for every sentence of the book. What a detector needs
of the whole book (how often a word is capitalised, which quote style most marks keep) is a
``Whole`` analysis: made batch by batch over the book and kept as its compact summary (counts,
sets), once, when a batch first asks for it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, reduce
from itertools import accumulate, count, groupby
from operator import add, attrgetter
from typing import Any, Generic, TypeVar, cast

from review.segment import Sentence

T = TypeVar("T")


@dataclass(frozen=True)
class Trigger:
    """What every sentence a detector may flag contains: one of ``characters`` (the inside of
    a regular expression's character class), followed by a match of ``then`` (a regular
    expression; a lookbehind in it sees that character too). ``pattern`` is the two together.

    All triggers are searched for in one pass that stops only at their characters, so these
    should be rare ones: a "x" that ``then`` checks to follow "\\d[pP]" rather than a digit
    followed by "px". In that pass a lookaround at the edge of a sentence sees the newline and
    the sentence next to it, so a trigger must not need to see nothing there (no negative
    lookaround across the edge).
    """

    characters: str
    then: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.characters, self.then)


@cache
def _pattern(characters: str, then: str) -> re.Pattern[str]:
    # Once per process: each checker makes its detectors' triggers anew (the vetting makes a
    # checker per pass), and re's own cache of 512 patterns does not keep them all.
    return re.compile(f"[{characters}]{then}")


@cache
def _any_of(triggers: tuple[Trigger, ...]) -> re.Pattern[str]:
    """One pattern found wherever one of ``triggers`` is: one of their characters (the regex
    compiler makes one class of the classes, which the engine skips to fast), then the
    ``then`` of a trigger that character starts (a lookbehind tells which)."""
    first = "|".join(f"[{t.characters}]" for t in triggers)
    then = "|".join(f"(?<=[{t.characters}]){t.then}" for t in triggers)
    return re.compile(f"(?:{first})(?:{then})")


# A batch of whole paragraphs holds at least this many sentences (a longer paragraph is one
# batch): a few megabytes of lines and words, however long the book.
BATCH_SENTENCES = 2048


def paragraph_batches(
    sentences: Sequence[Sentence], size: int = BATCH_SENTENCES
) -> list[tuple[int, int]]:
    """(start, end) indices into ``sentences`` of consecutive batches of whole paragraphs, each
    of ``size`` sentences or more but for the last."""
    batches: list[tuple[int, int]] = []
    start = 0
    for index in range(size, len(sentences)):
        if index - start >= size and sentences[index].paragraph != sentences[index - 1].paragraph:
            batches.append((start, index))
            start = index
    if start < len(sentences):
        batches.append((start, len(sentences)))
    return batches


@dataclass(frozen=True, eq=False)
class Whole(Generic[T]):
    """An analysis of the whole document: ``part`` of each batch, ``merge``d in the batches'
    order. Compared by identity (a key of ``WholeDocument``'s results)."""

    part: Callable[[DocumentText], T]
    merge: Callable[[T, T], T]


class WholeDocument:
    """The sentences of a whole text, checked a batch at a time (``batches``), and the
    ``Whole`` analyses of it made so far."""

    def __init__(self, sentences: Sequence[Sentence], size: int = BATCH_SENTENCES) -> None:
        self.sentences = sentences
        self.spans = paragraph_batches(sentences, size)
        self._results: dict[Whole[Any], Any] = {}

    def batches(self, triggers: Iterable[Trigger] = ()) -> Iterator[DocumentText]:
        """The batches in order, each a ``DocumentText`` made when it is reached."""
        triggers = tuple(triggers)
        for start, end in self.spans:
            yield DocumentText(self.sentences[start:end], triggers, self)

    def analysed(self, analysis: Whole[T]) -> T:
        if analysis not in self._results:
            parts = (analysis.part(batch) for batch in self.batches())
            self._results[analysis] = reduce(analysis.merge, parts)
        return cast(T, self._results[analysis])


class DocumentText:
    """The sentences (as the checker got them), their paragraphs, and the lines to search.

    ``triggers`` are those the detectors will ask about (``matching``): they are all searched
    for together, once. ``whole`` is the document these sentences are a batch of (``Whole``
    analyses are of it); without it they are the whole document.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        triggers: Iterable[Trigger] = (),
        whole: WholeDocument | None = None,
    ) -> None:
        self.sentences = tuple(sentences)
        self._whole = whole
        texts = list(map(attrgetter("text"), self.sentences))
        self.lines = "\n".join(texts)
        # Where each sentence's line starts in ``lines`` (the characters of the sentences
        # before it and a newline after each), and where a next one would.
        self._line_starts: tuple[int, ...] = tuple(
            map(add, accumulate(map(len, texts), initial=0), count())
        )
        self._triggers = tuple(dict.fromkeys(triggers))
        self._shared: dict[Callable[[DocumentText], Any], Any] = {}

    @cached_property
    def paragraphs(self) -> tuple[tuple[Sentence, ...], ...]:
        """Sentences with the same paragraph number next to each other (as segment() numbers
        them)."""
        return tuple(tuple(group) for _, group in groupby(self.sentences, attrgetter("paragraph")))

    @cached_property
    def _paragraph_starts(self) -> tuple[int, ...]:
        """Index of each paragraph's first sentence, and where a next paragraph would start."""
        return tuple(accumulate(map(len, self.paragraphs), initial=0))

    def matching(self, trigger: Trigger | None) -> list[Sentence]:
        """The sentences ``trigger`` is found in (searched in each sentence's text alone), or
        every sentence when there is no trigger."""
        if trigger is None:
            return list(self.sentences)
        if trigger in self._triggers:
            candidates = self.shared(DocumentText._triggered)
        else:
            candidates = self.lines_matching(trigger.pattern)
        return [s for s in candidates if trigger.pattern.search(s.text)]

    def lines_matching(self, pattern: re.Pattern[str]) -> list[Sentence]:
        """The sentences in whose line ``pattern`` is found, by one search call per such
        sentence (none per sentence without a match). At the edges of a line a lookaround
        sees the newline that separates it from its neighbours."""
        found: list[Sentence] = []
        position = 0
        end = self._line_starts[-1]
        # Bounded: past its end a search starts over at the end (and a pattern that matches the
        # empty string would loop there).
        while position < end and (match := pattern.search(self.lines, position)):
            index = self.sentence_index(match.start())
            found.append(self.sentences[index])
            position = self._line_starts[index + 1]
        return found

    def _triggered(self) -> list[Sentence]:
        """The sentences in which one of the document's triggers may be found."""
        return self.lines_matching(_any_of(self._triggers))

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence whose line holds ``offset`` of ``lines`` (its newline included)."""
        return bisect_right(self._line_starts, offset) - 1

    def paragraph_of(self, index: int) -> tuple[int, int]:
        """(index of the paragraph, index in it) of sentence ``index``."""
        paragraph = bisect_right(self._paragraph_starts, index) - 1
        return paragraph, index - self._paragraph_starts[paragraph]

    def line_start(self, index: int) -> int:
        """Offset in ``lines`` of sentence ``index``'s first character."""
        return self._line_starts[index]

    def shared(self, analysis: Callable[[DocumentText], T]) -> T:
        """``analysis(self)``, computed once: detectors that need the same analysis share it."""
        if analysis not in self._shared:
            self._shared[analysis] = analysis(self)
        return cast(T, self._shared[analysis])

    def whole(self, analysis: Whole[T]) -> T:
        """``analysis`` of the whole document these sentences are part of; of these sentences
        alone (``shared``) when they are the whole document."""
        if self._whole is None or len(self._whole.spans) <= 1:
            return self.shared(analysis.part)
        return self._whole.analysed(analysis)
