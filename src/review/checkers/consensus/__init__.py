"""What the editor sees once every checker has spoken: one consistent set of flags.

Checkers flag independently; this package settles their flags against each other and
against the document: rules measured mostly wrong are left out (``noise``), names are not
misspellings (``names``), the document's own conventions replace per-mark nagging
(``conventions``, ``house_style``), a quote fix turns both marks of a pair
(``quote_pairs``), flags over the same characters become one
(``one_opinion``), and every suggestion is put in house style and checked not to raise a new
flag (``suggestions``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from review.checkers import Checker
from review.checkers.consensus.conventions import house_style_of, text_usage
from review.checkers.consensus.duplicates import merge_duplicates
from review.checkers.consensus.house_style import (
    SERIAL_COMMA_RULE,
    breaking_marks,
    document_flags,
    keep_to_house_style,
)
from review.checkers.consensus.names import spare_names
from review.checkers.consensus.noise import without_noise
from review.checkers.consensus.one_opinion import absorbed, one_per_span
from review.checkers.consensus.quote_pairs import pair_quote_fixes
from review.checkers.consensus.suggestions import EarlyVerdicts, conformed, vetted
from review.config import Config
from review.flags import Flag
from review.segment import Sentence

__all__ = ["EarlyVerdicts", "settle"]


def settle(
    flags: Sequence[Flag],
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    recheckers: Sequence[Checker] = (),
    document: Sequence[Sentence] | None = None,
    early: EarlyVerdicts | None = None,
) -> tuple[Flag, ...]:
    """Every checker's ``flags`` as the editor should see them, in document order.
    ``recheckers`` (LanguageTool) check the sentences each suggestion makes, with our
    detectors. When ``flags`` are those of some of the text's sentences only (a paragraph
    checked again after an edit), ``document`` is every sentence of ``text``: a document-level
    flag is placed among them, as for the whole text, and kept only if it falls in
    ``sentences``."""
    flags = absorbed(flags, merge_duplicates(flags, sentences))
    lists_without = sum(f.rule == SERIAL_COMMA_RULE for f in flags)
    style = house_style_of(early.usage if early else text_usage(text), config, lists_without)

    def kept_of(found: Iterable[Flag], found_in: str) -> Iterator[Flag]:
        return keep_to_house_style(
            spare_names(without_noise(found, config), found_in, config.source_language),
            style,
            config,
        )

    kept = pair_quote_fixes(list(kept_of(flags, text)), sentences)
    settled = one_per_span([conformed(f, style, config) for f in kept], sentences)
    if document is None:
        settled += document_flags(sentences, style, config)
    else:
        ids = {s.id for s in sentences}
        settled += (f for f in document_flags(document, style, config) if f.sentence_id in ids)
    settled += breaking_marks(sentences, style)
    order = {s.id: i for i, s in enumerate(sentences)}
    settled.sort(key=lambda f: (order.get(f.sentence_id, -1), f.start, f.end, f.rule))
    return tuple(vetted(settled, sentences, style, config, recheckers, kept_of, early))
