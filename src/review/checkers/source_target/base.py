"""What every source–target check is: a rule id, one job, and its hits on the target as flags."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from review.flags import Category, Flag, MqmClass, Severity

# The checker's name: every flag's ``source``.
NAME = "source-target"


@dataclass(frozen=True, slots=True)
class Pair:
    """One target sentence (or unit) and the source text it translates.

    ``target`` is the text the flags point into, starting at ``offset`` in the sentence the
    flags belong to (0 when ``target`` is the whole sentence). Languages are ISO 639 codes or
    BCP 47 tags ("zh", "ru", "en-GB"); "" when not known.
    """

    sentence_id: str
    source: str
    target: str
    source_language: str = ""
    target_language: str = "en"
    offset: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding of a check: ``start``/``end`` are offsets into ``Pair.target``; a hit on
    the whole target (nothing narrower to point at, such as a missing number) spans all of it."""

    start: int
    end: int
    message: str
    replacements: tuple[str, ...] = ()


def whole(pair: Pair, message: str) -> Hit:
    return Hit(0, len(pair.target), message)


class Check:
    """A check of one kind of source–target mismatch.

    Subclasses set the class attributes and implement ``scan`` (one pair), or override
    ``scan_document`` and set ``whole_document`` when the check needs every pair of the
    document (the length ratio).
    The docstring of each subclass says what it catches and why.
    """

    rule: ClassVar[str]
    category: ClassVar[Category]
    mqm: ClassVar[MqmClass]
    severity: ClassVar[Severity]
    default_on: ClassVar[bool] = True
    # True: ``scan_document`` is overridden and needs every pair at once.
    whole_document: ClassVar[bool] = False

    def scan(self, pair: Pair) -> Iterator[Hit]:
        raise NotImplementedError

    def scan_document(self, pairs: Sequence[Pair]) -> Iterator[tuple[Pair, Hit]]:
        for pair in pairs:
            for hit in self.scan(pair):
                yield pair, hit

    def flag(self, pair: Pair, hit: Hit) -> Flag:
        return Flag(
            sentence_id=pair.sentence_id,
            start=pair.offset + hit.start,
            end=pair.offset + hit.end,
            source=NAME,
            rule=self.rule,
            category=self.category,
            mqm=self.mqm,
            severity=self.severity,
            message=hit.message,
            text=pair.target[hit.start : hit.end],
            replacements=hit.replacements,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: what the check catches, for docs and config."""
        return (cls.__doc__ or cls.rule).strip().splitlines()[0]
