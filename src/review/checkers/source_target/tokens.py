"""Tokens a translation must carry unchanged: tags, placeholders, URLs and e-mail addresses."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache, partial

from review.checkers.source_target.base import Check, Hit, Pair, whole
from review.flags import Category, MqmClass, Severity

# The bilingual layer's protected tokens (⟨1⟩ ⟨/1⟩ ⟨2/⟩), printf and Python format
# placeholders (%s, %1$d, %(name)s, {0}, {name}) and HTML/XML tags (<b>, </b>, <br/>).
TAG = re.compile(
    r"⟨/?\d+/?⟩"
    r"|%(?:\d+\$|\([A-Za-z_]\w*\))?[-+ #0]?\d*(?:\.\d+)?[sdifuxXeEgGcr]\b"
    r"|\{[A-Za-z_]?\w*\}"
    r"|</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*\s*/?>"
)
ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}，。、；：！？）（]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)
_TRAILING = ".,;:!?"


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def _tokens(pattern: re.Pattern[str], text: str) -> list[Token]:
    found = []
    for m in pattern.finditer(text):
        token = m.group().rstrip(_TRAILING)
        found.append(Token(m.start(), m.start() + len(token), token))
    return found


@dataclass(frozen=True, slots=True)
class TokenDifference:
    missing: tuple[Token, ...]
    extra: tuple[Token, ...]
    # (source token, target token) alike enough to be the same one, altered
    altered: tuple[tuple[Token, Token], ...]


@lru_cache(maxsize=64)
def difference(pattern: re.Pattern[str], pair: Pair) -> TokenDifference:
    """The tokens of the source the target lacks and the other way round, as multisets;
    a missing and an extra token more than half alike are one altered token."""
    source = _tokens(pattern, pair.source)
    target = _tokens(pattern, pair.target)
    missing, extra = _unmatched(source, target), _unmatched(target, source)
    altered = []
    for token in list(missing):
        alike = max(extra, key=partial(_likeness, token), default=None)
        if alike is not None and _likeness(token, alike) > 0.5:
            altered.append((token, alike))
            missing.remove(token)
            extra.remove(alike)
    return TokenDifference(tuple(missing), tuple(extra), tuple(altered))


def _unmatched(tokens: list[Token], others: list[Token]) -> list[Token]:
    """``tokens`` beyond as many of each as ``others`` has."""
    left = Counter(t.text for t in others)
    unmatched = []
    for token in tokens:
        if left[token.text]:
            left[token.text] -= 1
        else:
            unmatched.append(token)
    return unmatched


def _likeness(a: Token, b: Token) -> float:
    """How alike two tokens are, 0 to 1; an e-mail address is nothing like a URL."""
    if ("@" in a.text) != ("@" in b.text):
        return 0.0
    return SequenceMatcher(None, a.text.lower(), b.text.lower()).ratio()


class TagMissing(Check):
    """A tag or placeholder of the source missing from the target (⟨1⟩, %s, {0}, <b>).

    A lost placeholder breaks the program that fills it in, a lost tag the formatting; the
    file can no longer be merged back without an error or a silent loss.
    """

    rule = "ST_TAG_MISSING"
    category = Category.OTHER
    mqm = MqmClass.MARKUP
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        found = difference(TAG, pair)
        for token in [*found.missing, *(s for s, _ in found.altered)]:
            yield whole(pair, f"the source's {token.text} is not in the translation")


class TagAdded(Check):
    """A tag or placeholder in the target that the source does not have."""

    rule = "ST_TAG_ADDED"
    category = Category.OTHER
    mqm = MqmClass.MARKUP
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        found = difference(TAG, pair)
        for token in [*found.extra, *(t for _, t in found.altered)]:
            yield Hit(token.start, token.end, f"{token.text} is not in the source")


class AddressMissing(Check):
    """A URL or e-mail address of the source missing from the target."""

    rule = "ST_ADDRESS_MISSING"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.OMISSION
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for token in difference(ADDRESS, pair).missing:
            yield whole(pair, f"the source's {token.text} is not in the translation")


class AddressAltered(Check):
    """A URL or e-mail address of the target that differs from the source's (a translated
    path, a dropped character): it no longer leads where the source's does."""

    rule = "ST_ADDRESS_ALTERED"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.MISTRANSLATION
    severity = Severity.MAJOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for source, target in difference(ADDRESS, pair).altered:
            yield Hit(
                target.start,
                target.end,
                f"{target.text} differs from the source's {source.text}",
                (source.text,),
            )


class AddressAdded(Check):
    """A URL or e-mail address in the target that the source does not have."""

    rule = "ST_ADDRESS_ADDED"
    category = Category.MISTRANSLATION_RISK
    mqm = MqmClass.ADDITION
    severity = Severity.MINOR

    def scan(self, pair: Pair) -> Iterator[Hit]:
        for token in difference(ADDRESS, pair).extra:
            yield Hit(token.start, token.end, f"{token.text} is not in the source")
