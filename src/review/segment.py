"""Sentence segmentation with exact spans, using LanguageTool's SRX rules (via choppa)."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from choppa import SrxDocument

# Part of the key of cached segmentations: change it whenever the boundaries may change.
SEGMENTER_VERSION = "choppa-1.0.0/languagetool-srx/review-2"

# Segmenting goes a chunk of whole paragraphs of about this many characters at a time.
CHUNK_CHARS = 100_000

_PARAGRAPH = re.compile(r"[^\r\n]+")
# A full stop of the source script (and the quotes that close over it) ends an English
# sentence just as "." does; LanguageTool's English rules only know the Latin stop.
_CJK_STOP = re.compile(r"[。！？][”’\"」』）)]*(?=\s+\S)")
_CLOSING_QUOTES = "”」』"
_WORDISH = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == document_text[start:end]``; ``paragraph`` counts from 1.

    In a bilingual file ``unit`` is the id of the unit the sentence is in and ``source`` the
    source text it translates (the unit's, or its segment's when the file is segmented); both
    are "" in a plain text."""

    id: str
    start: int
    end: int
    paragraph: int
    text: str
    unit: str = ""
    source: str = ""


def id_range(sentences: Sequence[Sentence]) -> str:
    """What ids there are, for a message: "s1…s20" (the first and the last)."""
    if not sentences:
        return "no sentences"
    return f"{sentences[0].id}…{sentences[-1].id}"


@cache
def _srx() -> SrxDocument:
    # Imported here: choppa brings xmlschema, a third of a second that a cached run skips.
    from choppa import DEFAULT_SRX_RULESET, SrxDocument

    document = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    # A break rule with an empty "before" is searched for at every character (two thirds of
    # the segmenting time); anchoring it as a lookahead on its "after" finds the same breaks.
    for language_map in document.language_map_list:
        rules = language_map.language_rule.rules
        for index, rule in enumerate(rules):
            if rule.is_break and not rule.before_pattern and rule.after_pattern:
                rules[index] = rule._replace(before_pattern=f"(?={rule.after_pattern})")
    return document


def segment(text: str, language: str = "en") -> tuple[Sentence, ...]:
    """Split ``text`` into sentences; what lies between them is whitespace only.

    Each line is a paragraph (so a heading is its own sentence); within a line the SRX rules
    decide, and two repairs keep quotations readable: a closing quote that SRX left at the
    start of the next sentence goes back to the sentence it closes, and a piece with no word
    character in it joins the sentence before it.
    """
    return tuple(s for chunk in iter_segments(text, language) for s in chunk)


def iter_segments(
    text: str, language: str = "en", chunk_chars: int = CHUNK_CHARS
) -> Iterator[tuple[Sentence, ...]]:
    """The sentences of ``segment(text)``, a chunk of whole paragraphs at a time, so that a
    long book can be shown while the rest is still being segmented."""
    counts = [0, 0]  # sentences and paragraphs so far
    start = 0
    while start < len(text):
        end = text.find("\n", min(start + chunk_chars, len(text)))
        end = len(text) if end == -1 else end + 1
        yield _segment_chunk(text, start, end, language, counts)
        start = end


def _segment_chunk(
    text: str, chunk_start: int, chunk_end: int, language: str, counts: list[int]
) -> tuple[Sentence, ...]:
    # One SRX pass over the chunk: per paragraph, setting up the rules costs more than the
    # matching.
    chunk = text[chunk_start:chunk_end]
    breaks = sorted(_srx_breaks(chunk, language) | {m.end() for m in _CJK_STOP.finditer(chunk)})
    sentences: list[Sentence] = []
    for match in _PARAGRAPH.finditer(chunk):
        counts[1] += 1
        offset = match.start()
        inner = breaks[bisect_right(breaks, offset) : bisect_left(breaks, match.end())]
        for start, end in _sentence_spans(match.group(), [b - offset for b in inner]):
            counts[0] += 1
            sentences.append(
                Sentence(
                    id=f"s{counts[0]}",
                    start=chunk_start + offset + start,
                    end=chunk_start + offset + end,
                    paragraph=counts[1],
                    text=chunk[offset + start : offset + end],
                )
            )
    return tuple(sentences)


def _sentence_spans(paragraph: str, breaks: list[int]) -> list[tuple[int, int]]:
    breaks = _return_closing_quotes(paragraph, breaks)
    spans = _stripped_spans(paragraph, [0, *breaks, len(paragraph)])
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not _WORDISH.search(paragraph, start, end):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _srx_breaks(text: str, language: str) -> set[int]:
    from choppa import SrxTextIterator

    breaks: set[int] = set()
    position = 0
    for piece in SrxTextIterator(_srx(), language, text):
        position += len(piece)
        breaks.add(position)
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
