"""Compounds broken apart by spaces around their hyphen: "co - evolved", "pre - tax"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import or_

from review.checkers.fluency.base import Detector, Hit, Reach, document_scan
from review.checkers.fluency.document_text import DocumentText, Trigger, Whole
from review.flags import Category, MqmClass, Severity
from review.segment import Sentence

# Prefixes and first elements that make hyphenated compounds, never words joined by a dash.
_PREFIXES = frozenset(
    [
        "anti",
        "co",
        "counter",
        "cross",
        "ex",
        "extra",
        "full",
        "half",
        "high",
        "inter",
        "intra",
        "long",
        "low",
        "mid",
        "multi",
        "non",
        "part",
        "post",
        "pre",
        "pro",
        "quasi",
        "re",
        "self",
        "semi",
        "short",
        "sub",
        "super",
        "ultra",
        "well",
    ]
)
_SPACED = re.compile(r"(?<![\w-])([^\W\d_]+) - ([^\W\d_]+)(?![\w-])")
_SPACED_HYPHEN = Trigger("-", r"(?<= -)(?= )")
_HYPHENATED = re.compile(r"(?<![\w-])[^\W\d_]+-[^\W\d_]+(?![\w-])")


class SpacedHyphen(Detector):
    """A hyphenated compound written with spaces round the hyphen ("co - evolved").

    Tokenised MT output splits "co-evolved" into "co - evolved", and the detokeniser does not
    always join it again; to a reader it looks like a dash between two words. Flagged when the
    first part is a prefix that only makes compounds (co, pre, non, self…) or when the
    document writes the same compound hyphenated elsewhere.
    """

    rule = "MT_SPACED_HYPHEN"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.SPELLING
    severity = Severity.MINOR
    reach = Reach.DOCUMENT
    trigger = _SPACED_HYPHEN

    def scan(self, text: str) -> Iterator[Hit]:
        return document_scan(self, text)

    def scan_document(self, document: DocumentText) -> Iterator[tuple[Sentence, Hit]]:
        hyphenated: frozenset[str] | None = None
        for sentence in document.matching(self.trigger):
            for match in _SPACED.finditer(sentence.text):
                first, second = match.groups()
                joined = f"{first}-{second}"
                if first.lower() not in _PREFIXES:
                    if hyphenated is None:
                        hyphenated = document.whole(_HYPHENATED_WORDS)
                    if joined.lower() not in hyphenated:
                        continue
                yield (
                    sentence,
                    Hit(match.start(), match.end(), "Spaces round a compound's hyphen", (joined,)),
                )


def _hyphenated_words(document: DocumentText) -> frozenset[str]:
    return frozenset(m.group().lower() for m in _HYPHENATED.finditer(document.lines))


# The hyphenated words of the whole document, in lower case.
_HYPHENATED_WORDS = Whole(_hyphenated_words, or_)
