"""One opinion per span: checkers that want to change the same characters speak as one.

When the suggestions of two flags would change the same characters of a sentence
(LanguageTool's EN_QUOTES turning the closing quote of `place. "` into an opening one, our
MT_SPACE_INSIDE_QUOTES offering `place."`), applying one makes the other stale or wrong. The
editor sees one flag over the characters they cover together: the one that covers most (the
more severe on a tie) leads, and the suggestions of all of them are offered on the joint
span, to be put in house style and checked again like any other. Flags that overlap but
change different characters (a set phrase and the space after it) are two findings and
stay two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from review.flags import Flag
from review.segment import Sentence

# How a merged flag names the rules it speaks for besides its own (see ``rules_of``).
_ALSO = re.compile(r" \(also ([A-Z0-9_]+(?:, [A-Z0-9_]+)*)\)$")


def rules_of(flag: Flag) -> tuple[str, ...]:
    """The rules a flag speaks for: its own, and those of the flags merged into it."""
    also = _ALSO.search(flag.message)
    return (flag.rule, *(also.group(1).split(", ") if also else ()))


def speaking_for(flag: Flag, rules: Iterable[str]) -> Flag:
    """``flag`` naming ``rules`` among those it speaks for (in its message)."""
    others = [r for r in dict.fromkeys((*rules_of(flag), *rules)) if r != flag.rule]
    base = _ALSO.sub("", flag.message)
    message = f"{base} (also {', '.join(others)})" if others else base
    return flag if message == flag.message else replace(flag, message=message)


def absorbed(raw: Iterable[Flag], merged: Sequence[Flag]) -> list[Flag]:
    """``merged`` (flags merged as duplicates) naming the rules of the ``raw`` flags that
    were merged into them: a flag of the same sentence and category over the same place."""
    kept = set(merged)
    by_sentence: dict[str, list[int]] = {}
    for index, flag in enumerate(merged):
        by_sentence.setdefault(flag.sentence_id, []).append(index)
    rules: dict[int, list[str]] = {}
    for flag in raw:
        if flag in kept:
            continue
        for index in by_sentence.get(flag.sentence_id, ()):
            other = merged[index]
            if (
                other.category == flag.category
                and other.start < flag.end
                and flag.start < other.end
            ):
                rules.setdefault(index, []).append(flag.rule)
                break
    return [speaking_for(f, rules[i]) if i in rules else f for i, f in enumerate(merged)]


def one_per_span(flags: Sequence[Flag], sentences: Sequence[Sentence]) -> list[Flag]:
    """``flags`` with those whose suggestions change the same characters merged."""
    # Sentences, not texts: a sentence cuts its text out of the document's when asked.
    by_id = {s.id: s for s in sentences}
    by_sentence: dict[str, list[Flag]] = {}
    merged: list[Flag] = []
    for flag in flags:
        if flag.replacements:
            by_sentence.setdefault(flag.sentence_id, []).append(flag)
        else:
            merged.append(flag)
    for group in by_sentence.values():
        if len(group) == 1:
            merged += group
        else:
            merged += [_as_one(g, by_id) for g in _conflicting(group)]
    order = {s.id: i for i, s in enumerate(sentences)}
    return sorted(merged, key=lambda f: (order.get(f.sentence_id, -1), f.start, f.end, f.rule))


# A change: (start, end) in the sentence, and whether it touches only marks and spaces.
Region = tuple[int, int, bool]


class _Group:
    """Flags whose changes overlap, the characters those changes lie within, and the changes
    once some other flag comes that near (diffing every suggestion of a sentence with many
    flags costs more than all the rest, and most flags are near no other)."""

    def __init__(self, flag: Flag) -> None:
        self.members = [flag]
        self.low, self.high = flag.start - 1, flag.end + 1
        self._regions: list[Region] | None = None

    def near(self, other: _Group) -> bool:
        return self.low <= other.high and other.low <= self.high

    def regions(self) -> list[Region]:
        if self._regions is None:
            self._regions = [r for flag in self.members for r in _changed(flag)]
        return self._regions

    def take(self, other: _Group) -> None:
        self.members += other.members
        self.regions().extend(other.regions())
        self.low, self.high = min(self.low, other.low), max(self.high, other.high)


def _conflicting(flags: Sequence[Flag]) -> list[list[Flag]]:
    """``flags`` of one sentence in groups: two flags whose changes overlap share a group."""
    groups: list[_Group] = []
    for flag in flags:
        group = _Group(flag)
        joined = [g for g in groups if g.near(group) and _overlap(g.regions(), group.regions())]
        for other in joined:
            groups.remove(other)
            group.take(other)
        groups.append(group)
    return [group.members for group in groups]


def _overlap(a: Sequence[Region], b: Sequence[Region]) -> bool:
    """Changes that overlap, or touch where both change only marks and spaces (a space
    removed before a quote another fix turns; not a phrase and the space beside it)."""
    return any(
        (s1 < e2 and s2 < e1) or (marks1 and marks2 and s1 <= e2 and s2 <= e1)
        for s1, e1, marks1 in a
        for s2, e2, marks2 in b
    )


def _changed(flag: Flag) -> list[Region]:
    """The changes the suggestions make; an insertion counts the characters on both sides
    of it."""
    regions = []
    for replacement in flag.replacements:
        matcher = SequenceMatcher(None, flag.text, replacement, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op != "equal":
                start, end = flag.start + i1, flag.start + i2
                changed = flag.text[i1:i2] + replacement[j1:j2]
                marks = not any(c.isalnum() for c in changed)
                regions.append((start - (start == end), end + (start == end), marks))
    return regions


def _as_one(group: Sequence[Flag], sentences: dict[str, Sentence]) -> Flag:
    if len(group) == 1 or group[0].sentence_id not in sentences:
        return group[0]
    text = sentences[group[0].sentence_id].text
    start, end = min(f.start for f in group), max(f.end for f in group)
    lead = max(group, key=lambda f: (f.end - f.start, f.severity.rank))
    fixes: list[str] = []
    for flag in (lead, *(f for f in group if f is not lead)):
        fixes += [text[start : flag.start] + r + text[flag.end : end] for r in flag.replacements]
    return replace(
        speaking_for(lead, [r for f in group for r in rules_of(f)]),
        start=start,
        end=end,
        text=text[start:end],
        replacements=tuple(dict.fromkeys(fixes)),
    )
