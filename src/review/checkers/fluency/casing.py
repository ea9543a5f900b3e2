"""Capital letters in the wrong place: proper nouns in lower case, capitals inside words."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from itertools import chain

from review.checkers.fluency.base import Detector, Hit, Reach, document_scan
from review.checkers.fluency.data import load_table
from review.checkers.fluency.document_text import DocumentText, Trigger, Whole
from review.checkers.fluency.words import sentence_words
from review.flags import Category, MqmClass, Severity
from review.segment import Sentence

PROPER_NOUNS_FILE = "proper_nouns.tsv"
_WORD = re.compile(r"[^\W\d_]+")
# A name inside a URL, an address, a hashtag or a file name is not prose.
_TECHNICAL_BEFORE = frozenset("@#/._-\\")
_TECHNICAL_AFTER = frozenset("@/_-\\")


@cache
def _names_by_key_word() -> dict[str, tuple[tuple[str, int], ...]]:
    """(name, offset of the key word in it) by key word: the name's longest word in lower
    case. A miscased name almost always writes that word in lower case, so only sentences
    with one of these words in lower case need a closer look."""
    index: dict[str, list[tuple[str, int]]] = {}
    for row in load_table(PROPER_NOUNS_FILE).rows:
        name = row[0]
        key = max(_WORD.finditer(name), key=lambda m: (len(m.group()), m.start()))
        index.setdefault(key.group().lower(), []).append((name, key.start()))
    return {word: tuple(names) for word, names in index.items()}


@lru_cache(maxsize=1024)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])")


class ProperNounCase(Detector):
    """A known proper noun written in lower case: "new york", "beijing", "nepali", "monday".

    MT systems trained on lower-cased text, or copying a name they did not recognise, lose
    the capitals that tell a reader a word is a name. Names come from a versioned list of
    countries, regions, cities, organisations, peoples and languages, days and months; names
    that are also ordinary lower-case words (china, turkey, may) are not on it. A name in
    capitals (a headline) and a sentence-initial "New" before an ordinary word stay silent.
    """

    rule = "MT_PROPER_NOUN_CASE"
    category = Category.CAPITALIZATION
    mqm = MqmClass.SPELLING
    severity = Severity.MINOR
    reach = Reach.DOCUMENT

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        keys = frozenset(_names_by_key_word())
        runs = document.shared(sentence_words).a_to_z
        for sentence, words in zip(document.sentences, runs, strict=True):
            # A key word in lower case is a run of a-z also once the sentence is in lower case;
            # which of the keys there are in lower case is _miscased_names's to find.
            if not keys.isdisjoint(words):
                for hit in _miscased_names(sentence.text, keys.intersection(words)):
                    yield sentence, hit


def _miscased_names(text: str, keys: Iterable[str]) -> Iterator[Hit]:
    index = _names_by_key_word()
    lowered = text.lower()
    found: dict[int, tuple[int, str]] = {}
    for key in keys:
        # Substring searches rule out most sentences before any closer look: the key word
        # may be there only with a capital ("World Bank"), or without the rest of its name
        # ("the world"). (Names are in ASCII, whose lower case letter by letter is the lower
        # case of the whole.)
        if key not in text:
            continue
        names = [(name, offset) for name, offset in index[key] if name.lower() in lowered]
        if not names:
            continue
        for match in _word_pattern(key).finditer(text):
            for name, offset in names:
                start = match.start() - offset
                end = start + len(name)
                written = text[max(start, 0) : end]
                if (
                    start >= 0
                    and written.lower() == name.lower()
                    and _standalone(text, start, end)
                    and _miscased(written, name)
                    and len(name) > len(found.get(start, (0, ""))[1])
                ):
                    found[start] = (end, name)
    taken = 0
    for start, (end, name) in sorted(found.items()):
        if start >= taken:  # "south africa" is one name, not also "africa"
            taken = end
            yield Hit(start, end, f"Proper noun in lower case: {name}", (name,))


def _standalone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() or after.isalnum() or before in _TECHNICAL_BEFORE:
        return False
    if after in _TECHNICAL_AFTER:
        return False
    return not (after == "." and text[end + 1 : end + 2].isalnum())


def _miscased(written: str, name: str) -> bool:
    """A word of the name is all lower case where the name has a capital, and none is all
    capitals (a headline or an acronym style)."""
    pairs = list(zip(_WORD.findall(written), _WORD.findall(name), strict=True))
    if any(w.isupper() and len(w) > 1 for w, _ in pairs):
        return False
    return any(w.islower() and not n.islower() for w, n in pairs)


# A small letter followed by a capital inside a word ("ertsherDug", "hutsapsut'S"): the
# capitals of a truecasing step gone wrong. Product names with a one-letter prefix (iPhone,
# eBay) do not match, and units and terms like mmHg, kWh, mRNA, macOS are real words.
_INNER_CAPITAL = re.compile(r"(?<![\w'’])[a-z]{2,}[A-Z][\w]*|(?<=[a-z])['’]S(?![\w'’])")
# A capital after a small letter, maybe with an apostrophe between: what both alternatives
# above contain, found from the capital.
_SMALL_THEN_CAPITAL = Trigger("A-Z", "(?:(?<=[a-z].)|(?<=[a-z]['’].))")
_UNIT_WORD = re.compile(r"[a-z]{1,4}(?:RNA|DNA|OS|Hg|Pa|Hz|Wh)s?")
_KNOWN_MIXED_CASE = frozenset({"watchOS", "iPadOS", "visionOS"})


class OddCase(Detector):
    """A capital letter inside a lower-case word ("ertsherDug") or a capital possessive "'S".

    Truecasing in MT pipelines sometimes capitalises the wrong letter; "king'S" or a word
    with a capital in the middle is noise a reader trips over, and grammar checkers skip
    such tokens as unknown words. Known mixed-case terms (macOS, mRNA, mmHg) stay silent.
    """

    rule = "MT_ODD_CASE"
    category = Category.CAPITALIZATION
    mqm = MqmClass.SPELLING
    severity = Severity.MINOR
    trigger = _SMALL_THEN_CAPITAL

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _INNER_CAPITAL.finditer(text):
            token = match.group()
            if token in _KNOWN_MIXED_CASE or _UNIT_WORD.fullmatch(token):
                continue
            if token[-1] == "S" and token[0] in "'’":
                yield Hit(match.start(), match.end(), "Capital S in a possessive", (token.lower(),))
            else:
                yield Hit(match.start(), match.end(), "Capital letter inside a word")


# A capitalised word between two lower-case words, or after a comma: "very, very Different".
_MID_CAPITAL = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?=[ ,;.!?]|$)")
_CAPITAL_THEN_SMALL = Trigger("A-Z", r"(?<=[a-z,] .)(?=[a-z])")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_PREVIOUS_WORD = re.compile(r"[^\W\d_]+(?=,? $)")


class MidSentenceCapital(Detector):
    """A common word capitalised in mid-sentence ("very, very Different").

    Truecasing and segment joins leave a capital where a sentence once began, and MT copies
    capitals of emphasis from the source. Only a slip counts: a word the document writes in
    lower case at least three times as often as capitalised (anywhere), with
    the word before it not capitalised and the one after it neither (not a title or a name of
    several words), and no known name. A word capitalised on purpose (Earth, the Party) is
    capitalised again elsewhere.
    """

    rule = "MT_MID_CAPITAL"
    category = Category.CAPITALIZATION
    mqm = MqmClass.SPELLING
    severity = Severity.MINOR
    reach = Reach.DOCUMENT
    trigger = _CAPITAL_THEN_SMALL

    def scan(self, text: str) -> Iterator[Hit]:
        return document_scan(self, text)

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        counts: tuple[Counter[str], Counter[str]] | None = None
        for sentence in document.matching(self.trigger):
            text = sentence.text
            for match in _MID_CAPITAL.finditer(text):
                word = match.group()
                after = text[match.end() + 1 : match.end() + 2]
                before = _PREVIOUS_WORD.search(text[max(0, match.start() - 40) : match.start()])
                if (
                    after.isupper()
                    or (before is not None and not before.group().islower())
                    or word.lower() in _names_by_key_word()
                ):
                    continue
                if counts is None:
                    counts = document.whole(_CASE_COUNTS)
                folded, capitalised = counts
                if folded[word.lower()] - capitalised[word] >= 3 * capitalised[word]:
                    yield (
                        sentence,
                        Hit(
                            match.start(),
                            match.end(),
                            "Capital letter on a common word in mid-sentence",
                            (word.lower(),),
                        ),
                    )


def _case_counts(document: DocumentText) -> tuple[Counter[str], Counter[str]]:
    """How often each word is written in any case (in lower case, from the words the
    detectors share), and how often capitalised."""
    folded = Counter(chain.from_iterable(document.shared(sentence_words).lower))
    return folded, Counter(_CAPITALISED.findall(document.lines))


def _added(
    counts: tuple[Counter[str], Counter[str]], more: tuple[Counter[str], Counter[str]]
) -> tuple[Counter[str], Counter[str]]:
    for total, part in zip(counts, more, strict=True):
        total.update(part)
    return counts


# The whole document's counts: a word's are the same in every batch it is in.
_CASE_COUNTS = Whole(_case_counts, _added)
