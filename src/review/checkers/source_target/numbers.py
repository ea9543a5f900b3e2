"""Numbers of the source missing, changed, or added in the target, or written the source's way."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from review.checkers.source_target.base import Check, Hit, Pair, whole
from review.checkers.source_target.numerals import (
    Number,
    chinese_numbers,
    digit_numbers,
    english_numbers,
    foreign_format,
)
from review.checkers.source_target.tokens import ADDRESS, TAG
from review.flags import Category, MqmClass, Severity

_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The numbers of one pair, matched by value. ``missing``: required source numbers with
    no partner in the target; ``changed``: a source number the target lacks beside a target
    number the source lacks (source, target), paired in order; ``extra``: target numbers in
    digits the source lacks; ``foreign``: target numbers written in the source's format
    (source, target)."""

    missing: tuple[Number, ...]
    changed: tuple[tuple[Number, Number], ...]
    extra: tuple[Number, ...]
    foreign: tuple[tuple[Number, Number], ...]


def source_numbers(text: str, language: str) -> list[Number]:
    if not (language.lower().startswith(("zh", "ja")) or (not language and _HAN.search(text))):
        return digit_numbers(text, language)
    chinese = chinese_numbers(text)
    digits = [
        n
        for n in digit_numbers(text, language)
        if not any(c.start <= n.start < c.end for c in chinese)
    ]
    return sorted([*chinese, *digits], key=lambda n: n.start)


def target_numbers(text: str, language: str) -> list[Number]:
    if language.lower().startswith("en") or not language:
        return english_numbers(text)
    return digit_numbers(text, language)


def _same(value: float, number: Number) -> bool:
    return any(math.isclose(value, v, rel_tol=1e-9) for v in number.values)


def _outside_tokens(numbers: list[Number], text: str) -> list[Number]:
    """Numbers not inside a tag, placeholder, URL or address ({0}, example.com/2): those are
    the token checks' to compare."""
    spans = [m.span() for pattern in (TAG, ADDRESS) for m in pattern.finditer(text)]
    return [n for n in numbers if not any(a <= n.start < b for a, b in spans)]


@lru_cache(maxsize=4096)
def compare(pair: Pair) -> Comparison:
    sources = _outside_tokens(source_numbers(pair.source, pair.source_language), pair.source)
    targets = _outside_tokens(target_numbers(pair.target, pair.target_language), pair.target)
    used: set[int] = set()
    foreign = []
    for written in foreign_format(pair.target, pair.source_language):
        inside = [i for i, t in enumerate(targets) if written.start <= t.start < written.end]
        for s in sources:
            if _same(s.value, written) and not any(_same(s.value, targets[i]) for i in inside):
                foreign.append((s, written))
                sources.remove(s)
                used.update(inside)
                break
    unmatched = []
    for s in sources:
        match = next(
            (i for i, t in enumerate(targets) if i not in used and _same(s.value, t)), None
        )
        if match is None:
            unmatched.append(s)
        else:
            used.add(match)
    unmatched = [s for s in unmatched if not _parts_found(pair, s, targets, used)]
    missing = [s for s in unmatched if s.required]
    extra = [t for i, t in enumerate(targets) if i not in used and t.digits]
    changed = tuple(zip(missing, extra, strict=False))
    return Comparison(
        tuple(missing[len(changed) :]), changed, tuple(extra[len(changed) :]), tuple(foreign)
    )


def _parts_found(pair: Pair, number: Number, targets: list[Number], used: set[int]) -> bool:
    """A source number written as several (10.30 a time, 3.5.2019 a date) whose every part
    is a target number: marks those used and says so."""
    parts = [float(p) for p in re.findall(r"\d+", pair.source[number.start : number.end])]
    if len(parts) < 2:
        return False
    found: set[int] = set()
    for part in parts:
        match = next(
            (i for i, t in enumerate(targets) if i not in used | found and _same(part, t)), None
        )
        if match is None:
            return False
        found.add(match)
    used.update(found)
    return True


def _text(pair: Pair, number: Number, source: bool = True) -> str:
    text = pair.source if source else pair.target
    return text[number.start : number.end]


class NumberChanged(Check):
    """A number of the target that differs from the source's (15 where the source has 50).

    The commonest accuracy error a reader cannot see from the English alone: MT misreads
    scaled numerals (3万 is 30,000, not 3,000) and drops or swaps digits. Each target number
    is matched to a source number of the same value, Chinese numerals, 万/亿 scaling,
    percentages, ordinals and English number words included; a source number left over
    beside a target number left over is flagged on the target's.
    """

    rule = "ST_NUMBER_CHANGED"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.MISTRANSLATION
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for source, target in compare(pair).changed:
            yield Hit(
                target.start,
                target.end,
                f"{_text(pair, target, source=False)} is not in the source, "
                f"which has {_text(pair, source)}",
            )


class NumberMissing(Check):
    """A number of the source that the target does not carry, in digits or in words."""

    rule = "ST_NUMBER_MISSING"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.OMISSION
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for source in compare(pair).missing:
            yield whole(pair, f"the source's {_text(pair, source)} is not in the translation")


class NumberAdded(Check):
    """A number in digits in the target that the source does not have."""

    rule = "ST_NUMBER_ADDED"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.ADDITION
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for target in compare(pair).extra:
            yield Hit(
                target.start,
                target.end,
                f"{_text(pair, target, source=False)} is not in the source",
            )


class NumberFormat(Check):
    """A number copied in the source's format (1 000,5 or 3,5 in English, which writes
    1,000.5 and 3.5)."""

    rule = "ST_NUMBER_FORMAT"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.NUMBER_FORMAT
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for _, target in compare(pair).foreign:
            written = _text(pair, target, source=False)
            decimals = len(written.partition(",")[2])
            english = f"{target.value:,.{decimals}f}"
            yield Hit(
                target.start,
                target.end,
                f"{written} is written the source's way; English writes {english}",
                (english,),
            )
