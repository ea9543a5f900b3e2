"""Find and replace over a whole document: the request, its hits, and a sentence rewritten.

The session previews a request as its hits (``find_hits``) and applies the hits the editor
kept (``ReviewSession.replace_hits``) as one change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from review.errors import ReviewError

Opcodes = list[tuple[str, int, int, int, int]]


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``old`` with ``new``: plain text, or a regular expression whose ``new`` may
    name its groups (\\1, \\g<name>); as a whole word only; in any case."""

    old: str
    new: str
    regex: bool = False
    whole_word: bool = False
    ignore_case: bool = False

    def describe(self) -> str:
        how = [
            name
            for name, on in (
                ("regex", self.regex),
                ("whole word", self.whole_word),
                ("any case", self.ignore_case),
            )
            if on
        ]
        return f"{self.old!r} → {self.new!r}" + (f" ({', '.join(how)})" if how else "")


@dataclass(frozen=True, slots=True)
class ReplaceHit:
    """One place a replacement applies: ``start``/``end`` index the sentence's current text.
    ``refused`` is why the file cannot take it ("" when it can): a bilingual file's inline
    tag or placeholder the hit would delete, split or alter (``ReviewSession.find`` asks)."""

    sentence_id: str
    start: int
    end: int
    before: str
    after: str
    refused: str = ""

    def describe(self) -> str:
        return f"{self.sentence_id}:{self.start}: {self.before!r} → {self.after!r}"


class _Compiled:
    def __init__(self, replacement: Replacement) -> None:
        self.replacement = replacement

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        r = self.replacement
        if not r.old:
            raise ReviewError("there is nothing to replace (the text to find is empty)")
        source = r.old if r.regex else re.escape(r.old)
        if r.whole_word:
            source = rf"(?<!\w)(?:{source})(?!\w)"
        try:
            return re.compile(source, re.IGNORECASE if r.ignore_case else 0)
        except re.error as exc:
            raise ReviewError(f"{r.old!r} is not a regular expression: {exc}") from None

    def after(self, match: re.Match[str]) -> str:
        if not self.replacement.regex:
            return self.replacement.new
        try:
            return match.expand(self.replacement.new)
        except (re.error, IndexError) as exc:
            raise ReviewError(f"{self.replacement.new!r} cannot replace a match: {exc}") from None


def find_hits(replacement: Replacement, texts: Iterable[tuple[str, str]]) -> Iterator[ReplaceHit]:
    """The hits in (sentence id, current text) pairs, in order; an empty match is none."""
    compiled = _Compiled(replacement)
    for sentence_id, text in texts:
        for match in compiled.pattern.finditer(text):
            if match.end() > match.start():
                after = compiled.after(match)
                if after != match.group():
                    yield ReplaceHit(sentence_id, match.start(), match.end(), match.group(), after)


def rewritten(text: str, hits: Sequence[ReplaceHit]) -> tuple[str, Opcodes]:
    """``text`` with the hits (of one sentence, in order, not overlapping) replaced, and the
    opcodes that map old offsets to new ones."""
    pieces: list[str] = []
    opcodes: Opcodes = []
    old = new = 0
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.start < old or text[hit.start : hit.end] != hit.before:
            raise ReviewError(
                f"{hit.sentence_id} has changed since {hit.before!r} was found; find it again"
            )
        opcodes.append(("equal", old, hit.start, new, new + hit.start - old))
        new += hit.start - old
        opcodes.append(("replace", hit.start, hit.end, new, new + len(hit.after)))
        pieces += [text[old : hit.start], hit.after]
        new += len(hit.after)
        old = hit.end
    opcodes.append(("equal", old, len(text), new, new + len(text) - old))
    pieces.append(text[old:])
    return "".join(pieces), opcodes
