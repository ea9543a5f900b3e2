"""Targets left untranslated: empty, a copy of the source, or with source text copied into them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.source_target.base import Check, Hit, Pair, whole
from review.flags import Category, MqmClass, Severity

# Letters of no Latin, Greek or Cyrillic script when the target is in one of those: Han,
# kana, Hangul, Arabic, Hebrew, the Indic scripts, Thai... (a run may include spaces).
_FOREIGN_LETTER = "[^\\W\\d_\u0000-\u052f\u1e00-\u1fff]"
_FOREIGN_RUN = re.compile(f"{_FOREIGN_LETTER}+(?:[ \u3000]+{_FOREIGN_LETTER}+)*")
_LETTER = re.compile(r"[^\W\d_]")


class EmptyTarget(Check):
    """A target with no text where the source has some."""

    rule = "ST_EMPTY_TARGET"
    category = Category.UNTRANSLATED
    mqm = MqmClass.OMISSION
    severity = Severity.CRITICAL

    def scan(self, pair: Pair) -> Iterator[Hit]:
        if pair.source.strip() and not pair.target.strip():
            yield whole(pair, "the translation is empty")


class SameAsSource(Check):
    """A target identical to its source, where the source has words to translate.

    A copy is what MT or a pre-filled translation memory leaves where nothing translated the
    unit; names, numbers and codes alone (no letters, or one word) may rightly stay as they are.
    """

    rule = "ST_SAME_AS_SOURCE"
    category = Category.UNTRANSLATED
    mqm = MqmClass.NON_TRANSLATION
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        source = pair.source.strip()
        if (
            source == pair.target.strip()
            and len(_LETTER.findall(source)) > 1
            and (len(source.split()) > 1 or not source.isascii())
        ):
            yield whole(pair, "the translation is the same as the source")


class UntranslatedRun(Check):
    """Text of the source's writing system copied into the target (Chinese characters left in
    the English).

    Only runs that occur in the source word for word: a Chinese name the source quotes and the
    translation keeps in brackets is flagged too, since the editor must decide, but a run the
    source does not have (a third language) is the fluency detector MT_SOURCE_SCRIPT's.
    """

    rule = "ST_UNTRANSLATED"
    category = Category.UNTRANSLATED
    mqm = MqmClass.UNTRANSLATED
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        if pair.source.strip() == pair.target.strip():
            return
        for m in _FOREIGN_RUN.finditer(pair.target):
            if m.group() in pair.source:
                yield Hit(m.start(), m.end(), f"{m.group()} is left untranslated from the source")
