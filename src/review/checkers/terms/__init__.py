"""Terminology: the project's glossaries and consistency within the document.

``term_checkers`` gives the checkers to run under a configuration: the glossary checks when
there is a glossary ([terms] files in review.toml, or --glossary), and the consistency check
always.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from review.checkers import Checker
from review.checkers.terms.checks import ForbiddenTerms, TermVariants
from review.checkers.terms.consistency import Consistency
from review.checkers.terms.glossary import Term, load_glossaries

if TYPE_CHECKING:
    from review.config import Config

__all__ = ["Consistency", "ForbiddenTerms", "Term", "TermVariants", "term_checkers"]


class KeyedChecker(Checker, Protocol):
    @property
    def key(self) -> str:
        """What of the configuration changes the flags (part of the cache key)."""
        ...


def term_checkers(config: Config) -> tuple[KeyedChecker, ...]:
    terms = load_glossaries(config.glossaries, config.language)
    glossary: tuple[KeyedChecker, ...] = (
        (ForbiddenTerms(terms, config.language), TermVariants(terms, config.language))
        if terms
        else ()
    )
    return (*glossary, Consistency())
