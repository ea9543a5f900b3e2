"""Finding a glossary's source terms in a bilingual text's source: one Aho-Corasick automaton.

A source may be written without spaces (Chinese, Japanese, Thai): a term in such a script is
found inside a run of text, as a substring; a term in a spaced script (Latin, Cyrillic) only at
word boundaries. Case and separators are folded as the target's matcher folds them; the longest
term wins where two overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]  # (no stubs ship with it)

from review.checkers.terms.matcher import fold

# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Hangul (whose
# particles join the word before), kana, Han.
_SPACELESS = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3040-\u30ff\u3130-\u318f"
    "\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]"
)


@dataclass(frozen=True, slots=True)
class SourceMatch:
    """``sources[term]`` found at ``start``:``end`` of the source text."""

    start: int
    end: int
    term: int


class SourceMatcher:
    """Every one of ``sources`` (source-language terms) in one automaton."""

    def __init__(self, sources: Sequence[str]) -> None:
        self.sources = tuple(sources)
        self._automaton = ahocorasick.Automaton()
        for index, source in enumerate(self.sources):
            key = fold(source)
            if key.strip() and key not in self._automaton:
                self._automaton.add_word(key, (index, len(key)))
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> Iterator[SourceMatch]:
        """The terms in ``text``, longest first where they overlap, in order."""
        if self._empty:
            return
        found = [
            (last + 1 - length, last + 1, index)
            for last, (index, length) in self._automaton.iter(fold(text))
            if _bounded(text, last + 1 - length, last + 1)
        ]
        found.sort(key=lambda item: (item[0], -item[1]))
        taken = 0
        for start, end, index in found:
            if start >= taken:
                taken = end
                yield SourceMatch(start, end, index)


def _bounded(text: str, start: int, end: int) -> bool:
    """No word of a spaced script goes on past either end of the match."""
    return _apart(text[start - 1 : start], text[start]) and _apart(
        text[end - 1], text[end : end + 1]
    )


def _apart(before: str, after: str) -> bool:
    if not (before.isalnum() and after.isalnum()):
        return True
    return bool(_SPACELESS.match(before) or _SPACELESS.match(after))
