"""Words and short phrases said twice in a row: "the the", "of the world of the world"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress, pairwise
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


@lru_cache(maxsize=4096)
def _keys(text: str) -> tuple[str, ...]:
    """The words in lower case; cached because two detectors ask in turn."""
    return tuple(word.lower() for word in _WORD.findall(text))


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[re.Match[str], ...]:
    """The words with their offsets, wanted only where a repeat is suspected."""
    return tuple(_WORD.finditer(text))


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
        keys = _keys(text)
        if len(set(keys)) == len(keys):
            return
        words = _words(text)
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


def _candidate_starts(keys: Sequence[str]) -> list[int]:
    """Positions whose word comes again within a phrase's length (found at C speed)."""
    starts: set[int] = set()
    for size in range(1, MAX_PHRASE_WORDS + 1):
        starts.update(compress(range(len(keys)), map(eq, keys, keys[size:])))
    return sorted(starts)


def _allowed(unit: Sequence[str]) -> bool:
    if len(unit) == 1:
        return unit[0] in _ALLOWED
    return len(unit) == 2 and unit[0] in _LINKING_WORDS and unit[1] in _X_AND_X


def _repeat_at(
    text: str, words: Sequence[re.Match[str]], keys: Sequence[str], start: int
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
    text: str,
    words: Sequence[re.Match[str]],
    keys: Sequence[str],
    first: int,
    second: int,
    size: int,
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


# Words too common for their repetition to mean anything.
_FUNCTION_WORDS = frozenset(
    (
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "as",
        "is", "are", "was", "were", "be", "been", "it", "its", "that", "this", "these", "those",
        "from", "his", "her", "their", "our", "my", "your", "you", "we", "they", "he", "she",
        "i", "me", "him", "them", "us", "will", "would", "can", "could", "should", "may",
        "might", "must", "not", "no", "do", "does", "did", "which", "who", "what", "when",
        "where", "how", "has", "have", "had", "but", "also", "into", "than", "there", "so",
        "if", "all", "some", "any", "more", "most", "other", "such", "only", "just", "then",
        "one", "up", "out", "about",
    )
)
# A phrase that opens a clause both times is parallelism ("not the trouble that came, but
# the trouble that will come"; "the share of services is…; the share of industry…").
_CLAUSE_OPENERS = frozenset(("and", "but", "or", "nor", "not", "while", "whereas"))
_CLAUSE_PUNCTUATION = ",;:.!?—–("


class RepeatedPhrase(Detector):
    """A phrase said again later in the same sentence ("… the National Theatre of X in the
    National Theatre").

    Chinese repeats a noun phrase where English uses a pronoun or a shorter reference, and
    neural MT loops back over a phrase it has already produced; either way the second
    occurrence is where the sentence needs work. A phrase counts when it has two content
    words, or three words with one content word; the second occurrence is flagged, unless
    both occurrences open a clause (deliberate parallelism).
    """

    rule = "MT_REPEATED_PHRASE"
    category = Category.STYLE
    mqm = MqmClass.AWKWARD
    severity = Severity.MINOR

    def scan(self, text: str) -> Iterator[Hit]:
        keys = _keys(text)
        pairs = list(pairwise(keys))
        if len(set(pairs)) == len(pairs):
            return
        earlier = _earlier_occurrences(keys)
        words = _words(text) if earlier else ()
        for first, last in _runs([i in earlier for i in range(len(keys))]):
            content = sum(keys[i] not in _FUNCTION_WORDS for i in range(first, last + 1))
            size = last - first + 1
            if content < 2 and not (content == 1 and size >= 3):
                continue
            if first >= size and keys[first - size : first] == keys[first : last + 1]:
                continue  # said twice in a row: MT_REPEATED_WORDS reports it
            if _opens_clause(text, words, first) and _opens_clause(text, words, earlier[first]):
                continue
            phrase = text[words[first].start() : words[last].end()]
            yield Hit(
                words[first].start(),
                words[last].end(),
                f"{phrase!r} again in the same sentence: rephrase or refer back to it",
            )


def _earlier_occurrences(keys: Sequence[str]) -> dict[int, int]:
    """Word index → index of the same word in an earlier occurrence of a word pair it is part
    of; the earlier pair must not overlap or touch (adjacent repeats are MT_REPEATED_WORDS's)."""
    earlier: dict[int, int] = {}
    seen: dict[tuple[str, str], int] = {}
    for i in range(len(keys) - 1):
        pair = (keys[i], keys[i + 1])
        if pair[0] in _FUNCTION_WORDS and pair[1] in _FUNCTION_WORDS:
            continue
        first = seen.setdefault(pair, i)
        if i - first >= 3:
            earlier.setdefault(i, first)
            earlier.setdefault(i + 1, first + 1)
    return earlier


def _opens_clause(text: str, words: Sequence[re.Match[str]], index: int) -> bool:
    """Whether the phrase at word ``index`` (with an article before it) opens a clause."""
    if index > 0 and words[index - 1].group().lower() in ("the", "a", "an"):
        index -= 1
    before = text[: words[index].start()].rstrip()
    if not before or before[-1] in _CLAUSE_PUNCTUATION:
        return True
    return index > 0 and words[index - 1].group().lower() in _CLAUSE_OPENERS


def _runs(marked: list[bool]) -> Iterator[tuple[int, int]]:
    """(first, last) indices of each run of marked words."""
    start = None
    for index, flag in enumerate([*marked, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            yield start, index - 1
            start = None
