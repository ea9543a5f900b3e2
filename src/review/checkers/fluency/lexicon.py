"""Literal renderings of Chinese set phrases, idioms and phrasing, from data/calques.tsv.

Each entry is compiled to one regular expression, and indexed by an anchor word it must
contain, so a sentence only runs the entries whose anchor it has: the lookup costs a set
intersection per sentence (with the words the document's sentences were split into once for
every detector) whatever the size of the lexicon. An entry whose other required words are not
in the sentence either is ruled out without running its expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from review.checkers.fluency.base import Detector, Hit, Reach, match_case
from review.checkers.fluency.data import load_table
from review.checkers.fluency.document_text import DocumentText, Whole
from review.checkers.fluency.words import sentence_words
from review.flags import Category, MqmClass, Severity
from review.segment import MOST_IDS, Sentence, id_list

CALQUES_FILE = "calques.tsv"
GAP = "…"
_GAP_PATTERN = r"(?P<gap>[^\W_][^\s,.;:!?()]*(?:\s+[^\s,.;:!?()]+){0,5}?)"
_ANCHOR_WORD = re.compile(r"[a-z]+")
# What re.IGNORECASE takes for a letter a-z besides the 52 ASCII letters (see the re docs).
_IGNORECASE_OTHER_LETTERS = (("ſ", "s"), ("K", "k"), ("ı", "i"), ("İ", "i"))
# Words in nearly every sentence: an entry anchored on one would run everywhere.
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
        "be",
        "it",
        "its",
        "that",
        "this",
        "from",
        "his",
        "her",
        "their",
        "our",
        "you",
        "we",
        "they",
        "will",
        "not",
        "do",
        "does",
    )
)


@dataclass(frozen=True, slots=True)
class Calque:
    pattern: re.Pattern[str]
    suggestions: tuple[str, ...]
    chinese: str
    kind: str
    required: tuple[frozenset[str], ...]  # see required_words
    core: str | None  # see core_words


def core_words(source: str) -> str | None:
    """The pattern's longest run of three or more fixed words, two of them content words
    ("in the same boat" of "help|helps each_other in the same boat"), or None.

    MT renders one Chinese phrase the same way throughout a text, but not always in full: once
    a text has the whole calque, the same core elsewhere is the same rendering cut short
    ("all countries in the same boat" for 同舟共济 beside "help each other in the same boat").
    """
    runs: list[list[str]] = [[]]
    for token in source.split(" "):
        fixed = token != GAP and "|" not in token and not token.endswith("?")
        if fixed and _ANCHOR_WORD.fullmatch(token.lower()):
            runs[-1].append(token)
        else:
            runs.append([])
    best = max(runs, key=len)
    if len(best) < 3 or sum(word.lower() not in _FUNCTION_WORDS for word in best) < 2:
        return None
    return " ".join(best)


def compile_pattern(source: str) -> re.Pattern[str]:
    """A regular expression for the lexicon's pattern syntax (see the data file's header)."""
    pieces: list[str] = []
    tokens = source.split(" ")
    for position, token in enumerate(tokens):
        last = position == len(tokens) - 1
        if token == GAP:
            pieces.append(_GAP_PATTERN + r"\s+")
            continue
        optional = token.endswith("?") and len(token) > 1
        words = "|".join(_word_pattern(w) for w in token.rstrip("?").split("|"))
        if optional:
            pieces.append(rf"(?:(?:{words})\s+)?")
        else:
            pieces.append(f"(?:{words})" + ("" if last else r"\s+"))
    return re.compile(r"(?<![\w-])" + "".join(pieces) + r"(?![\w-])", re.IGNORECASE)


def _word_pattern(word: str) -> str:
    escaped = re.escape(word).replace(r"\-", r"[-\s]").replace("'", "['’]")
    return escaped.replace("_", r"\s+")


def anchor_words(source: str) -> tuple[str, ...]:
    """The first words of the required token most likely to be rare: no function word among
    its alternatives, and the longest shortest word."""
    required = [
        [alternative.split("_")[0].lower() for alternative in token.split("|")]
        for token in source.split(" ")
        if token != GAP and not token.endswith("?")
    ]
    required = [
        words
        for words in required
        if all(_ANCHOR_WORD.fullmatch(w) and w not in _FUNCTION_WORDS for w in words)
    ]
    if not required:
        raise ValueError(f"lexicon pattern {source!r} has no plain required word")
    return tuple(max(required, key=lambda words: min(len(w) for w in words)))


def required_words(source: str) -> tuple[frozenset[str], ...]:
    """For each required token whose alternatives all start with a letter a-z: their first
    runs of a-z, in lower case. A sentence the pattern matches has one of each among its runs
    of a-z, once in lower case with re.IGNORECASE's other letters for a-z made a-z."""
    found: list[frozenset[str]] = []
    for token in source.split(" "):
        if token == GAP or (token.endswith("?") and len(token) > 1):
            continue
        runs = [_ANCHOR_WORD.match(alternative.lower()) for alternative in token.split("|")]
        if all(runs):
            found.append(frozenset(run.group() for run in runs if run))
    return tuple(found)


