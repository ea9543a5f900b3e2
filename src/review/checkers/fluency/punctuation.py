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
                yield Hit(
                    match.start(), match.end(), "Two apostrophes for a quotation mark", ('"',)
                )
            elif match.lastgroup == "dots":
                yield Hit(match.start(), match.end(), "Two full stops", (".", "…"))
            else:
                yield Hit(
                    match.start(),
                    match.end(),
                    f"Doubled punctuation {marks!r}",
                    (marks[-1] if match.lastgroup == "stacked" else marks[0],),
                )


# Words that start a clause or a phrase and never end a two-part compound: after a hyphen
# glued to the word before, the hyphen stands for a dash ("I realized-this was it"). "a" and
# "an" are left out: they end names and terms ("Xi-an", "vitamin-a").
_CLAUSE_STARTS = (
    "the",
    "this",
    "that",
    "these",
    "those",
    "we",
    "you",
    "he",
    "she",
    "it",
    "they",
    "and",
    "but",
    "or",
    "so",
    "because",
    "which",
    "who",
    "what",
    "there",
    "is",
    "are",
    "was",
    "were",
    "not",
    "such",
    "maybe",
    "each",
    "every",
)
# Two-part compounds that do end in one of them.
_COMPOUNDS = frozenset(
    (
        "and-or",
        "as-is",
        "either-or",
        "fix-it",
        "just-because",
        "just-so",
        "never-was",
        "out-there",
        "post-it",
        "so-so",
        "so-what",
        "thank-you",
        "what-not",
        "who's-who",
    )
)
_GLUED_DASH = re.compile(r"(?<![\w'’-])\w[\w'’]*-(?:" + "|".join(_CLAUSE_STARTS) + r")(?![\w'’-])")


class GluedDash(Detector):
    """A hyphen glued between a word and one that starts a clause: "realized-this", "the
    source-so", "Wales-the".

    Chinese marks an aside or a turn with a dash (——); MT often renders it as a bare hyphen
    with no spaces, which reads as a compound ("realized-this") until the reader backs up.
    English uses a dash there. The second word (an article, pronoun or conjunction in lower
    case) tells it from a compound; chains ("up-to-the-minute"), the few two-part compounds
    that end in such a word ("as-is", "thank-you") and stammering ("Th-this", "W-we") stay
    silent.
    """

    rule = "MT_GLUED_DASH"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR
    # Off by default: measured under 0.3 span precision (README, "How well the fluency flags
    # work"); `[fluency] on` brings it back.
    default_on = False
    trigger = Trigger("-", "(?:" + "|".join(_CLAUSE_STARTS) + ")")

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _GLUED_DASH.finditer(text):
            words = match.group()
            before, _, after = words.rpartition("-")
            if words.lower() in _COMPOUNDS or after.startswith(before.lower()):
                continue
            hyphen = match.start() + len(before)
            yield Hit(
                hyphen,
                hyphen + 1,
                f"Hyphen used as a dash in {words!r}: use a dash (—)",
                ("—", " – "),
            )
