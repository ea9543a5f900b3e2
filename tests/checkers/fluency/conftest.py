"""Helpers for the fluency detector tests: run one rule over a text, see what it flagged."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from review.checkers.fluency import FluencyChecker
from review.flags import Flag
from review.segment import segment

Found = list[tuple[str, tuple[str, ...]]]


def run_rule(rule: str, text: str) -> list[Flag]:
    """The flags of detector ``rule`` alone on ``text`` (segmented as `review check` does)."""
    return list(FluencyChecker(rules=frozenset({rule})).check(text, segment(text)))


@pytest.fixture
def found() -> Callable[[str, str], Found]:
    """(flagged text, replacements) for each flag of ``rule`` on ``text``."""

    def _found(rule: str, text: str) -> Found:
        return [(f.text, f.replacements) for f in run_rule(rule, text)]

    return _found


@pytest.fixture
def flags() -> Callable[[str, str], list[Flag]]:
    return run_rule
