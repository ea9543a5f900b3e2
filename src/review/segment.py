"""Sentence segmentation with exact spans, using LanguageTool's SRX rules (via choppa), and the
editor's corrections of it (``Resegmentation``: sentences merged or split)."""

from __future__ import annotations

import importlib
import itertools
import re
import sys
import types
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from review.built_once import built_once

if TYPE_CHECKING:
    from choppa import SrxDocument

# Part of the key of cached segmentations: change it whenever the boundaries may change.
SEGMENTER_VERSION = "choppa-1.0.0/languagetool-srx/review-2"

# Segmenting goes a chunk of whole paragraphs of about this many characters at a time.
CHUNK_CHARS = 100_000

# A paragraph: a line (as the editor sees one: other separators, such as U+2028, are within it).
PARAGRAPH = re.compile(r"[^\r\n]+")
# A full stop of the source script (and the quotes that close over it) ends an English
# sentence just as "." does; LanguageTool's English rules only know the Latin stop.
_CJK_STOP = re.compile(r"[。！？][”’\"」』）)]*(?=\s+\S)")
_CLOSING_QUOTES = "”」』"
_WORDISH = re.compile(r"\w")


# Fields of a frozen dataclass are set through object's own method.
_set = object.__setattr__


@dataclass(frozen=True, slots=True, init=False, repr=False, eq=False)
class Sentence:
    """One sentence: ``text == document_text[start:end]``; ``paragraph`` counts from 1.

    In a bilingual file ``unit`` is the id of the unit the sentence is in and ``source`` the
    source text it translates (the unit's, or its segment's when the file is segmented); both
    are "" in a plain text.

    ``Sentence(id, start, end, paragraph, text)`` holds its own text; ``Sentence.within``
    holds the document's text (shared by all its sentences) and cuts its own out when asked:
    a book's sentences each holding a copy of their text were the text over again (90 MB of a
    60 MB book). ``dataclasses.replace`` works on both; a sentence within its document moved
    with it (new ``start``, ``end``) is the document's text there.
    """

    id: str
    start: int
    end: int
    paragraph: int
    unit: str
    source: str
    # The sentence's own text, or (``_within``) the whole text it is in.
    _text: str
    _within: bool

    def __init__(
        self,
        id: str,
        start: int,
        end: int,
        paragraph: int,
        text: str | None = None,
        unit: str = "",
        source: str = "",
        *,
        _text: str = "",
        _within: bool = False,
    ) -> None:
        if text is not None:
            _text, _within = text, False
        # One call a field, not a loop over them: the judging of suggestions makes a sentence
        # of every candidate text, tens of thousands in a book.
        _set(self, "id", id)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "paragraph", paragraph)
        _set(self, "unit", unit)
        _set(self, "source", source)
        _set(self, "_text", _text)
        _set(self, "_within", _within)

    @classmethod
    def within(
        cls,
        document_text: str,
        id: str,
        start: int,
        end: int,
        paragraph: int,
        unit: str = "",
        source: str = "",
    ) -> Sentence:
        """The sentence ``document_text[start:end]``, holding the document's text, not a copy
        of its own."""
        return cls(id, start, end, paragraph, None, unit, source, _text=document_text, _within=True)

    @property
    def text(self) -> str:
        return self._text[self.start : self.end] if self._within else self._text

    def placed(self, document_text: str, start: int, end: int) -> Sentence:
        """This sentence at ``document_text[start:end]`` (an edited or tag-free text), holding
        that text, not a copy of its own."""
        return Sentence.within(
            document_text, self.id, start, end, self.paragraph, self.unit, self.source
        )

    def _key(self) -> tuple[str, int, int, int, str, str, str]:
        return (self.id, self.start, self.end, self.paragraph, self.text, self.unit, self.source)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sentence):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Sentence(id={self.id!r}, start={self.start!r}, end={self.end!r}, "
            f"paragraph={self.paragraph!r}, text={self.text!r}, unit={self.unit!r}, "
            f"source={self.source!r})"
        )


def id_range(sentences: Sequence[Sentence]) -> str:
    """What ids there are, for a message: "s1…s20" (the first and the last)."""
    if not sentences:
        return "no sentences"
    return f"{sentences[0].id}…{sentences[-1].id}"


