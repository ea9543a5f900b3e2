"""Punctuation the target should mirror: its end mark, its brackets and quotation marks, and
the whitespace around it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.source_target.base import Check, Hit, Pair, whole
from review.flags import Category, MqmClass, Severity

# End marks by what they do, full-width and Spanish/Greek/Armenian/Devanagari ones included.
_END_KIND = {
    "?": "question", "？": "question", "՞": "question",
    "!": "exclamation", "！": "exclamation",
    ".": "full stop", "。": "full stop", "।": "full stop", "॥": "full stop", "｡": "full stop",
    "…": "ellipsis", ":": "colon", "：": "colon",
}  # fmt: skip
# Closing quotes and brackets after the end mark: "He left." / (see below.)
_CLOSERS = "\"'”’»」』)）]】›"
# A source ending in a short abbreviation (Russian "в 1981 г.", "и т. д.") ends with its point
# only; the translation may spell it out ("in 1981") and end without one.
_ABBREVIATION = re.compile(r"(?:^|[\s.])[^\W\d_]{1,2}\.$")
_KIND_MARK = {"question": "?", "exclamation": "!", "full stop": ".", "ellipsis": "…", "colon": ":"}


def end_mark(text: str) -> tuple[int, str] | None:
    """Where the end mark of ``text`` is and what kind it is ("..." is an ellipsis); None
    when the text ends without one."""
    body = text.rstrip().rstrip(_CLOSERS).rstrip()
    if body.endswith("..."):
        return len(body) - 3, "ellipsis"
    kind = _END_KIND.get(body[-1:])
    return None if kind is None else (len(body) - 1, kind)


class EndPunctuation(Check):
    """The target ends with another kind of mark than the source (a question turned into a
    statement: ？ → ".", or a full stop added to a title that has none).

    Kinds, not characters, are compared: 。 and ".", ？ and "?" are the same. An exclamation
    mark toned down to a full stop is left alone, as English style often does, and so is a
    point dropped with the abbreviation it ended (Russian "в 1981 г." is "in 1981").
    """

    rule = "ST_END_PUNCTUATION"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        if not pair.source.strip() or not pair.target.strip():
            return
        source, target = end_mark(pair.source), end_mark(pair.target)
        source_kind = source[1] if source else None
        target_kind = target[1] if target else None
        if source_kind == target_kind or (source_kind, target_kind) == ("exclamation", "full stop"):
            return
        if target is None and _ABBREVIATION.search(pair.source.rstrip()):
            return
        if target is None:
            assert source_kind is not None
            end = len(pair.target.rstrip())
            # The last word before the closers (none when the target is only closers).
            words = pair.target[:end].rstrip(_CLOSERS).rsplit(None, 1)
            word = len(words[-1]) if words else 0
            yield Hit(
                end - word,
                end,
                f"the source ends with a {source_kind}, the translation with none",
            )
        elif source_kind is None:
            yield Hit(
                target[0],
                target[0] + 1,
                f"the translation ends with a {target_kind}, the source with none",
            )
        else:
            mark = _KIND_MARK[source_kind]
            yield Hit(
                target[0],
                target[0]
                + (3 if target_kind == "ellipsis" and pair.target[target[0]] == "." else 1),
                f"the source ends with a {source_kind}, the translation with a {target_kind}",
                (mark,),
            )


# Paired marks by kind, full-width and other languages' forms mapped to one: (openers, closers).
_PAIRS = {
    "parentheses": ("(（", ")）"),
    "square brackets": ("[【〔［", "]】〕］"),
    "double quotation marks": ("“„«「『", "”»」』"),
}
_STRAIGHT_DOUBLE = '"'


def mark_counts(text: str) -> dict[str, int]:
    """How many of each kind of paired mark ``text`` has; a straight " counts half a pair."""
    counts = {
        kind: sum(text.count(c) for c in opening + closing)
        for kind, (opening, closing) in _PAIRS.items()
    }
    counts["double quotation marks"] += text.count(_STRAIGHT_DOUBLE)
    return counts


class BracketParity(Check):
    """The target has more or fewer brackets or quotation marks of a kind than the source.

    A bracket or quotation lost in translation leaves a reader unsure what it enclosed; one
    added is often a source word glossed or an invented quotation. Full-width （） and 「」,
    Chinese 【】 and the « » and „ “ of other languages count as their English kind; 《》
    (titles) are left out, since English sets titles in italics.
    """

    rule = "ST_BRACKETS"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        source, target = mark_counts(pair.source), mark_counts(pair.target)
        for kind, (opening, closing) in _PAIRS.items():
            if source[kind] == target[kind]:
                continue
            message = f"the source has {source[kind]} {kind}, the translation {target[kind]}"
            marks = re.compile(
                f"[{re.escape(opening + closing)}{_STRAIGHT_DOUBLE * (kind[0] == 'd')}]"
            )
            found = list(marks.finditer(pair.target))
            if target[kind] > source[kind] and found:
                yield Hit(found[-1].start(), found[-1].end(), message)
            else:
                yield whole(pair, message)


class EdgeWhitespace(Check):
    """Leading or trailing whitespace in the source and not the target, or the other way round.

    In software strings and segmented documents the space at a unit's edge is what joins it
    to the next one; the translation must keep it as the source has it.
    """

    rule = "ST_WHITESPACE"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.TYPOGRAPHY
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        if not pair.target.strip():
            return
        source, target = pair.source, pair.target
        for edge, source_space, target_space, start in (
            ("leading", _lead(source), _lead(target), 0),
            ("trailing", _trail(source), _trail(target), len(target) - len(_trail(target))),
        ):
            if bool(source_space) == bool(target_space):
                continue
            message = f"{edge} whitespace {source_space!r} in the source, {target_space!r} here"
            if target_space:
                yield Hit(start, start + len(target_space), message, (source_space,))
            else:
                at = 0 if edge == "leading" else len(target) - 1
                yield Hit(at, at + 1, message)


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trail(text: str) -> str:
    return text[len(text.rstrip()) :]
