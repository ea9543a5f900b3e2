"""Sentence segmentation with exact spans, using LanguageTool's SRX rules (via choppa)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from choppa import DEFAULT_SRX_RULESET, SrxDocument, SrxTextIterator

_PARAGRAPH = re.compile(r"[^\r\n]+")
# A full stop of the source script (and the quotes that close over it) ends an English
# sentence just as "." does; LanguageTool's English rules only know the Latin stop.
_CJK_STOP = re.compile(r"[。！？][”’\"」』）)]*(?=\s+\S)")
_CLOSING_QUOTES = "”」』"
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == document_text[start:end]``; ``paragraph`` counts from 1."""

    id: str
    start: int
    end: int
    paragraph: int
    text: str


@cache
def _srx() -> SrxDocument:
    return SrxDocument(ruleset=DEFAULT_SRX_RULESET)


def segment(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; what lies between them is whitespace only.

    Each line is a paragraph (so a heading is its own sentence); within a line the SRX rules
    decide, and two repairs keep quotations readable: a closing quote that SRX left at the
    start of the next sentence goes back to the sentence it closes, and a piece with no word
    character in it joins the sentence before it.
    """
    sentences: list[Sentence] = []
    for paragraph, match in enumerate(_PARAGRAPH.finditer(text), start=1):
        for start, end in _sentence_spans(match.group(), language):
            offset = match.start()
            sentences.append(
                Sentence(
                    id=f"s{len(sentences) + 1}",
                    start=offset + start,
                    end=offset + end,
                    paragraph=paragraph,
                    text=text[offset + start : offset + end],
                )
            )
    return tuple(sentences)


def _sentence_spans(paragraph: str, language: str) -> Iterator[tuple[int, int]]:
    breaks = _srx_breaks(paragraph, language)
    breaks |= {m.end() for m in _CJK_STOP.finditer(paragraph)}
    breaks = _return_closing_quotes(paragraph, sorted(breaks))
    spans = _stripped_spans(paragraph, [0, *breaks, len(paragraph)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not _WORDISH.search(paragraph, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return iter(merged)


def _srx_breaks(paragraph: str, language: str) -> set[int]:
    breaks: set[int] = set()
    position = 0
    for piece in SrxTextIterator(_srx(), language, paragraph):
        position += len(piece)
        breaks.add(position)
    breaks.discard(len(paragraph))
    return breaks


def _return_closing_quotes(paragraph: str, breaks: list[int]) -> list[int]:
    """Move a break that falls just before a closing quote (and its space) to after it."""
    moved: list[int] = []
    quote_open = False
    previous = 0
    for position in breaks:
        quote_open ^= paragraph.count('"', previous, position) % 2 == 1
        rest = paragraph[position:]
        stripped = rest.lstrip()
        head = len(rest) - len(stripped)
        first = stripped[:1]
        if first and (first in _CLOSING_QUOTES or (first == '"' and quote_open)):
            after = stripped[1:2]
            if after == "" or after.isspace():
                if first == '"':
                    quote_open = False
                position += head + 1
        moved.append(position)
        previous = max(previous, position)
    return moved


def _stripped_spans(paragraph: str, cuts: list[int]) -> Iterator[tuple[int, int]]:
    for start, end in itertools.pairwise(cuts):
        piece = paragraph[start:end]
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            yield start + left, start + right
