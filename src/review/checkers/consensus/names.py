"""Spelling flags on proper names: a name is not a misspelling.

Spell checkers know few Chinese names, so MT from Chinese is full of "misspellings" that are
names in pinyin (Xi, Zhongnanhai, Diaoyutai). When the text was translated from Chinese (or
its source language is not known), a capitalised word that splits into pinyin syllables is
taken for a name and its spelling flag dropped; from another language, a name that happens
to split so (Sinhala "Siya", Nepali "Pasang") may well be a garbled transliteration, which
post-editors do fix, and keeps its flag. a capitalised word the document
writes the same way several times, and never in lower case, is kept as a minor "check the
name" flag without suggestions (a consistent unknown is a name far more often than a typo).
A name in lower case ("beijing") stays flagged: the capital is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from importlib.resources import files

from review.checkers.consensus.word_counts import word_counts
from review.checkers.fluency.data import parse_table
from review.flags import Flag, Severity

PINYIN_FILE = "pinyin_syllables.tsv"
SPELLING_RULE_PREFIX = "MORFOLOGIK_RULE_"
_LONGEST_SYLLABLE = 6
_WORD = re.compile(r"[^\W\d_]+")


@cache
def pinyin_syllables() -> frozenset[str]:
    text = files("review.checkers.consensus").joinpath("data", PINYIN_FILE).read_text("utf-8")
    return frozenset(row[0] for row in parse_table(text, PINYIN_FILE).rows)


@cache
def is_pinyin(word: str) -> bool:
    """Whether ``word`` (any case) is one to four pinyin syllables ("Zhongnanhai": 3)."""
    return _syllables(word.lower().replace("'", ""), 4)


def _syllables(rest: str, left: int) -> bool:
    if not rest:
        return True
    if left == 0:
        return False
    syllables = pinyin_syllables()
    return any(
        rest[:size] in syllables and _syllables(rest[size:], left - 1)
        for size in range(min(_LONGEST_SYLLABLE, len(rest)), 0, -1)
    )


def is_name_like(word: str) -> bool:
    """Capitalised and then lower case ("Diaoyutai", not "DIAOYUTAI" or "diaoyutai")."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def from_chinese(source_language: str) -> bool:
    """Whether pinyin names are to be expected: the source is Chinese or not known."""
    code = source_language.lower().replace("_", "-").split("-")[0]
    return code in ("", "zh", "zho", "chi", "cmn", "yue")


def spare_names(flags: Iterable[Flag], text: str, source_language: str = "") -> Iterator[Flag]:
    """``flags`` without spelling flags on pinyin names (see ``from_chinese``), with
    repeated names demoted."""
    pinyin = from_chinese(source_language)
    # The document's words are counted only once a name needs them.
    counts = cache(lambda: word_counts(_WORD, text))
    for flag in flags:
        word = flag.text
        if not flag.rule.startswith(SPELLING_RULE_PREFIX) or not is_name_like(word):
            yield flag
        elif pinyin and is_pinyin(word):
            continue
        elif counts()[word] >= 2 and not counts()[word.lower()]:
            yield replace(
                flag,
                severity=Severity.MINOR,
                message=f"Unknown name, written this way {counts()[word]} times: check it",
                replacements=(),
            )
        else:
            yield flag
