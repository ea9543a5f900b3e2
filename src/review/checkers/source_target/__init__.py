"""Source–target checks: the target sentence against the source text it translates.

``CHECKS`` is the registry (one class per rule id); ``SourceTargetChecker`` runs the enabled
ones over a document's pairs and yields flags on the targets. A check is enabled when it is on
by default (measured precise: see README, "Source–target checks") or named in ``on``, and not
named in ``off``.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from review.checkers.source_target.base import Check, Hit, Pair
from review.checkers.source_target.length import TooLong, TooShort
from review.checkers.source_target.numbers import (
    NumberAdded,
    NumberChanged,
    NumberFormat,
    NumberMissing,
)
from review.checkers.source_target.punctuation import BracketParity, EdgeWhitespace, EndPunctuation
from review.checkers.source_target.tokens import (
    AddressAdded,
    AddressAltered,
    AddressMissing,
    TagAdded,
    TagMissing,
)
from review.checkers.source_target.untranslated import EmptyTarget, SameAsSource, UntranslatedRun
from review.flags import Flag

__all__ = [
    "CHECKS",
    "Check",
    "Hit",
    "Pair",
    "SourceTargetChecker",
    "default_enabled_rules",
    "enabled_rules",
]

CHECKS: dict[str, type[Check]] = {
    check.rule: check
    for check in (
        EmptyTarget,
        SameAsSource,
        UntranslatedRun,
        NumberChanged,
        NumberMissing,
        NumberAdded,
        NumberFormat,
        TagMissing,
        TagAdded,
        AddressMissing,
        AddressAltered,
        AddressAdded,
        EndPunctuation,
        BracketParity,
        EdgeWhitespace,
        TooShort,
        TooLong,
    )
}


def default_enabled_rules() -> frozenset[str]:
    return frozenset(rule for rule, check in CHECKS.items() if check.default_on)


def enabled_rules(on: Collection[str] = (), off: Collection[str] = ()) -> frozenset[str]:
    """The default set, plus ``on``, minus ``off``; an unknown rule id is a ValueError."""
    unknown = sorted((set(on) | set(off)) - CHECKS.keys())
    if unknown:
        raise ValueError(f"unknown source–target check: {', '.join(unknown)}")
    return (default_enabled_rules() | frozenset(on)) - frozenset(off)


class SourceTargetChecker:
    """Runs the enabled checks over the pairs of one document (the length ratio compares each
    pair with the others, so give it the whole document at once)."""

    def __init__(self, rules: Collection[str] | None = None) -> None:
        chosen = default_enabled_rules() if rules is None else frozenset(rules)
        self.checks = [check() for rule, check in CHECKS.items() if rule in chosen]

    def check(self, pairs: Sequence[Pair]) -> list[Flag]:
        """The flags in the order of the pairs, and by offset within each."""
        order = {pair.sentence_id: index for index, pair in enumerate(pairs)}
        # Pair by pair, each check in turn: the checks of one family share their analysis of
        # the pair (its numbers, its tokens) through a small cache.
        flags = [
            check.flag(pair, hit)
            for pair in pairs
            for check in self.checks
            if not check.whole_document
            for hit in check.scan(pair)
        ]
        for check in self.checks:
            if check.whole_document:
                flags.extend(check.flag(pair, hit) for pair, hit in check.scan_document(pairs))
        return sorted(flags, key=lambda f: (order[f.sentence_id], f.start, f.end, f.rule))
