"""A checker that reads prose, shown the text without a bilingual file's tag tokens.

LanguageTool and the fluency detectors would take ``⟨1⟩`` for words or punctuation; they check
the text with the tokens removed (``review.bilingual.plain``), and their flags are moved back onto
the displayed text exactly.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import replace

from review.bilingual import plain
from review.checker_api import Checker, check_text
from review.corrected import CorrectedText, joined
from review.flags import Flag
from review.segment import Sentence

_TOKEN_START = "⟨"


class TagFree:
    """``checker`` shown a text without tag tokens. A corrected text with no tag token is
    handed on as ``check_text`` hands it on; one with tokens is stripped of them joined."""

    checks_corrected = True

    def __init__(self, checker: Checker) -> None:
        self.name = checker.name
        self.checker = checker

    @property
    def version(self) -> str | None:
        return self.checker.version

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        if _TOKEN_START not in text:
            yield from check_text(self.checker, text, sentences)
            return
        if isinstance(text, CorrectedText):
            text, sentences = joined(text, sentences)
        stripped = plain(text)
        offsets = stripped.offsets

        def plain_offset(display: int) -> int:
            return bisect_left(offsets, display)

        shown = {s.id: s for s in sentences}
        moved: dict[str, Sentence] = {}
        for s in sentences:
            start, end = plain_offset(s.start), plain_offset(s.end)
            moved[s.id] = s.placed(stripped.text, start, end)
        for flag in self.checker.check(stripped.text, tuple(moved.values())):
            sentence, base = shown[flag.sentence_id], moved[flag.sentence_id].start
            start, end = stripped.display_span(base + flag.start, base + flag.end)
            yield replace(
                flag,
                start=start - sentence.start,
                end=end - sentence.start,
                text=text[start:end],
            )
