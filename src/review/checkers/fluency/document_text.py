"""A document's sentences as the detectors search them: all at once, each on its own line.

Calling every detector on every sentence costs more than what most detectors look for (a
Chinese character, a doubled comma) is worth: such things are in few sentences. So each such
detector has a ``Trigger``, and one regular expression search over all the sentences, joined
by newlines, finds the few sentences any trigger is in; the offsets of its matches map back to
sentences. Analyses that several detectors need (the words of every sentence, the quotation
marks of every paragraph) are made once per document (``DocumentText.shared``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import accumulate, count, groupby
from operator import add, attrgetter
from typing import Any, TypeVar, cast

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

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(f"[{self.characters}]{self.then}")


@cache
def _any_of(triggers: tuple[Trigger, ...]) -> re.Pattern[str]:
    """One pattern found wherever one of ``triggers`` is: one of their characters (the regex
    compiler makes one class of the classes, which the engine skips to fast), then the
    ``then`` of a trigger that character starts (a lookbehind tells which)."""
    first = "|".join(f"[{t.characters}]" for t in triggers)
    then = "|".join(f"(?<=[{t.characters}]){t.then}" for t in triggers)
    return re.compile(f"(?:{first})(?:{then})")


class DocumentText:
    """The sentences (as the checker got them), their paragraphs, and the lines to search.

    ``triggers`` are those the detectors will ask about (``matching``): they are all searched
    for together, once.
    """

    def __init__(self, sentences: Sequence[Sentence], triggers: Iterable[Trigger] = ()) -> None:
        self.sentences = tuple(sentences)
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
