"""Fluency flags: our own detectors of machine-translation artefacts.

``DETECTORS`` is the registry (one class per rule id); ``FluencyChecker`` runs the enabled
ones over a document. A detector is enabled when it is on by default or named in the
config's ``fluency_on``, and not named in its ``fluency_off``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from review.checkers.fluency.artefacts import Markup, UnknownToken
from review.checkers.fluency.balance import MixedQuotes, UnbalancedMarks
from review.checkers.fluency.base import NAME, Detector, Hit, Reach, Settings
from review.checkers.fluency.casing import MidSentenceCapital, OddCase, ProperNounCase
from review.checkers.fluency.compounds import SpacedHyphen
from review.checkers.fluency.document_text import WholeDocument
from review.checkers.fluency.length import LongSentence
from review.checkers.fluency.lexicon import IdiomCalque, LiteralPhrasing, SetPhrase
from review.checkers.fluency.punctuation import DoubledPunctuation, GluedDash
from review.checkers.fluency.repetition import RepeatedPhrase, RepeatedWords
from review.checkers.fluency.script import FullWidthPunctuation, Mojibake, SourceScript
from review.checkers.fluency.spacing import MissingSpace, SpaceBeforePunctuation, SpaceInsideQuotes
from review.flags import Flag
from review.segment import Sentence

if TYPE_CHECKING:
    from review.checker_api import Checker, Opening
    from review.config import Config

__all__ = [
    "DETECTORS",
    "Detector",
    "FluencyChecker",
    "Hit",
    "Reach",
    "Settings",
    "default_enabled_rules",
    "enabled_rules",
    "open_checker",
    "whole_document_rules",
]

DETECTORS: dict[str, type[Detector]] = {
    detector.rule: detector
    for detector in (
        SourceScript,
        FullWidthPunctuation,
        Mojibake,
        UnknownToken,
        Markup,
        MissingSpace,
        SpaceBeforePunctuation,
        SpaceInsideQuotes,
        UnbalancedMarks,
        MixedQuotes,
        DoubledPunctuation,
        GluedDash,
        SpacedHyphen,
        RepeatedWords,
        RepeatedPhrase,
        ProperNounCase,
        OddCase,
        MidSentenceCapital,
        SetPhrase,
        IdiomCalque,
        LiteralPhrasing,
        LongSentence,
    )
}


def default_enabled_rules() -> frozenset[str]:
    return frozenset(rule for rule, detector in DETECTORS.items() if detector.default_on)


def whole_document_rules() -> frozenset[str]:
    """The rules of the detectors that read the whole document (a calque's echo where it is
    said in full elsewhere, the case a word mostly takes): run on some sentences of a text,
    they see those sentences only."""
    return frozenset(rule for rule, d in DETECTORS.items() if d.reach is Reach.DOCUMENT)


def enabled_rules(config: Config | None) -> frozenset[str]:
    """The rule ids to run under ``config`` (the defaults when there is none)."""
    if config is None:
        return default_enabled_rules()
    return (default_enabled_rules() | (config.fluency_on & DETECTORS.keys())) - config.fluency_off


class FluencyChecker:
    """Runs the enabled detectors over the whole document; flags come in document order."""

    name = NAME
    # Its code and data ship with review: the Tool header line is its version.
    version: str | None = None

    def __init__(
        self,
        config: Config | None = None,
        rules: frozenset[str] | None = None,
        ranked: bool = True,
    ) -> None:
        chosen = enabled_rules(config) if rules is None else rules
        quotes = dict(config.style).get("quotes", "") if config else ""
        self.settings = Settings(config.source_language if config else "", quotes, ranked)
        self.detectors = tuple(
            cls(self.settings) for rule, cls in DETECTORS.items() if rule in chosen
        )

    @property
    def key(self) -> str:
        """What of the configuration changes the flags (part of a cache key)."""
        rules = ",".join(sorted(d.rule for d in self.detectors))
        return f"{rules}|source={self.settings.source_language}|quotes={self.settings.quotes}"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        """The flags, a batch of paragraphs at a time (``WholeDocument``): what the detectors
        hold is one batch's and the whole document's summaries, not a book's words."""
        triggers = (d.trigger for d in self.detectors if d.trigger is not None)
        for batch in WholeDocument(sentences).batches(triggers):
            order = {s.id: i for i, s in enumerate(batch.sentences)}
            flags = [
                detector.flag(sentence, hit)
                for detector in self.detectors
                for sentence, hit in detector.scan_document(batch)
            ]
            flags.sort(key=lambda f: (order[f.sentence_id], f.start, f.end, f.rule))
            yield from flags


def open_checker(opening: Opening) -> Checker:
    """The registry's entry point: the enabled detectors, their flags kept in the cache."""
    from review.checkers.remembered import RememberedChecker

    detectors = FluencyChecker(opening.config)
    return RememberedChecker(detectors, opening.cache, detectors.key, opening.offload)