@cache
def calques_by_anchor() -> dict[str, tuple[Calque, ...]]:
    index: dict[str, list[Calque]] = {}
    for pattern, suggestions, chinese, kind, *_ in load_table(CALQUES_FILE).rows:
        calque = Calque(
            compile_pattern(pattern),
            tuple(s.strip() for s in suggestions.split("|") if s.strip()),
            chinese,
            kind,
            required_words(pattern),
            core_words(pattern),
        )
        for word in anchor_words(pattern):
            index.setdefault(word, []).append(calque)
    return {word: tuple(calques) for word, calques in index.items()}


@cache
def _calques_of_kind(kind: str) -> dict[str, tuple[Calque, ...]]:
    return {
        word: of_kind
        for word, calques in calques_by_anchor().items()
        if (of_kind := tuple(c for c in calques if c.kind == kind))
    }


# A sentence with anchor words: those in alphabetical order, and its words (see required_words).
Anchored = tuple[Sentence, list[str], tuple[str, ...]]


def _anchored_sentences(document: DocumentText) -> tuple[Anchored, ...]:
    by_anchor = calques_by_anchor()
    anchors = frozenset(by_anchor)
    # Of a sentence's words only those some calque requires are asked about (``_entries``):
    # the others are not kept, for every sentence of a book.
    required = _required_anywhere()
    found: list[Anchored] = []
    for sentence, runs in zip(
        document.sentences, document.shared(sentence_words).a_to_z, strict=True
    ):
        if anchors.isdisjoint(runs):
            continue
        words = set(runs)
        anchored = sorted(words & anchors)
        if not sentence.text.isascii():
            words = set(_ANCHOR_WORD.findall(_as_ignorecase_sees(sentence.text)))
        kept = tuple(words & required)
        # A sentence no calque can match (one of its required words missing) is not kept.
        if any(_has_required(calque, kept) for word in anchored for calque in by_anchor[word]):
            found.append((sentence, anchored, kept))
    return tuple(found)


def _has_required(calque: Calque, words: tuple[str, ...]) -> bool:
    return not any(alternatives.isdisjoint(words) for alternatives in calque.required)


@cache
def _required_anywhere() -> frozenset[str]:
    return frozenset(
        word
        for calques in calques_by_anchor().values()
        for calque in calques
        for alternatives in calque.required
        for word in alternatives
    )


def _as_ignorecase_sees(text: str) -> str:
    """``text`` in lower case with re.IGNORECASE's other letters for a-z made a-z."""
    for letter, ascii_letter in _IGNORECASE_OTHER_LETTERS:
        text = text.replace(letter, ascii_letter)
    return text.lower()


class LexiconDetector(Detector):
    """Entries of one kind of the calque lexicon found in a sentence."""

    kind: ClassVar[str]
    description: ClassVar[str]
    # A phrase flagged in one sentence is flagged wherever else the document says it.
    reach = Reach.DOCUMENT

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        found = _found(document, self.kind, self.description)
        flagged = [(sentence, hit) for sentence, _, hit in found]
        yield from flagged
        yield from self._echoes(document, document.whole(_places_of(self.kind)), flagged)

    def _echoes(
        self,
        document: DocumentText,
        found: dict[Calque, list[str]],
        flagged: list[tuple[Sentence, Hit]],
    ) -> Iterator[tuple[Sentence, Hit]]:
        """The core of each calque found (see core_words) wherever the whole calque is not:
        the same phrase must be flagged everywhere it occurs in the document."""
        cores = {f"c{number}": c for number, c in enumerate(c for c in found if c.core)}
        if not cores:
            return
        pattern = re.compile(
            "|".join(
                f"(?P<{name}>{compile_pattern(c.core or '').pattern})" for name, c in cores.items()
            ),
            re.IGNORECASE,
        )
        taken: dict[str, list[tuple[int, int]]] = {}
        for sentence, hit in flagged:
            taken.setdefault(sentence.id, []).append((hit.start, hit.end))
        # One message a calque, naming a few of its places: all of them made a book's
        # messages grow with the book, and their sum with its square.
        messages = {name: self._echo_message(c, found[c]) for name, c in cores.items()}
        for sentence in document.lines_matching(pattern):
            spans = taken.get(sentence.id, [])
            for match in pattern.finditer(sentence.text):
                if any(match.start() < e and s < match.end() for s, e in spans):
                    continue
                yield sentence, Hit(match.start(), match.end(), messages[match.lastgroup or ""])

    def _echo_message(self, calque: Calque, places: list[str]) -> str:
        ids = list(dict.fromkeys(places))
        where = id_list(ids) if len(ids) <= MOST_IDS else f"{len(ids)} sentences: {id_list(ids)}"
        return f"{self.description} ({calque.chinese}; in full in {where})"


