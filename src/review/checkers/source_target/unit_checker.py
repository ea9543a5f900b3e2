"""The source–target checks as a registered checker: each unit of a bilingual file is one pair
(its target sentences together, against its source), the flags moved onto the sentences.

A plain text has no source, so it gets no flags from here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import groupby

from review.checker_api import Checker, Opening
from review.checkers.source_target import Pair, SourceTargetChecker, enabled_rules
from review.checkers.source_target.base import NAME
from review.checkers.source_target.punctuation import EdgeWhitespace
from review.config import Config
from review.errors import ReviewError
from review.flags import Flag
from review.segment import Sentence


class UnitChecker:
    name = NAME
    version = None

    def __init__(self, config: Config) -> None:
        try:
            rules = enabled_rules(config.source_target_on, config.source_target_off)
        except ValueError as exc:
            raise ReviewError(f"[source_target]: {exc}") from None
        # The pairs' targets are the sentences, trimmed as every sentence is: the unit's own
        # edge whitespace is not there to compare (pretty-printed XML would flag every unit).
        self.checks = SourceTargetChecker(rules - {EdgeWhitespace.rule})
        self.languages = (config.source_language, config.language)
        # What of the configuration changes the flags (part of a cache key).
        self.key = f"{','.join(sorted(rules))}|{'|'.join(self.languages)}"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        units = [tuple(group) for unit, group in groupby(sentences, key=lambda s: s.unit) if unit]
        pairs = [
            Pair(
                group[0].id,
                group[0].source,
                text[group[0].start : group[-1].end],
                *self.languages,
            )
            for group in units
        ]
        by_first = {group[0].id: group for group in units}
        for flag in self.checks.check(pairs):
            yield _onto_sentence(flag, by_first[flag.sentence_id])


def _onto_sentence(flag: Flag, group: tuple[Sentence, ...]) -> Flag:
    """The flag, whose offsets are from the unit's first sentence, on the sentence where it
    starts (cut at that sentence's end)."""
    start = group[0].start + flag.start
    end = group[0].start + flag.end
    sentence = group[max(0, bisect_right([s.start for s in group], start) - 1)]
    end = min(max(end, start), max(sentence.end, start))
    start = min(start, sentence.end)
    return replace(
        flag,
        sentence_id=sentence.id,
        start=start - sentence.start,
        end=end - sentence.start,
    )


def open_checker(opening: Opening) -> Checker:
    """The registry's entry point: the checks, their flags kept in the cache (a unit's source
    is part of the key)."""
    from review.checkers.remembered import RememberedChecker

    checker = UnitChecker(opening.config)
    return RememberedChecker(checker, opening.cache, checker.key, opening.offload)
