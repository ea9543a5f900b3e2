"""Checkers turn sentences into flags; the UI and the CLI only see this protocol."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from review.flags import Flag
from review.segment import Sentence


class Checker(Protocol):
    """Anything that flags sentences: LanguageTool, our fluency detectors, a terminology list.

    ``text`` is the document text the sentences' offsets point into; a checker that needs
    context (LanguageTool checks whole paragraphs) rebuilds it from there. Flags may be yielded
    as they are found so that callers can stream them.
    """

    name: str

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]: ...
