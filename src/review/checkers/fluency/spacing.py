"""Spaces around punctuation: missing after it, stray before it, stray inside quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise
from operator import or_

from review.checkers.fluency.base import Detector, Hit, Reach
from review.checkers.fluency.document_text import DocumentText, Trigger, Whole
from review.checkers.fluency.quotes import Mark, paragraph_marks
from review.flags import Category, MqmClass, Severity
from review.segment import Sentence

# A mark glued to the next word: ",When", ";but", "end.The". After a full stop only a
# capital followed by a small letter counts, and only after a lower-case word of two letters
# or more, so that abbreviations (U.S., e.g., Chem.Weapons, Dr.Li) and decimals (3.5) stay
# silent.
_GLUED = re.compile(r"(?<=[\w)\]\"”’])[,;:!?](?=[A-Za-z])|(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_WORD_BEFORE_STOP = re.compile(r"[^\W\d_]+$")
_MARK_THEN_LETTER = Trigger(",;:!?.", "[A-Za-z]")
# Tokens that legitimately have marks inside: URLs, e-mail addresses, paths, code.
_MACHINE_TOKEN = re.compile(r"://|www\.|@|::|[/\\=_]")
_TOKEN = re.compile(r"\S+")
# A capitalised word after a comma or semicolon and the space the fix puts there.
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[,;] )[A-Z][a-z]+\b")
_LOWER_CASE_WORD = re.compile(r"(?<![^\W\d_])[a-z]+(?![^\W\d_])")


class MissingSpace(Detector):
    """No space after a comma, semicolon, colon or full stop before the next word ("2015,When").

    Chinese punctuation carries its own width, so MT from Chinese (and careless
    detokenisation) glues the next word to the mark. Numbers (1,000; 3.5; 10:30),
    abbreviations (U.S.) and URLs are left alone.
    """

    rule = "MT_SPACE_MISSING"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.TYPOGRAPHY
    severity = Severity.MINOR
    reach = Reach.PARAGRAPH
    trigger = _MARK_THEN_LETTER

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for sentence, hit in super().scan_document(document):
            yield sentence, _in_case(hit, document) if self.settings.ranked else hit
        # The segmenter may split "ended.The" into two sentences with nothing between them.
        for sentence, following in pairwise(document.sentences):
            if following.start == sentence.end and following.paragraph == sentence.paragraph:
                glued = _glued_to_next(sentence.text, following.text)
                if glued is not None:
                    yield sentence, glued

    def scan(self, text: str) -> Iterator[Hit]:
        # A mark glued inside a token is glued in the sentence too: only the tokens that hold
        # one of the sentence's glued marks need a closer look (most sentences have none).
        marks = [m.start() for m in _GLUED.finditer(text)]
        next_mark = 0
        for token in _TOKEN.finditer(text):
            if next_mark == len(marks):
                return
            if marks[next_mark] >= token.end():
                continue
            while next_mark < len(marks) and marks[next_mark] < token.end():
                next_mark += 1
            word = token.group()
            if _MACHINE_TOKEN.search(word):
                continue
            glued = [m.end() for m in _GLUED.finditer(word) if not _abbreviation(word, m)]
            if not glued:
                continue
            fixed = word
            for cut in reversed(glued):
                fixed = fixed[:cut] + " " + fixed[cut:]
            yield Hit(token.start(), token.end(), "Missing space after punctuation", (fixed,))


def _in_case(hit: Hit, document: DocumentText) -> Hit:
    """A capital glued after a comma or semicolon is a word mid-sentence ("2015,When"): the
    fix writes it in lower case when the document writes that word in lower case elsewhere
    (a common word, not a name), and offers the capital second."""
    fixed = hit.replacements[0]
    lowered = _MID_SENTENCE_CAPITAL.sub(lambda m: m.group().lower(), fixed)
    if lowered == fixed:
        return hit
    words = frozenset(_capital_words(fixed))
    if not words <= document.whole(_LOWER_CASE_WORDS):
        return hit
    return replace(hit, replacements=(lowered, fixed))


def _capital_words(text: str) -> Iterator[str]:
    return (m.group().lower() for m in _MID_SENTENCE_CAPITAL.finditer(text))


def _lower_case_words(document: DocumentText) -> frozenset[str]:
    return frozenset(_LOWER_CASE_WORD.findall(document.lines))


# The words the document writes in lower case somewhere.
_LOWER_CASE_WORDS = Whole(_lower_case_words, or_)


def _abbreviation(word: str, mark: re.Match[str]) -> bool:
    """A full stop after a word with a capital in it: "Chem.Weapons", "Dr.Li"."""
    before = _WORD_BEFORE_STOP.search(word, 0, mark.start())
    return mark.group() == "." and before is not None and not before.group().islower()


def _glued_to_next(text: str, following: str) -> Hit | None:
    """The segmenter split "ended.The" into two sentences with no gap between them."""
    last = text.split()[-1] if text.split() else ""
    joined = last + following[:2]
    glued = [m for m in _GLUED.finditer(joined) if not _abbreviation(joined, m)]
    if not glued or _MACHINE_TOKEN.search(last):
        return None
    return Hit(
        len(text) - len(last),
        len(text),
        "Missing space before the next sentence",
        (last + " ",),
    )


# A space before , ; : ! ? or a single full stop that ends a clause (not ".NET", not "...").
_SPACE_BEFORE = re.compile(r"(\S+)([ \t\u00a0]+)([,;:!?]|\.(?!\.))(?=$|\s|[\"”’)\]])")
# A space before a mark, found from the mark (rarer than a space).
_SPACE_THEN_MARK = Trigger(",;:!?.", r"(?<=\s.)")


class SpaceBeforePunctuation(Detector):
    """A space before a comma, semicolon, colon, question or exclamation mark or full stop.

    Tokenised MT output and text converted from CJK punctuation leave "word ," and "word ."
    behind; in English the mark sits on the word.
    """

    rule = "MT_SPACE_BEFORE_PUNCT"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.TYPOGRAPHY
    severity = Severity.MINOR
    trigger = _SPACE_THEN_MARK

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _SPACE_BEFORE.finditer(text):
            word, _, mark = match.groups()
            if word in ("-", "–", "—") or word.endswith("..."):
                continue
            yield Hit(
                match.start(),
                match.end(),
                f"Space before {mark!r}",
                (word + mark,),
            )


class SpaceInsideQuotes(Detector):
    """Spaces just inside quotation marks or brackets: ‘ Don’t do it ’, ( see above ).

    A common artefact of tokenised MT output and of converting CJK quotation marks; in
    English the marks hug what they enclose. A quotation within one sentence is flagged whole,
    with the trimmed quotation as the suggestion; a mark whose partner is in another sentence
    is flagged with the word next to it.
    """

    rule = "MT_SPACE_INSIDE_QUOTES"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.TYPOGRAPHY
    severity = Severity.MINOR
    reach = Reach.PARAGRAPH

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for paragraph, marks in paragraph_marks(document):
            yield from _spaced_quotations(paragraph, marks)


def _spaced_quotations(
    sentences: Sequence[Sentence], marks: Sequence[Mark]
) -> Iterator[tuple[Sentence, Hit]]:
    reported: set[int] = set()
    for mark in marks:
        text = sentences[mark.sentence].text
        if id(mark) in reported or not _spaced_inside(text, mark):
            continue
        partner = mark.partner
        if partner is not None and partner.sentence == mark.sentence:
            reported.add(id(partner))
            opener, closer = (mark, partner) if mark.opening else (partner, mark)
            hit = _whole_quotation(text, opener.position, closer.position)
        else:
            hit = _one_side(text, mark)
        yield sentences[mark.sentence], hit


def _spaced_inside(text: str, mark: Mark) -> bool:
    if mark.opening:
        after = text[mark.position + 1 : mark.position + 2]
        return after.isspace() and bool(text[mark.position + 1 :].strip())
    before = text[mark.position - 1 : mark.position]
    return before.isspace() and bool(text[: mark.position].strip())


def _whole_quotation(text: str, opener: int, closer: int) -> Hit:
    inner = text[opener + 1 : closer].strip()
    return Hit(
        opener,
        closer + 1,
        "Space inside quotation marks or brackets",
        (text[opener] + inner + text[closer],),
    )


def _one_side(text: str, mark: Mark) -> Hit:
    if mark.opening:
        rest = text[mark.position + 1 :]
        word = _TOKEN.search(rest)
        end = mark.position + 1 + (word.end() if word else len(rest))
        replacement = mark.char + text[mark.position + 1 : end].lstrip()
        return Hit(mark.position, end, "Space after an opening mark", (replacement,))
    head = text[: mark.position].rstrip()
    start = head.rfind(" ") + 1
    replacement = head[start:] + mark.char
    return Hit(start, mark.position + 1, "Space before a closing mark", (replacement,))
