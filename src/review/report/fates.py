"""What became of each flag found on the original, as the editor's review shows it.

A flag is judged by the first rule that holds:

1. **accepted**: the sentence's review records one of its suggestions as applied (same rule,
   same flagged text);
2. **dismissed**: the editor dismissed it (same rule, same flagged text);
3. **resolved**: the editor rewrote the flagged text by hand: the sentence was edited and, in
   the word diff the report shows (``review.worddiff``), the flagged text is no longer within
   one unchanged stretch: part of it was deleted or replaced, or something was inserted inside
   it. A flag on an empty span is resolved by anything inserted or deleted at that point. An
   edit elsewhere in the sentence leaves the flag open; since the diff works on whole words,
   "go" → "goes" resolves a flag on "go";
4. **open**: still there, and not judged.

Only flags found on the original are judged: a suggestion the editor accepted, or a flag they
dismissed, that a checker raised on their own edited text has no flag here to belong to.

Accepted, resolved and dismissed flags are the ones the editor judged: accepted and resolved
ones they agreed with, dismissed ones they did not. That ratio is the checkers' precision as
the editor judged it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from review.flags import Flag
from review.state import SentenceReview
from review.worddiff import DiffOp, Op


class Fate(StrEnum):
    ACCEPTED = "accepted"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"
    OPEN = "open"


FATE_LABELS = {
    Fate.ACCEPTED: "accepted (suggestion applied)",
    Fate.RESOLVED: "resolved by an edit",
    Fate.DISMISSED: "dismissed",
    Fate.OPEN: "open",
}


@dataclass(frozen=True, slots=True)
class Standing:
    """The stretches ``[start, end)`` of an edited sentence's original text that stand
    unchanged in the edit, in order: the EQUAL ops of its word diff."""

    runs: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, diff: Iterable[DiffOp]) -> Standing:
        runs = []
        position = 0
        for op in diff:
            if op.op is Op.INSERT:
                continue
            if op.op is Op.EQUAL:
                runs.append((position, position + len(op.text)))
            position += len(op.text)
        return cls(tuple(runs))

    def keeps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies within one unchanged stretch; an empty span must
        have unchanged text on both sides of it."""
        if start == end:
            return any(a < start < b for a, b in self.runs)
        return any(a <= start and end <= b for a, b in self.runs)


def flag_fate(
    flag: Flag, review: SentenceReview, standing: Standing | None
) -> tuple[Fate, str | None]:
    """The flag's fate and, when accepted, the replacement applied. ``standing`` is what
    stands of the sentence when it was edited, None when it was not."""
    for rule, text, replacement in sorted(review.accepted):
        if (rule, text) == flag.key:
            return Fate.ACCEPTED, replacement
    if flag.key in review.dismissed:
        return Fate.DISMISSED, None
    if standing is not None and not standing.keeps(flag.start, flag.end):
        return Fate.RESOLVED, None
    return Fate.OPEN, None
