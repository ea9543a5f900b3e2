"""Words and short phrases said twice in a row: "the the", "of the world of the world"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress, pairwise
from operator import eq, le, ne

from review.checkers.fluency.base import Detector, Hit
from review.checkers.fluency.document_text import DocumentText
from review.checkers.fluency.words import WORD, sentence_words
from review.flags import Category, MqmClass, Severity
from review.segment import Sentence

MAX_PHRASE_WORDS = 4
_BETWEEN_WORDS = re.compile(r"\s+")
# Doubled words that English grammar or usage allows ("I knew that that was wrong",
# "whatever it is is fine", "He had had enough") and reduplicated words and names.
_ALLOWED = frozenset(
    (
        "that",
        "had",
        "is",
        "do",
        "ha",
        "bye",
        "no",
        "yes",
        "very",
        "so",
        "bora",
        "walla",
        "pago",
        "sirhan",
        "tsk",
        "knock",
        "chop",
    )
)
# "and more and more": the second word and its repeat are an "X and X"
# idiom ("more and more", "again and again", "step by step"), not a repeat.
_LINKING_WORDS = frozenset(("and", "by", "after", "to", "upon"))
_X_AND_X = frozenset(
    (
        "more",
        "less",
        "again",
        "over",
        "on",
        "through",
        "round",
        "step",
        "day",
        "one",
        "side",
        "time",
        "year",
        "face",
        "back",
        "hand",
        "better",
        "worse",
        "bigger",
        "smaller",
        "higher",
        "lower",
        "further",
        "little",
    )
)


def _pair_firsts(document: DocumentText) -> tuple[list[int] | None, ...]:
    """For each sentence, where each word pair (in lower case) first occurs, by pair: None
    when no pair occurs twice, as in most sentences. Both detectors start from this: a phrase
    of two words or more said twice has a pair said twice."""
    found: list[list[int] | None] = []
    for keys in document.shared(sentence_words).lower:
        pairs = list(pairwise(keys))
        if len(set(pairs)) == len(pairs):
            found.append(None)
            continue
        # The dict keeps the last value given for a pair: fed backwards, that is the first.
        first = dict(zip(reversed(pairs), range(len(pairs) - 1, -1, -1), strict=True))
        found.append(list(map(first.__getitem__, pairs)))
    return tuple(found)


def _words_and_pairs(
    document: DocumentText,
) -> Iterator[tuple[Sentence, Sequence[str], list[int] | None]]:
    """Each sentence with its words in lower case and where its word pairs first occur."""
    return zip(
        document.sentences,
        document.shared(sentence_words).lower,
        document.shared(_pair_firsts),
        strict=True,
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

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for sentence, keys, firsts in _words_and_pairs(document):
            # Said twice in a row: one word twice, or a longer phrase, which repeats a pair.
            if firsts is None and not any(map(eq, keys, keys[1:])):
                continue
            if starts := _candidate_starts(sentence.text, keys, firsts):
                for hit in _repeats(sentence.text, keys, starts):
                    yield sentence, hit


def _repeats(text: str, keys: Sequence[str], starts: Sequence[int]) -> Iterator[Hit]:
    words = tuple(WORD.finditer(text))
    position = 0
    for start in starts:
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


def _candidate_starts(text: str, keys: Sequence[str], firsts: Sequence[int] | None) -> list[int]:
    """Positions at which a phrase of up to MAX_PHRASE_WORDS words may be said again right
    after it (``_repeat_at`` makes sure): the same words in lower case, and only spaces between
    them ("win-win" is no repeat), which the sentence in lower case with its spaces collapsed
    shows. (Lower case letter by letter is that of the whole but for the Greek final sigma,
    made alike.) A word said twice is found at C speed; a longer phrase said again repeats its
    first pair, so it starts its length before a pair seen before (``firsts``: _pair_firsts)."""
    tries = [(start, 1) for start in compress(range(len(keys)), map(eq, keys, keys[1:]))]
    if firsts is not None:
        for again in compress(range(len(firsts)), map(ne, firsts, range(len(firsts)))):
            tries += [
                (again - size, size)
                for size in range(2, min(again, MAX_PHRASE_WORDS) + 1)
                if keys[again - size] == keys[again]
            ]
    starts: set[int] = set()
    spaced = ""
    for start, size in tries:
        repeat = keys[start : start + 2 * size]
        if repeat[:size] != repeat[size:]:
            continue
        spaced = spaced or " ".join(text.lower().split()).replace("ς", "σ")
        if " ".join(repeat).replace("ς", "σ") in spaced:
            starts.add(start)
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
    if end > len(words) or keys[first : first + size] != keys[second:end]:
        return False
    span = range(first, end - 1)
    if any(not _BETWEEN_WORDS.fullmatch(text, words[i].end(), words[i + 1].start()) for i in span):
        return False
    return text[words[end - 1].end() : words[end - 1].end() + 1] not in ("-", "‐")


# Words too common for their repetition to mean anything.
_FUNCTION_WORDS = frozenset(
    (
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "and",
        "or",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "that",
        "this",
        "these",
        "those",
        "from",
        "his",
        "her",
        "their",
        "our",
        "my",
        "your",
        "you",
        "we",
        "they",
        "he",
        "she",
        "i",
        "me",
        "him",
        "them",
        "us",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "not",
        "no",
        "do",
        "does",
        "did",
        "which",
        "who",
        "what",
        "when",
        "where",
        "how",
        "has",
        "have",
        "had",
        "but",
        "also",
        "into",
        "than",
        "there",
        "so",
        "if",
        "all",
        "some",
        "any",
        "more",
        "most",
        "other",
        "such",
        "only",
        "just",
        "then",
        "one",
        "up",
        "out",
        "about",
        "along",
        "across",
        "after",
        "against",
        "around",
        "before",
        "behind",
        "between",
        "down",
        "during",
        "off",
        "over",
        "through",
        "under",
        "until",
        "upon",
        "within",
        "without",
    )
)
# A phrase that opens a clause both times is parallelism ("not the trouble that came, but
# the trouble that will come"; "the share of services is…; the share of industry…").
_CLAUSE_OPENERS = frozenset(("and", "but", "or", "nor", "not", "while", "whereas"))
_CLAUSE_PUNCTUATION = ",;:.!?—–("


# A phrase said again after at most this many words, of which at most one content word, is a
# loop ("had a grain charge, and had a grain charge", "potentially damaging rather than
# potentially damaging"); further on, only a phrase of three content words or one said three
# times is.
MAX_LOOP_GAP = 4
MAX_LOOP_CONTENT = 1
# Loops are local: an earlier occurrence is looked for this many words back at most, which
# keeps a run-on "sentence" of thousands of words (a word list, a failed split) linear.
LOOKBACK = 60


class RepeatedPhrase(Detector):
    """A phrase looped within a sentence: said again a few words on, said a third time, or a
    phrase of three content words said again ("the social obligations are disturbed by the
    social obligations and the social obligations").

    Neural MT that loses track of the source loops back over a phrase it has already
    produced. A shorter phrase said again further on is left alone: fluent writers and good
    translations repeat a term on purpose ("a smaller black hole falling into a larger black
    hole"), and expert annotators of Chinese-English MT do not mark it, so flagging it would
    bury the loops. Both occurrences opening a clause is parallelism and stays silent too.
    """

    rule = "MT_REPEATED_PHRASE"
    category = Category.STYLE
    mqm = MqmClass.AWKWARD
    severity = Severity.MINOR

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for sentence, keys, firsts in _words_and_pairs(document):
            if firsts is not None and (repeated := _repeated_words(keys, firsts)):
                for hit in _phrases_again(sentence.text, keys, repeated):
                    yield sentence, hit


def _phrases_again(text: str, keys: Sequence[str], repeated: Sequence[int]) -> Iterator[Hit]:
    words: tuple[re.Match[str], ...] = ()
    for run_first, run_last in _runs(repeated):
        for first, last in _said_before(keys, run_first, run_last):
            loop = _loop(keys, first, last)
            if loop is None:
                continue
            # Offsets are wanted only now: most repeated pairs are no phrase worth a flag.
            words = words or tuple(WORD.finditer(text))
            if _in_compound(text, words, first, last):
                continue  # "low-income families … high-income families"
            if (
                loop.previous == first - (last - first + 1)
                and not text[words[first - 1].end() : words[first].start()].strip()
            ):
                continue  # said twice in a row: MT_REPEATED_WORDS reports it
            if not loop.third_time and (
                _opens_clause(text, words, first) and _opens_clause(text, words, loop.previous)
            ):
                continue
            start, end = words[loop.first].start(), words[loop.last].end()
            yield Hit(start, end, loop.message.format(phrase=text[start:end]))


@dataclass(frozen=True, slots=True)
class _Loop:
    first: int  # the words to flag
    last: int
    previous: int  # where the phrase was said last before
    third_time: bool
    message: str


def _loop(keys: Sequence[str], first: int, last: int) -> _Loop | None:
    """How the phrase at words ``first``…``last`` loops; None when it is too short, or said
    again too far on, to tell."""
    phrase = keys[first : last + 1]
    size = len(phrase)
    content = _content(phrase)
    if content < 2 and not (content == 1 and size >= 3):
        return None
    previous = _starts_before(keys, first, phrase)[-1]
    # Counted by its content words: "popular music" is said a third time in "… of popular
    # music …, fans of popular music …" although "of popular music" is said twice. One word
    # said three times in a long sentence is no loop.
    core_first, core = _core(keys, first, last)
    if len(core) >= 2 and len(_starts_before(keys, core_first, core)) >= 2:
        return _Loop(
            core_first,
            core_first + len(core) - 1,
            previous,
            True,
            "{phrase!r} a third time in the sentence: vary or drop the repeats",
        )
    between = keys[previous + size : first]
    if len(between) <= MAX_LOOP_GAP and _content(between) <= MAX_LOOP_CONTENT:
        message = "{phrase!r} again a few words on: drop the repeat or refer back to it"
        return _Loop(first, last, previous, False, message)
    if content >= 3:
        message = "{phrase!r} again in the same sentence: rephrase or refer back to it"
        return _Loop(first, last, previous, False, message)
    return None


def _in_compound(text: str, words: Sequence[re.Match[str]], first: int, last: int) -> bool:
    """Whether the words ``first``…``last`` start or end inside a hyphenated compound."""
    return text[words[first].start() - 1 : words[first].start()] in ("-", "‐") or text[
        words[last].end() : words[last].end() + 1
    ] in ("-", "‐")


def _content(words: Sequence[str]) -> int:
    """How many of ``words`` are content words: not function words, nor single letters
    (initials, the pieces of a censored "bl / t")."""
    return sum(len(word) > 1 and word not in _FUNCTION_WORDS for word in words)


def _core(keys: Sequence[str], first: int, last: int) -> tuple[int, Sequence[str]]:
    """Where the words ``first``…``last`` start and what they are without the function words
    at either end."""
    while keys[first] in _FUNCTION_WORDS:
        first += 1
    while keys[last] in _FUNCTION_WORDS:
        last -= 1
    return first, keys[first : last + 1]


def _starts_before(keys: Sequence[str], index: int, phrase: Sequence[str]) -> list[int]:
    """Where ``phrase`` starts in the LOOKBACK words before word ``index`` (non-overlapping,
    left to right)."""
    starts: list[int] = []
    position = max(0, index - LOOKBACK)
    size = len(phrase)
    while position + size <= index:
        try:  # the first word's next place, found at C speed
            position = keys.index(phrase[0], position, index - size + 1)
        except ValueError:
            break
        if keys[position : position + size] == phrase:
            starts.append(position)
            position += size
        else:
            position += 1
    return starts


def _repeated_words(keys: Sequence[str], firsts: Sequence[int]) -> list[int]:
    """The indices, in order, of the words in a word pair said earlier in the sentence
    (``firsts``: see ``_pair_firsts``); the earlier pair must not overlap or touch (adjacent
    repeats are MT_REPEATED_WORDS's). Pairs of two function words do not count."""
    repeated: set[int] = set()
    # The pairs whose first occurrence is three words back or more, found at C speed.
    for i in compress(range(len(firsts)), map(le, firsts, range(-3, len(firsts) - 3))):
        if not (keys[i] in _FUNCTION_WORDS and keys[i + 1] in _FUNCTION_WORDS):
            repeated.update((i, i + 1))
    return sorted(repeated)


def _opens_clause(text: str, words: Sequence[re.Match[str]], index: int) -> bool:
    """Whether the phrase at word ``index`` (with an article before it) opens a clause."""
    if index > 0 and words[index - 1].group().lower() in ("the", "a", "an"):
        index -= 1
    before = text[: words[index].start()].rstrip()
    if not before or before[-1] in _CLAUSE_PUNCTUATION:
        return True
    return index > 0 and words[index - 1].group().lower() in _CLAUSE_OPENERS


def _runs(indices: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in the ascending ``indices``."""
    start = previous = indices[0]
    for index in indices[1:]:
        if index != previous + 1:
            yield start, previous
            start = index
        previous = index
    yield start, previous


def _said_before(keys: Sequence[str], first: int, last: int) -> Iterator[tuple[int, int]]:
    """The run of repeated words ``first``…``last`` cut, from the left, into the longest
    phrases said before as a whole: words repeated from two places ("in the universe …
    along a straight line … the universe along a straight line") are two phrases, not one."""
    while first <= last:
        end = first
        while end < last and _starts_before(keys, first, keys[first : end + 2]):
            end += 1
        yield first, end
        first = end + 1
