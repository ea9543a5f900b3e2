"""A checker that exists only for the tests: it shows that a new checker is this one module
plus one registry line (``TOY`` below, put into ``review.checkers.CHECKERS`` by a fixture)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from review.checkers import CheckerFactory, Opening
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

TOY = CheckerFactory("toy", __name__)


class ToyChecker:
    """Flags every "very", suggesting "quite"."""

    name = "toy"
    version = "0.1"

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        for sentence in sentences:
            for match in re.finditer(r"\bvery\b", sentence.text):
                yield Flag(
                    sentence.id, match.start(), match.end(), self.name, "TOY_VERY",
                    Category.STYLE, MqmClass.AWKWARD, Severity.MINOR, "very says little",
                    match.group(), ("quite",),
                )  # fmt: skip


def open_checker(opening: Opening) -> ToyChecker:
    return ToyChecker()
