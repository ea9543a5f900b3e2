"""Terminology: the project's glossaries, and consistency within the document.

Two registered checkers: ``terms`` (this module's ``open_checker``: the glossary's forbidden
terms, variant forms and, in a bilingual text, source terms whose target term is missing; on
when there is a glossary — [terms] files in review.toml, or
--glossary) and ``consistency`` (``review.checkers.terms.consistency``, always on).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from review.checker_api import Checker, Opening
from review.checkers.remembered import RememberedChecker
from review.checkers.terms.checks import ForbiddenTerms, SourceTermMissing, TermVariants
from review.checkers.terms.consistency import Consistency
from review.checkers.terms.glossary import load_glossaries
from review.checkers.terms.term import Term
from review.flags import Flag
from review.segment import Sentence

__all__ = [
    "Consistency",
    "ForbiddenTerms",
    "GlossaryChecks",
    "SourceTermMissing",
    "Term",
    "TermVariants",
]

NAME = "terms"


class GlossaryChecks:
    """The glossary's checks as one checker, so their flags share one source: ``terms``."""

    name = NAME
    version = None

    def __init__(self, terms: Sequence[Term], language: str) -> None:
        self.checks = (
            ForbiddenTerms(terms, language),
            TermVariants(terms, language),
            SourceTermMissing(terms, language),
        )

    @property
    def key(self) -> str:
        """What of the configuration changes the flags (part of the cache key)."""
        return "|".join(check.key for check in self.checks)

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        for check in self.checks:
            yield from check.check(text, sentences)


def open_checker(opening: Opening) -> Checker:
    config = opening.config
    checks = GlossaryChecks(load_glossaries(config.glossaries, config.language), config.language)
    return RememberedChecker(checks, opening.cache, checks.key, opening.offload)