# The most ids a message names (``id_list``).
MOST_IDS = 5


def id_list(ids: Sequence[str]) -> str:
    """Ids for a message, at most ``MOST_IDS`` of them: "s1, s4, s9, s16, s25, …" when there
    are more (a book's list would make each message as long as the book)."""
    return ", ".join(ids[:MOST_IDS]) + (", …" if len(ids) > MOST_IDS else "")


class _ImportedWhenUsed(types.ModuleType):
    """Stands for a module not imported yet: the first attribute read imports it (the real
    module then takes its place in ``sys.modules``) and every read is answered by it."""

    def __getattr__(self, attribute: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), attribute)


def _import_choppa() -> None:
    """Import choppa (here, not with this module: a cached run never segments). It imports
    xmlschema only to validate a ruleset, which is not asked for here: imported when used, it
    never is (a fifth of a second of the first segmenting, which LanguageTool's first requests
    of a check share the processor with)."""
    sys.modules.setdefault("xmlschema", _ImportedWhenUsed("xmlschema"))
    import choppa  # noqa: F401


@cache
def _srx() -> SrxDocument:
    """The SRX rules, compiled once per machine (``review.built_once``)."""
    _import_choppa()
    import choppa
    import regex  # type: ignore[import-untyped]

    version = f"{SEGMENTER_VERSION} choppa {choppa.__version__} regex {regex.__version__}"
    return built_once("srx", version, _compiled_srx, choppa.SrxDocument)


