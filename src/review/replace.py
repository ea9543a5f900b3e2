"""Find and replace over a whole document: the request, its hits, and a sentence rewritten.

The session previews a request as its hits (``find_hits``) and applies the hits the editor
kept (``ReviewSession.replace_hits``) as one change.

Patterns are matched with ``regex`` (the standard library's ``re`` syntax), which gives up
after a time: a pattern that backtracks without end on some text (``(a|aa)+b`` on forty a's)
kept ``re`` searching for ever, and the command, or the review, with it.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

import regex  # type: ignore[import-untyped]

from review.errors import ReviewError

# The longest a search over the whole document may take.
FIND_SECONDS = 5.0

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
    def pattern(self) -> regex.Pattern:
        r = self.replacement
        if not r.old:
            raise ReviewError("there is nothing to replace (the text to find is empty)")
        source = r.old if r.regex else regex.escape(r.old)
        if r.whole_word:
            source = rf"(?<!\w)(?:{source})(?!\w)"
        try:
            return regex.compile(source, regex.IGNORECASE if r.ignore_case else 0)
        except regex.error as exc:
            raise ReviewError(f"{r.old!r} is not a regular expression: {exc}") from None

    def after(self, match: regex.Match) -> str:
        if not self.replacement.regex:
            return self.replacement.new
        try:
            return str(match.expand(self.replacement.new))
        except (regex.error, IndexError) as exc:
            raise ReviewError(f"{self.replacement.new!r} cannot replace a match: {exc}") from None


def find_hits(
    replacement: Replacement, texts: Iterable[tuple[str, str]], seconds: float = FIND_SECONDS
) -> Iterator[ReplaceHit]:
    """The hits in (sentence id, current text) pairs, in order; an empty match is none. A
    search that takes more than ``seconds`` in all is a ReviewError."""
    compiled = _Compiled(replacement)
    deadline = time.monotonic() + seconds
    for sentence_id, text in texts:
        try:
            # Concurrent: the interpreter lock is let go while it matches, for the review's
            # keys (its find runs in a worker thread).
            matches = list(
                compiled.pattern.finditer(
                    text, concurrent=True, timeout=max(0.001, deadline - time.monotonic())
                )
            )
        except TimeoutError:
            raise ReviewError(
                f"{replacement.old!r} took more than {seconds:g} s to search the text (a "
                "pattern that backtracks, such as (a|aa)+b, tries every way to match): make "
                "it simpler"
            ) from None
        for match in matches:
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
