"""Quotation marks and brackets that do not pair up, or pair up in two styles."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from operator import add

from review.checkers.fluency.base import Detector, Hit, Reach
from review.checkers.fluency.document_text import DocumentText, Whole
from review.checkers.fluency.quotes import Mark, paragraph_marks
from review.flags import Category, MqmClass, Severity
from review.segment import Sentence

_TRAILING = " .,;:!?…"
# A straight quote right after a number, with or without a space: 5'10", 28" N.
_UNIT_QUOTE = re.compile(r'\d\s?"')


class UnbalancedMarks(Detector):
    """A quotation mark or bracket with no partner in its paragraph.

    Machine translation drops or duplicates quotation marks and brackets (the source's marks
    are aligned word by word), and a reader then cannot tell where a quotation ends. Marks are
    paired per paragraph, so a quotation over several sentences is fine. Silent where the
    text itself may be an excerpt or follow a convention: a quotation mark opening the
    paragraph or closing it (the quotation may run over paragraphs, or the text is one segment
    of a longer one), a ")" ending it (an emoticon in informal writing), and straight quotes
    in a paragraph that also uses " as an inch or second sign.
    """

    rule = "MT_UNBALANCED"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR
    reach = Reach.PARAGRAPH

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        for paragraph, marks in paragraph_marks(document):
            units = any(_UNIT_QUOTE.search(s.text) for s in paragraph)
            for mark in marks:
                if mark.partner is not None or (units and mark.char == '"'):
                    continue
                sentence = paragraph[mark.sentence]
                if _at_edge(paragraph, mark):
                    continue
                yield sentence, Hit(mark.position, mark.position + 1, _message(mark))


def _at_edge(paragraph: Sequence[Sentence], mark: Mark) -> bool:
    """An opener that starts the paragraph, or a quote or ")" that ends it."""
    text = paragraph[mark.sentence].text
    if mark.opening:
        return mark.sentence == 0 and not text[: mark.position].strip()
    last = mark.sentence == len(paragraph) - 1
    return last and not text[mark.position + 1 :].strip(_TRAILING) and mark.char not in "]}"


def _message(mark: Mark) -> str:
    if mark.opening:
        return f"{mark.char} is not closed in this paragraph"
    return f"{mark.char} closes nothing opened in this paragraph"


class MixedQuotes(Detector):
    """Straight and curly double quotes mixed in one document (" … ” or “ … ").

    Machine translation copies whatever quote characters the source or its training text had,
    so one text ends up with both styles; typesetting wants one. The document's convention is
    its majority style (or the one `[style] quotes` pins), and only the marks that break it
    are flagged, with the convention's equivalent: the house style itself is one flag of its
    own, not one per mark.
    """

    rule = "MT_MIXED_QUOTES"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.INCONSISTENCY
    severity = Severity.MINOR
    reach = Reach.DOCUMENT

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        paragraphs = paragraph_marks(document)
        styles = document.whole(_QUOTE_STYLES)
        majority = self.settings.quotes or (
            "straight" if styles["straight"] >= styles["curly"] else "curly"
        )
        if styles.keys() <= {majority}:
            return
        for paragraph, marks in paragraphs:
            yield from _other_style(paragraph, [m for m in marks if m.style], majority)


def _quote_styles(document: DocumentText) -> Counter[str]:
    return Counter(m.style for _, marks in paragraph_marks(document) for m in marks if m.style)


# How many of the whole document's marks keep each style.
_QUOTE_STYLES = Whole(_quote_styles, add)


def _other_style(
    paragraph: Sequence[Sentence], marks: Sequence[Mark], majority: str
) -> Iterator[tuple[Sentence, Hit]]:
    for mark in marks:
        if mark.style != majority:
            replacement = '"' if majority == "straight" else "“" if mark.opening else "”"
            yield (
                paragraph[mark.sentence],
                Hit(
                    mark.position,
                    mark.position + 1,
                    f"{mark.style.capitalize()} quote among {majority} ones",
                    (replacement,),
                ),
            )