def _compiled_srx() -> SrxDocument:
    from choppa import DEFAULT_SRX_RULESET, SrxDocument, SrxTextIterator

    document = SrxDocument(ruleset=DEFAULT_SRX_RULESET)
    # A break rule with an empty "before" is searched for at every character (two thirds of
    # the segmenting time); anchoring it as a lookahead on its "after" finds the same breaks.
    for language_map in document.language_map_list:
        rules = language_map.language_rule.rules
        for index, rule in enumerate(rules):
            if rule.is_break and not rule.before_pattern and rule.after_pattern:
                rules[index] = rule._replace(before_pattern=f"(?={rule.after_pattern})")
    # The rules are compiled as a language first segments; kept compiled for the default one.
    list(SrxTextIterator(document, "en", "."))
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
    for match in PARAGRAPH.finditer(chunk):
        counts[1] += 1
        offset = match.start()
        inner = breaks[bisect_right(breaks, offset) : bisect_left(breaks, match.end())]
        for start, end in _sentence_spans(match.group(), [b - offset for b in inner]):
            counts[0] += 1
            sentences.append(
                Sentence.within(
                    text,
                    # Interned: a flag read back from JSON shares it (``Flag.from_json``).
                    sys.intern(f"s{counts[0]}"),
                    chunk_start + offset + start,
                    chunk_start + offset + end,
                    counts[1],
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
    _import_choppa()
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


_SPLIT_ID = re.compile(r"(.+)-([1-9][0-9]*)")


@dataclass(frozen=True, slots=True)
class Resegmentation:
    """The editor's corrections to where the segmenter's sentences start.

    ``joined``: ids of the segmenter's sentences that start no sentence any more (each is part
    of the one before it). ``split``: ids of sentences that start inside one of the
    segmenter's: ``<its id>-<offset>``, the offset counted in code points into that sentence's
    original text. Named by where they start, every sentence keeps its id whatever is split
    or merged elsewhere, and the same split always gets the same id.
    """

    joined: frozenset[str] = frozenset()
    split: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.joined or self.split)

    def without_start(self, sentence_id: str) -> Resegmentation:
        """The sentence ``sentence_id`` joined to the one before it."""
        if _SPLIT_ID.fullmatch(sentence_id):
            return Resegmentation(self.joined, self.split - {sentence_id})
        return Resegmentation(self.joined | {sentence_id}, self.split)

    def with_start(self, segmented: Sentence, position: int) -> Resegmentation:
        """A sentence starting at ``position`` of the text, in the segmenter's ``segmented``."""
        if position == segmented.start:
            return Resegmentation(self.joined - {segmented.id}, self.split)
        return Resegmentation(
            self.joined, self.split | {f"{segmented.id}-{position - segmented.start}"}
        )

    def to_json(self) -> dict[str, list[str]]:
        """Sorted as the ids read (s9 before s10), so that equal values give equal JSON."""
        return {
            "joined": sorted(self.joined, key=natural_order),
            "split": sorted(self.split, key=natural_order),
        }

    @classmethod
    def from_json(cls, data: object) -> Resegmentation:
        """Raises ValueError (with what is wrong) on anything but what ``to_json`` writes."""
        if not (isinstance(data, dict) and set(data) <= {"joined", "split"}):
            raise ValueError(f"not a segmentation: {data!r}")
        lists = [data.get("joined", []), data.get("split", [])]
        if not all(isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in lists):
            raise ValueError(f"not a segmentation: {data!r}")
        joined, split = lists
        bad = [i for i in split if not _SPLIT_ID.fullmatch(i)]
        if bad:
            raise ValueError(f"{bad[0]!r} is not the id of a split (ID-OFFSET)")
        return cls(frozenset(joined), frozenset(split))


def natural_order(sentence_id: str) -> list[tuple[int, str]]:
    """A sort key that puts ids as they read: s9 before s10, s12 before s12-40."""
    return [(int(p), "") if p.isdigit() else (-1, p) for p in re.split(r"(\d+)", sentence_id)]


def resegmented(
    text: str, segmented: Sequence[Sentence], override: Resegmentation
) -> tuple[Sentence, ...]:
    """The sentences of ``text`` once ``override`` corrects the segmenter's ``segmented``.

    A joined sentence runs on with the gap before it (whitespace) into the sentence before it;
    a split cuts a sentence after a space. Raises ValueError (what is wrong) on an override
    that does not fit these sentences: an id it does not have, a join across a line break or
    units, a split not after a space."""
    if not override:
        return tuple(segmented)
    index = {s.id: i for i, s in enumerate(segmented)}
    joined: set[int] = set()
    for sentence_id in override.joined:
        i = index.get(sentence_id)
        if i is None:
            raise ValueError(f"joins {sentence_id}, which is no sentence of the text")
        before, after = segmented[i - 1] if i else None, segmented[i]
        if (
            before is None
            or (before.paragraph, before.unit) != (after.paragraph, after.unit)
            or any(mark in text[before.end : after.start] for mark in "\r\n")
        ):
            raise ValueError(f"joins {sentence_id}, which starts a line")
        joined.add(i)
    cuts: dict[int, list[tuple[int, str]]] = {}
    for sentence_id in override.split:
        match = _SPLIT_ID.fullmatch(sentence_id)
        i = index.get(match.group(1)) if match else None
        if match is None or i is None:
            raise ValueError(f"splits at {sentence_id}, which names no sentence of the text")
        inner, offset = segmented[i], int(match.group(2))
        if not (
            offset < len(inner.text)
            and inner.text[offset - 1].isspace()
            and not inner.text[offset].isspace()
        ):
            raise ValueError(f"splits at {sentence_id}, which is not after a space in {inner.id}")
        cuts.setdefault(i, []).append((inner.start + offset, sentence_id))
    # Only the runs of sentences the override touches are made anew; a book's other
    # sentences are the segmenter's own objects.
    result: list[Sentence] = []
    i = 0
    while i < len(segmented):
        j = i + 1
        while j in joined:
            j += 1
        if j == i + 1 and i not in cuts:
            result.append(segmented[i])
        else:
            result += _run_pieces(text, segmented[i:j], [cuts.get(k, []) for k in range(i, j)])
        i = j
    return tuple(result)


def _run_pieces(
    text: str, run: Sequence[Sentence], cuts: Sequence[list[tuple[int, str]]]
) -> Iterator[Sentence]:
    """The sentences of a run of the segmenter's joined into one, cut where it is split
    (``cuts``: each sentence's split positions and ids)."""
    starts = [(run[0].start, run[0].id, run[0])]
    starts += sorted(
        (at, sid, inner) for inner, own in zip(run, cuts, strict=True) for at, sid in own
    )
    for number, (start, sentence_id, inner) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else run[-1].end
        end = start + len(text[start:end].rstrip())
        yield Sentence.within(
            text, sentence_id, start, end, inner.paragraph, inner.unit, inner.source
        )
