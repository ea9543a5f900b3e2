"""The Flag model: one problem a checker found in one sentence."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from sys import intern
from typing import Any


class Severity(StrEnum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class Category(StrEnum):
    """Our own small set, so flags from every checker group the same way in the UI and reports."""

    GRAMMAR = "grammar"
    SPELLING = "spelling"
    CAPITALIZATION = "capitalization"
    PUNCTUATION = "punctuation"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    WORDING = "wording"
    UNTRANSLATED = "untranslated"
    MISTRANSLATION_RISK = "mistranslation-risk"
    OTHER = "other"


class MqmClass(StrEnum):
    """MQM error types (those our checkers recognise, in the target or against the source)."""

    GRAMMAR = "Fluency/Grammar"
    SPELLING = "Fluency/Spelling"
    PUNCTUATION = "Fluency/Punctuation"
    TYPOGRAPHY = "Fluency/Typography"
    CHARACTER_ENCODING = "Fluency/Character encoding"
    INCONSISTENCY = "Fluency/Inconsistency"
    TERMINOLOGY = "Terminology"
    AWKWARD = "Style/Awkward"
    MISTRANSLATION = "Accuracy/Mistranslation"
    OMISSION = "Accuracy/Omission"
    ADDITION = "Accuracy/Addition"
    UNTRANSLATED = "Accuracy/Untranslated"
    NON_TRANSLATION = "Non-translation"
    NUMBER_FORMAT = "Locale convention/Number format"
    MARKUP = "Design and markup/Markup tag"


@dataclass(frozen=True, slots=True)
class Flag:
    """A flagged span of one sentence. ``start``/``end`` are offsets into the sentence text;
    ``source`` is the name of the checker that found it."""

    sentence_id: str
    start: int
    end: int
    source: str
    rule: str
    category: Category
    mqm: MqmClass
    severity: Severity
    message: str
    text: str
    replacements: tuple[str, ...] = field(default=())

    def to_json(self) -> list[object]:
        return [
            self.sentence_id, self.start, self.end, self.source, self.rule,
            str(self.category), str(self.mqm), str(self.severity), self.message, self.text,
            list(self.replacements),
        ]  # fmt: skip

    @classmethod
    def from_json(cls, data: list[Any]) -> Flag:
        sid, start, end, source, rule, category, mqm, severity, message, text, fixes = data
        # Each read from JSON is a string of its own; interned, a book's flags share their
        # sentence's id (segment interns it), their checker's name, rule and message.
        return cls(
            intern(sid), start, end, intern(source), intern(rule), Category(category),
            MqmClass(mqm), Severity(severity), intern(message), text, tuple(fixes),
        )  # fmt: skip

    @property
    def key(self) -> tuple[str, str]:
        """What a dismissal remembers: it must survive re-checking, so no offsets."""
        return (self.rule, self.text)


# Flags a JSON chunk holds. Writing or parsing a book's flags as one list is a single C call
# that holds the interpreter lock throughout (a third of a second), and the review UI's keys
# wait for it; between chunks other threads get their turn.
JSON_CHUNK = 500


def to_json_chunks(flags: Sequence[Flag]) -> list[str]:
    """``flags`` as JSON texts of JSON_CHUNK flags each (``Flag.to_json`` lists)."""
    return [
        json.dumps([flag.to_json() for flag in flags[i : i + JSON_CHUNK]])
        for i in range(0, len(flags), JSON_CHUNK)
    ]


def from_json_chunks(chunks: Iterable[str]) -> list[Flag]:
    return [Flag.from_json(item) for chunk in chunks for item in json.loads(chunk)]
