"""What became of each flag found on the original, as the editor's review shows it.

A flag is judged by the first rule that holds:

1. **accepted**: the sentence's review records one of its suggestions as applied (same rule,
   same flagged text);
2. **dismissed**: the editor dismissed it (same rule, same flagged text);
3. **resolved**: the editor rewrote the flagged text by hand: the sentence was edited and the
   flagged characters, with the character on each side of them, no longer stand unchanged
   and together (a character alignment of the original with the edit, difflib's matching
   blocks, decides). The neighbours count so that "go" → "goes" or text inserted at an empty
   flag resolves it; an edit elsewhere in the sentence leaves the flag open;
4. **open**: still there, and not judged.

Accepted, resolved and dismissed flags are the ones the editor judged: accepted and resolved
ones they agreed with, dismissed ones they did not. That ratio is the checkers' precision as
the editor judged it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from review.flags import Flag
from review.state import SentenceReview


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
    """Which characters of an edited sentence's original text stand unchanged in the edit:
    runs ``[start, end)``, in order."""

    length: int
    runs: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, original: str, edited: str) -> Standing:
        matcher = SequenceMatcher(None, original, edited, autojunk=False)
        runs = tuple((a, a + size) for a, _, size in matcher.get_matching_blocks() if size)
        return cls(len(original), runs)

    def keeps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` and a character on each side stand together."""
        start, end = max(start - 1, 0), min(end + 1, self.length)
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
