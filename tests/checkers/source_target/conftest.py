from collections.abc import Callable

import pytest

from review.checkers.source_target import CHECKS, Pair, SourceTargetChecker
from review.flags import Flag


@pytest.fixture
def flags() -> Callable[..., list[Flag]]:
    """The flags of one check (every check when ``rule`` is None) on one pair."""

    def run(
        rule: str | None, source: str, target: str, language: str = "zh", into: str = "en"
    ) -> list[Flag]:
        checker = SourceTargetChecker([rule] if rule else CHECKS)
        return checker.check([Pair("s1", source, target, language, into)])

    return run


@pytest.fixture
def found(flags: Callable[..., list[Flag]]) -> Callable[..., list[tuple[int, int, str]]]:
    """(start, end, flagged text) of one check's flags on one pair."""

    def run(
        rule: str, source: str, target: str, language: str = "zh"
    ) -> list[tuple[int, int, str]]:
        return [(f.start, f.end, f.text) for f in flags(rule, source, target, language)]

    return run
