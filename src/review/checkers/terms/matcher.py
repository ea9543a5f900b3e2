"""Finding a glossary's terms in sentences: one Aho-Corasick automaton (pyahocorasick) for all.

The automaton holds every term in every form the checks must see: in lower case with
hyphens, dashes and spaces made one, with the English inflections of its last word (plural
-s/-es/-ies, possessive 's/s') and in the other variant's spelling. A sentence is normalised
the same way (its length kept, so offsets carry over) and searched once; matches must stand
at word boundaries, and the longest wins where they overlap. 10,000 terms over 100,000
sentences take seconds (bench/glossary_scale.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import ahocorasick  # type: ignore[import-not-found]  # (no stubs ship with it)

from review.checkers.terms.spelling import Variant, spellings
from review.checkers.terms.term import Term

# Hyphens, dashes and spaces all become a space: "China-US", "China–US" and "China US" match.
_SEPARATORS = "-‐‑‒–—― \t\u00a0\u2009\u202f"
_FOLD = str.maketrans({**dict.fromkeys(_SEPARATORS, " "), "’": "'"})
# Quotes and brackets a sentence may open with before its first word.
_OPENERS = "\"'“‘«([{"


@dataclass(frozen=True, slots=True)
class Form:
    """One form of a term in the automaton: ``written`` as the glossary would write it
    (inflected, respelt), ``expected`` as the glossary has it with the same inflection,
    ``variant`` the spelling it is in when respelt."""

    term: int
    written: str
    expected: str
    suffix: str
    variant: Variant | None = None


@dataclass(frozen=True, slots=True)
class TermMatch:
    start: int
    end: int
    form: Form
    at_sentence_start: bool


def fold(text: str) -> str:
    """``text`` in lower case with separators made spaces, as long as ``text``."""
    folded = text.translate(_FOLD)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    # A few letters lower to two characters (İ); those keep their case.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in folded)


def inflections(term: str) -> dict[str, str]:
    """Suffix → the term with its last word inflected so (plural, possessive), "" for the
    term itself."""
    forms = {"": term, "'s": term + "'s", "s'": term + "s'"}
    last = term[-1:]
    if term[-2:].lower() in ("ch", "sh") or last.lower() in ("s", "x", "z"):
        forms["es"] = term + "es"
    elif last.lower() == "y" and term[-2:-1].lower() not in "aeiou":
        forms["ies"] = term[:-1] + "ies"
    elif last.isalpha():
        forms["s"] = term + "s"
    return forms


class TermMatcher:
    """Every form of ``terms`` in one automaton."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = tuple(terms)
        self._automaton = ahocorasick.Automaton()
        for index, term in enumerate(self.terms):
            for spelt, variant in ((term.text, None), *spellings(term.text).items()):
                expected = inflections(term.text)
                for suffix, written in inflections(spelt).items():
                    form = Form(index, written, expected.get(suffix, term.text), suffix, variant)
                    self._add(fold(written), form)
        self._empty = not self.terms
        if not self._empty:
            self._automaton.make_automaton()

    def _add(self, key: str, form: Form) -> None:
        if not key.strip():
            return
        forms: list[Form] | None = self._automaton.get(key, None)
        if forms is None:
            self._automaton.add_word(key, [form])
        elif all(f.term != form.term for f in forms):
            forms.append(form)

    def find(self, text: str) -> Iterator[TermMatch]:
        """The terms in ``text``, longest first where they overlap, in order."""
        found = sorted(self._everywhere(text), key=lambda item: (item[0], -item[1], item[2].term))
        taken = 0
        opening = len(text) - len(text.lstrip(_OPENERS + " "))
        for start, end, form in found:
            if start >= taken:
                taken = end
                yield TermMatch(start, end, form, start == opening)

    def terms_in(self, text: str) -> set[int]:
        """The indices of every term in ``text``, a term inside a longer one's match too
        ("cooperation" in "win-win cooperation")."""
        return {form.term for _, _, form in self._everywhere(text)}

    def _everywhere(self, text: str) -> Iterator[tuple[int, int, Form]]:
        """Every form found at word boundaries, overlapping or not."""
        if self._empty:
            return
        for last, forms in self._automaton.iter(fold(text)):
            end = last + 1
            start = end - len(forms[0].written)  # folding keeps a text's length
            if _bounded(text, start, end):
                written = text[start:end]
                yield from ((start, end, f) for f in forms if _acronyms_kept(written, f.written))


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _acronyms_kept(written: str, form: str) -> bool:
    """An acronym of the term ("US", "UN") is not found in a lower-case word ("us", "un")."""
    pairs = zip(written.translate(_FOLD).split(), form.translate(_FOLD).split(), strict=False)
    return not any(f.isupper() and len(f) > 1 and not w.isupper() for w, f in pairs)
