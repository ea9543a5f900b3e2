"""What became of each flag found on the original, as the editor's review shows it.

A flag is judged by the first rule that holds:

1. **accepted**: the sentence's review records one of its suggestions as applied (same rule,
   same flagged text);
2. **dismissed**: the editor dismissed it (same rule, same flagged text);
3. **resolved**: the editor rewrote the flagged text by hand: the sentence was edited and the
   flagged characters no longer stand, unchanged and together, where they stood (a character
   alignment of the original with the edit, difflib's matching blocks, decides; a flag on an
   empty span counts as still standing only when its neighbouring characters do, so text
   inserted at that point resolves it);
4. **open**: still there, and not judged.

Accepted, resolved and dismissed flags are the ones the editor judged: accepted and resolved
ones they agreed with, dismissed ones they did not. That ratio is the checkers' precision as
the editor judged it.
"""

from __future__ import annotations

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

Block = tuple[int, int]
"""A run of original characters that stands unchanged in the edit: [start, end)."""


def standing_blocks(original: str, edited: str) -> tuple[Block, ...]:
    """The runs of ``original`` kept, unchanged and in order, in ``edited``."""
    matcher = SequenceMatcher(None, original, edited, autojunk=False)
    return tuple((a, a + size) for a, _, size in matcher.get_matching_blocks() if size)


def flag_fate(
    flag: Flag, review: SentenceReview, blocks: tuple[Block, ...] | None
) -> tuple[Fate, str | None]:
    """The flag's fate and, when accepted, the replacement applied. ``blocks`` are
    ``standing_blocks`` of the sentence when it was edited, None when it was not."""
    for rule, text, replacement in sorted(review.accepted):
        if (rule, text) == flag.key:
            return Fate.ACCEPTED, replacement
    if flag.key in review.dismissed:
        return Fate.DISMISSED, None
    if blocks is not None and not _stands(flag, blocks):
        return Fate.RESOLVED, None
    return Fate.OPEN, None


def _stands(flag: Flag, blocks: tuple[Block, ...]) -> bool:
    start, end = flag.start, flag.end
    if start == end:
        start, end = max(start - 1, 0), end + 1
    return any(a <= start and end <= b for a, b in blocks)
