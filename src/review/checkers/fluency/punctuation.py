"""Punctuation marks doubled or stacked: ",,", "::", ",.", "?.", two full stops, ''."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.fluency.base import Detector, Hit
from review.checkers.fluency.document_text import Trigger
from review.flags import Category, MqmClass, Severity

# Each alternative is one slip. "::" between word characters is code (std::vector), three
# dots are an ellipsis, and ".," is left out because abbreviations end in a stop ("etc.,").
_DOUBLED = re.compile(
    r"(?P<same>([,;])\2+|(?<!\w)::|::(?!\w))"
    r"|(?P<stacked>[,;:](?=[.!?](?!\.))[.!?]|[?!]\.(?!\.))"
    r"|(?P<dots>(?<=\w)\.\.(?!\.))"
    r"|(?P<apostrophes>(?<!')''(?!'))"
)
_TWO_MARKS = Trigger(",;:.!?'", "[,;:.!?']")


class DoubledPunctuation(Detector):
    """Punctuation doubled or stacked (",,", "::", ",.", "?.", "word.."), or '' for a quote.

    MT and the detokenisers around it stack marks when the source's punctuation and the
    model's own both survive (a Chinese "，" turned into "," next to a generated one), and
    wiki markup leaves '' where a quotation mark was meant.
    """

    rule = "MT_DOUBLED_PUNCT"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR
    trigger = _TWO_MARKS

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _DOUBLED.finditer(text):
            marks = match.group()
            if match.lastgroup == "apostrophes":
                yield Hit(match.start(), match.end(), "Two apostrophes for a quotation mark",
                          ('"',))
            elif match.lastgroup == "dots":
                yield Hit(match.start(), match.end(), "Two full stops", (".", "…"))
            else:
                yield Hit(match.start(), match.end(), f"Doubled punctuation {marks!r}",
                          (marks[-1] if match.lastgroup == "stacked" else marks[0],))
