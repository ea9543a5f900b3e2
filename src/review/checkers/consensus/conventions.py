"""The document's house style, read once: quotes, spelling, serial comma, dashes, numbers.

Each convention is the document's own usage unless `[style]` in review.toml pins it: the
choice it makes at least nine times in ten. "" means the document shows no usage to go by,
or mixes the two (and nothing is pinned): checkers then keep their own defaults, and in a
mixed document every mark that differs from them stays flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from review.checkers.consensus.word_counts import word_counts
from review.checkers.fluency.data import parse_table
from review.config import Config

# Each pattern starts with the mark itself and looks around from there: a book is searched
# at the speed of the mark, not of every position.
# A straight double quote, but for an inch or second sign (5'10", 28" N).
_STRAIGHT_DOUBLE = re.compile(r'"(?:(?<!\d")|(?=\s*[^\W\d_]))')
_CURLY_DOUBLE = re.compile("[“”]")
_STRAIGHT_APOSTROPHE = re.compile(r"'(?<=[^\W\d_]')(?=[^\W\d_])")
_CURLY_APOSTROPHE = re.compile(r"’(?<=[^\W\d_]’)(?=[^\W\d_])")
# "a, b, and c": a list of single words with the serial comma. Lists without it are what
# LanguageTool's SERIAL_COMMA_ON finds (a regular expression cannot tell "a, b and c" from
# "In 2015, China and Russia").
_LIST_END = re.compile(r", (?:and|or) (?=\w)")
_TWO_ITEMS_BEFORE = re.compile(r"\w+, \w+$")
EM_DASH = re.compile(r"—(?<=\w—)(?=\w)")
SPACED_EN_DASH = re.compile(r" \u2013 (?<=\w \u2013 )(?=\w)")
GROUPED_NUMBER = re.compile(r"(?=\d)(?<![\d.])(?<!\d,)\d{1,3}(?:,\d{3})+(?!\d|[.,]\d)")
# Four-digit numbers are mostly years; five digits and more without a separator are plain.
PLAIN_NUMBER = re.compile(r"(?=\d)(?<![\d.])(?<!\d,)\d{5,}(?!\d|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]+")
VARIANTS_FILE = "spelling_variants.tsv"


@dataclass(frozen=True, slots=True)
class Usage:
    """How often the document uses each of a convention's two choices."""

    first: int
    second: int

    def majority(self, first: str, second: str) -> str:
        """The choice the document keeps to (nine uses in ten or more), else ""."""
        total = self.first + self.second
        if total and 10 * self.first >= 9 * total:
            return first
        if total and 10 * self.second >= 9 * total:
            return second
        return ""


@dataclass(frozen=True, slots=True)
class HouseStyle:
    """The conventions the document keeps to (pinned or read), and what they were read from."""

    quotes: str
    apostrophes: str
    spelling: str
    serial_comma: str
    dashes: str
    numbers: str
    quote_usage: Usage
    spelling_usage: Usage
    pinned: frozenset[str]


def _serial_lists(text: str) -> int:
    return sum(
        _TWO_ITEMS_BEFORE.search(text, max(0, m.start() - 60), m.start()) is not None
        for m in _LIST_END.finditer(text)
    )


@cache
def spelling_variants() -> dict[str, str]:
    """American spelling by British (lower case)."""
    text = files("review.checkers.consensus").joinpath("data", VARIANTS_FILE).read_text("utf-8")
    return {row[0]: row[1] for row in parse_table(text, VARIANTS_FILE).rows}


@cache
def _british_by_american() -> dict[str, str]:
    return {us: uk for uk, us in spelling_variants().items()}


def configured_spelling(config: Config) -> str:
    """ "us" or "uk": the pinned spelling, else the configured LanguageTool variant's."""
    pinned = dict(config.style).get("spelling")
    if pinned:
        return pinned
    return "uk" if config.language.lower() in ("en-gb", "en-au", "en-nz", "en-za") else "us"


def in_spelling(text: str, spelling: str) -> str:
    """``text`` with every word of the other variant spelt the ``spelling`` way ("us"/"uk")."""
    table = spelling_variants() if spelling == "us" else _british_by_american()

    def respell(match: re.Match[str]) -> str:
        word = match.group()
        other = table.get(word.lower())
        if other is None:
            return word
        return other.capitalize() if word[:1].isupper() else other

    return _WORD.sub(respell, text)


@dataclass(frozen=True, slots=True)
class TextUsage:
    """What the text alone tells of its conventions: each one's two choices counted (for the
    serial comma, the lists that have it; LanguageTool finds those that do not)."""

    quotes: Usage
    apostrophes: Usage
    spelling: Usage
    serial_lists: int
    dashes: Usage
    numbers: Usage


def text_usage(text: str) -> TextUsage:
    words = word_counts(_WORD, text, str.lower)
    british = sum(n for w, n in words.items() if w in spelling_variants())
    american = sum(n for w, n in words.items() if w in _british_by_american())
    return TextUsage(
        quotes=Usage(len(_STRAIGHT_DOUBLE.findall(text)), len(_CURLY_DOUBLE.findall(text))),
        apostrophes=Usage(
            len(_STRAIGHT_APOSTROPHE.findall(text)), len(_CURLY_APOSTROPHE.findall(text))
        ),
        spelling=Usage(american, british),
        serial_lists=_serial_lists(text),
        dashes=Usage(len(EM_DASH.findall(text)), len(SPACED_EN_DASH.findall(text))),
        numbers=Usage(len(GROUPED_NUMBER.findall(text)), len(PLAIN_NUMBER.findall(text))),
    )


def read_house_style(text: str, config: Config, lists_without_serial_comma: int) -> HouseStyle:
    return house_style_of(text_usage(text), config, lists_without_serial_comma)


def house_style_of(usage: TextUsage, config: Config, lists_without_serial_comma: int) -> HouseStyle:
    pins = dict(config.style)
    serial = Usage(usage.serial_lists, lists_without_serial_comma)
    return HouseStyle(
        quotes=pins.get("quotes") or usage.quotes.majority("straight", "curly"),
        apostrophes=pins.get("quotes") or usage.apostrophes.majority("straight", "curly"),
        spelling=pins.get("spelling") or usage.spelling.majority("us", "uk"),
        serial_comma=pins.get("serial_comma") or serial.majority("on", "off"),
        dashes=pins.get("dashes") or usage.dashes.majority("em", "spaced-en"),
        numbers=pins.get("numbers") or usage.numbers.majority("grouped", "plain"),
        quote_usage=usage.quotes,
        spelling_usage=usage.spelling,
        pinned=frozenset(pins),
    )
