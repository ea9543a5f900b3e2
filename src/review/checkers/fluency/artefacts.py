"""Traces of the MT pipeline itself: unknown-word tokens, subword marks, markup."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.fluency.base import Detector, Hit
from review.checkers.fluency.document_text import Trigger
from review.flags import Category, MqmClass, Severity

# A run of <unk> tokens (also as tokenised "< unk >") counts as one finding.
_UNK_RUN = re.compile(r"<\s*unk\s*>(?:\s*<\s*unk\s*>)*|\bUNK\b", re.IGNORECASE)
# Tokens are written in lower case or in capitals: a sentence with neither is left alone.
# ("unk" or "UNK", found from the k, the rarest of the three letters.)
_UNK_WRITTEN = Trigger("kK", "(?<=unk|UNK)")


class UnknownToken(Detector):
    """An <unk> token: the MT model met a word it could not represent and wrote a placeholder.

    The source word is lost at that spot, so the sentence is incomplete; only the source
    can say what belongs there.
    """

    rule = "MT_UNK_TOKEN"
    category = Category.UNTRANSLATED
    mqm = MqmClass.NON_TRANSLATION
    severity = Severity.MAJOR
    trigger = _UNK_WRITTEN

    def scan(self, text: str) -> Iterator[Hit]:
        if not _UNK_WRITTEN.pattern.search(text):
            return
        for match in _UNK_RUN.finditer(text):
            yield Hit(match.start(), match.end(), "Unknown-word placeholder from the MT model")


# Subword joiners (BPE "@@ ", SentencePiece "▁"), HTML entities and tags, wiki markup
# ([[links]], {{templates}}, image options like "250px" and "thumbright").
_MARKUP = re.compile(
    r"(?P<subword>@@ ?|▁)"
    r"|(?P<entity>&(?:[a-z]{2,8}|#\d{2,5}|#x[0-9a-f]{2,4});)"
    r"|(?P<tag></?[a-z][a-z0-9]*(?:\s[^<>]{0,80})?/?>)"
    r"|(?P<wiki>\[\[|\]\]|\{\{|\}\}|\b\d{2,4}px|\bthumb(?:right|left)\w*|\b(?:right|left)thumb\w*)",
    re.IGNORECASE,
)
# What every alternative above contains: a markup character, "\dpx" (from its x) or "thumb"
# (from its b), in any case.
_MARKUP_TRIGGER = Trigger(
    r"@▁&<>\[\]{}xXbB", r"(?:(?<=[@▁&<>\[\]{}])|(?<=\d[pP].)|(?<=[tT][hH][uU][mM].))"
)
_ENTITY_TEXT = {
    "&quot;": '"',
    "&amp;": "&",
    "&apos;": "'",
    "&#39;": "'",
    "&lt;": "<",
    "&gt;": ">",
    "&nbsp;": " ",
}


class Markup(Detector):
    """Markup leaked into the text: HTML tags and entities, wiki codes, subword marks.

    Translation pipelines fed with web or wiki text, or detokenised badly, leave such codes in
    the output ("&quot;", "[[", "250px", "trans@@ lation"); a reader sees noise where a word
    or a character was meant.
    """

    rule = "MT_MARKUP"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.TYPOGRAPHY
    severity = Severity.MINOR
    trigger = _MARKUP_TRIGGER

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _MARKUP.finditer(text):
            if match.lastgroup == "tag" and "unk" in match.group().lower():
                continue
            code = match.group()
            replacement = _ENTITY_TEXT.get(code.lower())
            if match.lastgroup == "subword":
                replacement = ""
            yield Hit(
                match.start(),
                match.end(),
                f"Markup left in the text: {code.strip()!r}",
                () if replacement is None else (replacement,),
            )
