"""British and American spellings of a word, by the regular patterns that tell them apart.

-ize/-ise, -yze/-yse, -or/-our, -ter/-tre and -ber/-bre, -ense/-ence, -og/-ogue: enough for
the terms of a glossary, which are nouns and noun phrases. A rule may make a word no one
writes ("doctour"); that costs nothing, as such a form is only looked for, never suggested.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import partial


class Variant(StrEnum):
    BRITISH = "British"
    AMERICAN = "American"


_TO_BRITISH = (
    (re.compile(r"iz(e|es|ed|ing|ation|ations)$"), r"is\1"),
    (re.compile(r"yz(e|es|ed|ing)$"), r"ys\1"),
    (re.compile(r"([^aeiou])or(s?)$"), r"\1our\2"),
    (re.compile(r"([tb])er(s?)$"), r"\1re\2"),
    (re.compile(r"ense(s?)$"), r"ence\1"),
    (re.compile(r"og(s?)$"), r"ogue\1"),
)
_TO_AMERICAN = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"([^aeiou])our(s?)$"), r"\1or\2"),
    (re.compile(r"([tb])re(s?)$"), r"\1er\2"),
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"ogue(s?)$"), r"og\1"),
)
_WORD = re.compile(r"[A-Za-z]+")


def project_variant(language: str) -> Variant | None:
    """The spelling a project's LanguageTool language asks for; None when it does not say."""
    region = language.replace("_", "-").split("-")[1:2]
    if region == ["US"]:
        return Variant.AMERICAN
    if region and region[0] in ("GB", "AU", "NZ", "IE", "ZA"):
        return Variant.BRITISH
    return None


def spellings(term: str) -> dict[str, Variant]:
    """The term with its words in the other variant's spelling, each with the variant it is
    in. The term itself is not among them."""
    found: dict[str, Variant] = {}
    for variant, rules in ((Variant.BRITISH, _TO_BRITISH), (Variant.AMERICAN, _TO_AMERICAN)):
        respelt = _WORD.sub(partial(_respelt, rules=rules), term)
        if respelt != term:
            found.setdefault(respelt, variant)
    return found


def _respelt(match: re.Match[str], rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    word = match.group()
    if len(word) < 4 or word.isupper():
        return word
    for pattern, replacement in rules:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word
