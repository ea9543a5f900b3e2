"""House style instead of per-mark nagging.

A text that uses straight quotes throughout made a choice (or its pipeline did): one flag for
the whole document says so, and per-mark flags stay only where a mark breaks the document's
own convention. The same holds for British or American spelling and the serial comma.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from review.checkers.consensus.conventions import (
    EM_DASH,
    GROUPED_NUMBER,
    PLAIN_NUMBER,
    SPACED_EN_DASH,
    HouseStyle,
    configured_spelling,
    spelling_variants,
)
from review.checkers.consensus.names import SPELLING_RULE_PREFIX
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

QUOTES_RULE = "HOUSE_STYLE_QUOTES"
SPELLING_RULE = "HOUSE_STYLE_SPELLING"
DASH_RULE = "HOUSE_STYLE_DASH"
NUMBER_RULE = "HOUSE_STYLE_NUMBER"
# LanguageTool's typographic quote rule: every straight mark, each its own flag.
TYPOGRAPHIC_QUOTES_RULE = "EN_QUOTES"
SERIAL_COMMA_RULE = "SERIAL_COMMA_ON"
_STRAIGHT_MARK = re.compile("[\"']")
_WORD = re.compile(r"[^\W\d_]+")
_SPELLING_NAMES = {"us": "American", "uk": "British"}
_LANGUAGE_OF = {"us": "en-US", "uk": "en-GB"}


def keep_to_house_style(flags: Iterable[Flag], style: HouseStyle, config: Config) -> Iterator[Flag]:
    """``flags`` less those that would move a mark or word away from the house style."""
    other_spelling = _other_variant_words(style, config)
    for flag in flags:
        if flag.rule == TYPOGRAPHIC_QUOTES_RULE and _keeps_quotes(flag.text, style):
            continue
        if flag.rule == SERIAL_COMMA_RULE and style.serial_comma == "off":
            continue
        if flag.rule.startswith(SPELLING_RULE_PREFIX) and flag.text.lower() in other_spelling:
            continue
        yield flag


def _keeps_quotes(text: str, style: HouseStyle) -> bool:
    """Whether every straight mark of an EN_QUOTES flag is the document's convention."""
    marks = _STRAIGHT_MARK.findall(text)
    return bool(marks) and all(
        (style.quotes if mark == '"' else style.apostrophes) == "straight" for mark in marks
    )


def _other_variant_words(style: HouseStyle, config: Config) -> frozenset[str]:
    """Words of the variant the document keeps to when it is not the configured one."""
    if not style.spelling or style.spelling == configured_spelling(config):
        return frozenset()
    variants = spelling_variants()
    return frozenset(variants if style.spelling == "uk" else variants.values())


def document_flags(
    sentences: Sequence[Sentence], style: HouseStyle, config: Config
) -> Iterator[Flag]:
    """One flag per convention the editor may want to change for the whole document."""
    if style.quotes == "straight" and "quotes" not in style.pinned:
        found = _first(sentences, re.compile('"'))
        if found is not None:
            count = style.quote_usage.first
            yield _document_flag(
                found,
                QUOTES_RULE,
                f"The document uses straight quotes throughout ({count} marks): convert all? "
                '(pin `quotes = "curly"` under [style] in review.toml, then accept EN_QUOTES '
                'everywhere; `quotes = "straight"` keeps them and silences this)',
            )
    if "spelling" not in style.pinned and _other_variant_words(style, config):
        words = _other_variant_words(style, config)
        found = _first(sentences, _WORD, lambda word: word.lower() in words)
        if found is not None:
            name = _SPELLING_NAMES[style.spelling]
            yield _document_flag(
                found,
                SPELLING_RULE,
                f"The document uses {name} spelling, LanguageTool checks "
                f"{config.language}: set language = "
                f'"{_LANGUAGE_OF[style.spelling]}" or pin `spelling` under [style]',
            )


def _first(
    sentences: Sequence[Sentence],
    pattern: re.Pattern[str],
    wanted: Callable[[str], bool] = bool,
) -> tuple[Sentence, re.Match[str]] | None:
    for sentence in sentences:
        for match in pattern.finditer(sentence.text):
            if wanted(match.group()):
                return sentence, match
    return None


def _document_flag(found: tuple[Sentence, re.Match[str]], rule: str, message: str) -> Flag:
    sentence, match = found
    return Flag(
        sentence_id=sentence.id,
        start=match.start(),
        end=match.end(),
        source="fluency",
        rule=rule,
        category=Category.SPELLING if rule == SPELLING_RULE else Category.TYPOGRAPHY,
        mqm=MqmClass.INCONSISTENCY,
        severity=Severity.MINOR,
        message=message,
        text=match.group(),
    )


# Per convention and value: the marks that break it, what to write instead, and the message.
_BREAKS: dict[tuple[str, str], tuple[str, re.Pattern[str], Callable[[str], str], str]] = {
    ("dashes", "em"): (
        DASH_RULE,
        SPACED_EN_DASH,
        lambda _: "—",
        "Spaced en dash in a text of em dashes",
    ),
    ("dashes", "spaced-en"): (
        DASH_RULE,
        EM_DASH,
        lambda _: " – ",
        "Em dash in a text of spaced en dashes",
    ),
    ("numbers", "grouped"): (
        NUMBER_RULE,
        PLAIN_NUMBER,
        lambda n: f"{int(n):,}",
        "Number without thousands separators in a text that groups them",
    ),
    ("numbers", "plain"): (
        NUMBER_RULE,
        GROUPED_NUMBER,
        lambda n: n.replace(",", ""),
        "Thousands separators in a text that writes numbers plain",
    ),
}


def breaking_marks(sentences: Sequence[Sentence], style: HouseStyle) -> Iterator[Flag]:
    """A flag on each dash and number written against the document's convention."""
    for key in (("dashes", style.dashes), ("numbers", style.numbers)):
        if key not in _BREAKS:
            continue
        rule, pattern, fix, message = _BREAKS[key]
        for sentence in sentences:
            for match in pattern.finditer(sentence.text):
                yield replace(
                    _document_flag((sentence, match), rule, message),
                    replacements=(fix(match.group()),),
                )