def _found(
    document: DocumentText, kind: str, description: str
) -> Iterator[tuple[Sentence, Calque, Hit]]:
    """The calques of ``kind`` found in full, in the sentences' order, their hits described
    by ``description``."""
    index = _calques_of_kind(kind)
    for sentence, anchors, words in document.shared(_anchored_sentences):
        if not index.keys().isdisjoint(anchors):
            for calque, hit in _entries(sentence.text, anchors, words, index, description):
                yield sentence, calque, hit


def _entries(
    text: str,
    anchors: Iterable[str],
    words: tuple[str, ...],
    index: dict[str, tuple[Calque, ...]],
    description: str,
) -> Iterator[tuple[Calque, Hit]]:
    seen: set[int] = set()
    taken: list[tuple[int, int]] = []
    for word in anchors:
        for calque in index.get(word, ()):
            if id(calque) in seen:
                continue
            seen.add(id(calque))
            if not _has_required(calque, words):
                continue
            for match in calque.pattern.finditer(text):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                taken.append(match.span())
                yield (
                    calque,
                    Hit(
                        match.start(),
                        match.end(),
                        f"{description} ({calque.chinese})",
                        _suggestions(calque, match),
                    ),
                )


# Where each calque is found in full: the ids of its sentences, in order.
Places = dict[Calque, list[str]]


@cache
def _places_of(kind: str) -> Whole[Places]:
    """Where the calques of ``kind`` are found in full in the whole document (their echoes
    name them)."""

    def part(document: DocumentText) -> Places:
        places: Places = {}
        for sentence, calque, _ in _found(document, kind, ""):
            places.setdefault(calque, []).append(sentence.id)
        return places

    return Whole(part, _joined)


def _joined(places: Places, more: Places) -> Places:
    for calque, ids in more.items():
        places.setdefault(calque, []).extend(ids)
    return places


def _suggestions(calque: Calque, match: re.Match[str]) -> tuple[str, ...]:
    gap = match.groupdict().get("gap") or ""
    first = match.group().split(maxsplit=1)[0]
    return tuple(
        match_case(match.group(), _inflected_like(first, s.replace(GAP, gap.strip())))
        for s in calque.suggestions
    )


_VOWELS = "aeiou"


def _inflected_like(word: str, suggestion: str) -> str:
    """``suggestion`` with its first word in the form of ``word`` where ``word`` is that word
    inflected: "accelerated the speed of" → "accelerated", not "accelerate"; "communities
    of destiny" → "communities with …"."""
    head, space, rest = suggestion.partition(" ")
    lower = word.lower()
    if lower != head.lower() and lower in _inflections(head.lower()):
        return lower + space + rest
    return suggestion


def _inflections(base: str) -> frozenset[str]:
    """The regular -s, -ed and -ing forms of ``base`` (verb or noun)."""
    stem = base[:-1] if base.endswith("e") else base
    forms = {base + "s", base + "es", stem + "ed", stem + "ing"}
    if base.endswith("y") and len(base) > 2 and base[-2] not in _VOWELS:
        forms |= {base[:-1] + "ies", base[:-1] + "ied"}
    if (
        len(base) > 2
        and base[-1] not in _VOWELS + "wxy"
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
    ):
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return frozenset(forms)


class SetPhrase(LexiconDetector):
    """A Chinese political or diplomatic set phrase in a non-standard literal rendering.

    Official English exists for these ("community with a shared future for mankind", "the
    Belt and Road Initiative"); a word-for-word rendering ("community of human destiny") reads
    oddly and may misstate the policy. The suggestion is the official rendering.
    """

    rule = "MT_SET_PHRASE"
    category = Category.WORDING
    mqm = MqmClass.MISTRANSLATION
    severity = Severity.MINOR
    kind = "term"
    description = "Literal rendering of a set phrase; the official English differs"


class IdiomCalque(LexiconDetector):
    """A Chinese idiom or saying translated word for word ("start a new stove").

    A chengyu rendered literally loses its meaning for an English reader, and MT sometimes
    garbles the saying itself ("those who follow it will die"); the suggestion is an English
    equivalent or the meaning.
    """

    rule = "MT_IDIOM_CALQUE"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.MISTRANSLATION
    severity = Severity.MAJOR
    kind = "idiom"
    description = "Chinese idiom translated word for word"


class LiteralPhrasing(LexiconDetector):
    """Chinese phrasing kept in English words ("give full play to", "with X as the core").

    Such calques are grammatical but wordy or odd, the marks of translationese that readers
    notice; the suggestion is the idiomatic English.
    """

    rule = "MT_LITERAL_PHRASING"
    category = Category.WORDING
    mqm = MqmClass.AWKWARD
    severity = Severity.MINOR
    # Off by default: measured under 0.3 span precision (README, "How well the fluency flags
    # work"); `[fluency] on` brings it back.
    default_on = False
    kind = "phrasing"
    description = "Literal phrasing from Chinese"
