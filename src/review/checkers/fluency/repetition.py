"""Words and short phrases said twice in a row: "the the", "of the world of the world"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress
from operator import eq

from review.checkers.fluency.base import Detector, Hit
from review.flags import Category, MqmClass, Severity

MAX_PHRASE_WORDS = 4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_BETWEEN_WORDS = re.compile(r"\s+")
# Doubled words that English grammar or usage allows ("I knew that that was wrong",
# "whatever it is is fine", "He had had enough") and reduplicated words and names.
_ALLOWED = frozenset(
    (
        "that", "had", "is", "do", "ha", "bye", "no", "yes", "very", "so", "bora", "walla", "pago",
        "sirhan", "tsk", "knock", "chop",
    )
)
# "and more and more": the second word and its repeat are an "X and X"
# idiom ("more and more", "again and again", "step by step"), not a repeat.
_LINKING_WORDS = frozenset(("and", "by", "after", "to", "upon"))
_X_AND_X = frozenset(
    (
        "more", "less", "again", "over", "on", "through", "round", "step", "day", "one", "side",
        "time", "year", "face", "back", "hand", "better", "worse", "bigger", "smaller", "higher",
        "lower", "further", "little",
    )
)


class RepeatedWords(Detector):
    """The same word or phrase twice in a row ("the the", "of the world of the world").

    Neural MT repeats itself when it loses track of the source (a word or phrase looped,
    sometimes many times); grammatical doublings ("that that", "had had") stay silent.
    """

    rule = "MT_REPEATED_WORDS"
    category = Category.GRAMMAR
    mqm = MqmClass.GRAMMAR
    severity = Severity.MAJOR

    def scan(self, text: str) -> Iterator[Hit]:
        words = list(_WORD.finditer(text))
        keys = [w.group().lower() for w in words]
        position = 0
        for start in _candidate_starts(keys):
            if start < position:
                continue
            position = start
            size, times = _repeat_at(text, words, keys, position)
            if times < 2:
                continue
            first = words[position]
            last = words[position + size * times - 1]
            unit = text[first.start() : words[position + size - 1].end()]
            if not _allowed(keys[position : position + size]):
                yield Hit(first.start(), last.end(), f"{unit!r} repeated", (unit,))
            position += size * times


def _candidate_starts(keys: list[str]) -> list[int]:
    """Positions whose word comes again within a phrase's length (found at C speed)."""
    starts: set[int] = set()
    for size in range(1, MAX_PHRASE_WORDS + 1):
        starts.update(compress(range(len(keys)), map(eq, keys, keys[size:])))
    return sorted(starts)


def _allowed(unit: list[str]) -> bool:
    if len(unit) == 1:
        return unit[0] in _ALLOWED
    return len(unit) == 2 and unit[0] in _LINKING_WORDS and unit[1] in _X_AND_X


def _repeat_at(
    text: str, words: list[re.Match[str]], keys: list[str], start: int
) -> tuple[int, int]:
    """(phrase length, times said) of the shortest phrase at ``start`` said twice or more."""
    for size in range(1, MAX_PHRASE_WORDS + 1):
        times = 1
        while _same_phrase(text, words, keys, start, start + size * times, size):
            times += 1
        if times > 1:
            return size, times
    return 1, 1


def _same_phrase(
    text: str, words: list[re.Match[str]], keys: list[str], first: int, second: int, size: int
) -> bool:
    """Whether the ``size`` words at ``second`` repeat those at ``first``, joined by spaces
    only, and the repeat is not the head of a compound ("Boutros Boutros-Ghali")."""
    end = second + size
    if end > len(words) or keys[first:first + size] != keys[second:end]:
        return False
    span = range(first, end - 1)
    if any(not _BETWEEN_WORDS.fullmatch(text, words[i].end(), words[i + 1].start()) for i in span):
        return False
    return text[words[end - 1].end() : words[end - 1].end() + 1] not in ("-", "‐")
