"""Quotation marks and brackets of one paragraph, paired opener to closer.

A quotation may run over several sentences, so marks are paired per paragraph. Straight
double quotes have no direction of their own: it is read from the context (a quote after a
space and before a word opens), and parity decides where the context says nothing. A curly
’ is an apostrophe unless a ‘ is open and no letter follows it. A straight " right after a
digit is an inch or second sign, not a quotation mark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from review.checkers.fluency.document_text import DocumentText
from review.segment import Sentence

# Closing mark → the openers it may close; straight and curly double quotes close each
# other (mixed styles are a flag of their own, not an unbalanced quotation).
_CLOSES: dict[str, str] = {
    ")": "(",
    "]": "[",
    "}": "{",
    "”": '“"',
    '"': '"“',
    "’": "‘",
    "」": "「",
    "』": "『",
    "》": "《",
    "»": "«",
}
_OPENERS = frozenset("([{“‘「『《«")
_MARKS = re.compile('[()\\[\\]{}“”‘’"「」『』《》«»]')
_LIST_LABEL = re.compile(r"\s*(?:\w{1,3}|[ivxIVX]{1,4})\)")
_SMILEY_EYES = ":;="
_AFTER_CLOSER = ".,;:!?)]}…"


@dataclass(slots=True)
class Mark:
    """One quotation mark or bracket: ``sentence`` indexes its paragraph's sentences."""

    sentence: int
    position: int
    char: str
    opening: bool
    partner: Mark | None = None

    @property
    def style(self) -> str:
        """ "straight" or "curly" for double quotes, "" for every other mark."""
        if self.char == '"':
            return "straight"
        return "curly" if self.char in "“”" else ""


# The marks of one paragraph: its sentences and their marks in order.
ParagraphMarks = tuple[tuple[Sentence, ...], tuple[Mark, ...]]


def paragraph_marks(document: DocumentText) -> tuple[ParagraphMarks, ...]:
    """The paragraphs that have marks, each closer joined to its opener where it has one.

    Made once per document for the three detectors that ask in turn; callers must not change
    the marks.
    """
    return document.shared(_paired_marks)


def _paired_marks(document: DocumentText) -> tuple[ParagraphMarks, ...]:
    by_paragraph: dict[int, list[Mark]] = {}
    line_start = next_line = 0
    text, within, marks = "", 0, []
    for match in _MARKS.finditer(document.lines):
        offset = match.start()
        if offset >= next_line:  # the first mark of a sentence
            index = document.sentence_index(offset)
            line_start, next_line = document.line_start(index), document.line_start(index + 1)
            text = document.sentences[index].text
            paragraph, within = document.paragraph_of(index)
            marks = by_paragraph.setdefault(paragraph, [])
        char, position = match.group(), offset - line_start
        if _is_mark(text, position, char):
            marks.append(Mark(within, position, char, char in _OPENERS))
    return tuple(
        (document.paragraphs[paragraph], _paired(marks, document.paragraphs[paragraph]))
        for paragraph, marks in by_paragraph.items()
        if marks
    )


def _paired(marks: list[Mark], sentences: Sequence[Sentence]) -> tuple[Mark, ...]:
    _set_straight_directions(marks, sentences)
    stack: list[Mark] = []
    for mark in marks:
        if mark.opening:
            stack.append(mark)
            continue
        depth = _matching_depth(stack, mark.char)
        if depth is not None:
            opener = stack[depth]
            del stack[depth:]
            opener.partner, mark.partner = mark, opener
    # A ’ that closes no ‘ is an apostrophe ("30 years’ reform"), not a stray quote.
    return tuple(m for m in marks if m.partner is not None or m.char != "’")


def _is_mark(text: str, position: int, char: str) -> bool:
    """Not an inch sign (5'10"), an apostrophe (don’t), a list label or a smiley."""
    if char == '"' and position and text[position - 1].isdigit():
        return False
    if char == "’" and text[position + 1 : position + 2].isalnum():
        return False
    return not (char == ")" and _is_label_or_smiley(text, position))


def _is_label_or_smiley(text: str, position: int) -> bool:
    before = text[position - 1 : position]
    return before in _SMILEY_EYES or bool(_LIST_LABEL.fullmatch(text[: position + 1]))


def _set_straight_directions(marks: list[Mark], sentences: Sequence[Sentence]) -> None:
    """Opening or closing for each straight ", by its context, else by parity."""
    is_open = False
    for mark in marks:
        if mark.char != '"':
            continue
        text = sentences[mark.sentence].text
        before = text[mark.position - 1 : mark.position]
        after = text[mark.position + 1 : mark.position + 2]
        ends = not after or after.isspace() or after in _AFTER_CLOSER
        if ends and ((before and not before.isspace()) or not after.isspace()):
            mark.opening = False
        elif not ends and (not before or before.isspace() or before in "([{—–-/"):
            mark.opening = True
        else:
            mark.opening = not is_open
        is_open = mark.opening


def _matching_depth(stack: list[Mark], closer: str) -> int | None:
    """Index into ``stack`` of the opener ``closer`` closes: the nearest that fits.

    A bracket closes past unclosed quotes inside it, but a quote does not close past an open
    bracket it stands in, and a ’ closes only the nearest open ‘ (it may be an apostrophe).
    """
    openers = _CLOSES[closer]
    for depth in range(len(stack) - 1, -1, -1):
        opener = stack[depth].char
        if opener in openers:
            return depth
        if closer in '"”’' or opener in "([{":
            return None
    return None
