"""One flag where two checkers found the same thing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

# The registry is read when used (not bound at import), so that a test can register a checker.
from review import checkers as registry
from review.flags import Flag
from review.segment import Sentence


def merge_duplicates(flags: Iterable[Flag], sentences: Sequence[Sentence]) -> tuple[Flag, ...]:
    """Flags sorted by position, with one flag where two checkers agree.

    Two flags from different sources in the same category whose spans of one sentence mostly
    coincide (they share at least half of what they cover together) are the same finding for
    the editor. A positioned checker's flag stays (every match LanguageTool returns is in our
    output, at its offset); on exactly the same span it takes the other's suggestions when it
    has none. Of two flags from checkers that are not positioned, the later one stays.
    """
    positioned = frozenset(factory.name for factory in registry.CHECKERS if factory.positioned)
    order = {s.id: i for i, s in enumerate(sentences)}
    ranked = sorted(
        flags, key=lambda f: (order.get(f.sentence_id, -1), f.start, f.end, f.rule, f.source)
    )
    kept: list[Flag] = []
    for flag in ranked:
        twin = _twin(kept, flag)
        if twin is None:
            kept.append(flag)
        else:
            kept[twin] = _merged(kept[twin], flag, positioned)
    return tuple(kept)


def _twin(kept: list[Flag], flag: Flag) -> int | None:
    """Index of an earlier flag of the same sentence that is the same finding as ``flag``."""
    for index in range(len(kept) - 1, -1, -1):
        other = kept[index]
        if other.sentence_id != flag.sentence_id:
            return None
        if _same_finding(other, flag):
            return index
    return None


def _same_finding(a: Flag, b: Flag) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    covered = max(a.end, b.end) - min(a.start, b.start)
    return a.source != b.source and a.category == b.category and 2 * shared >= covered > 0


def _merged(a: Flag, b: Flag, positioned: frozenset[str]) -> Flag:
    kept, other = (a, b) if a.source in positioned else (b, a)
    same_span = (kept.start, kept.end) == (other.start, other.end)
    if kept.replacements or not other.replacements or not same_span:
        return kept
    return replace(kept, replacements=other.replacements)
