"""The glossary's checks, each a checker: a forbidden term used, a term in a variant form.

(A source term present with its target term absent needs the source side of a bilingual
text; it comes with that model.)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property

from review.checkers.terms.glossary import glossary_key
from review.checkers.terms.matcher import TermMatch, TermMatcher
from review.checkers.terms.spelling import project_variant
from review.checkers.terms.term import Term
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence


class GlossaryCheck:
    """What the glossary checks share: the terms, one matcher, the project's spelling."""

    name: str

    def __init__(self, terms: Sequence[Term], language: str) -> None:
        self.terms = tuple(terms)
        self.variant = project_variant(language)

    @property
    def key(self) -> str:
        """What of the configuration changes the flags (part of a cache key)."""
        return f"{glossary_key(self.terms)}|{self.variant}"

    @cached_property
    def matcher(self) -> TermMatcher:
        return TermMatcher(self.terms)

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        for sentence in sentences:
            for match in self.matcher.find(sentence.text):
                flag = self.flag(sentence, match, self.terms[match.form.term])
                if flag is not None:
                    yield flag

    def flag(self, sentence: Sentence, match: TermMatch, term: Term) -> Flag | None:
        raise NotImplementedError


class ForbiddenTerms(GlossaryCheck):
    """A term the glossary forbids, in any of its forms; the suggestion is the one it prefers."""

    name = "terms-forbidden"
    rule = "TERM_FORBIDDEN"

    def flag(self, sentence: Sentence, match: TermMatch, term: Term) -> Flag | None:
        if not term.forbidden:
            return None
        preferred = term.preferred and _inflected(term.preferred, match.form.suffix)
        message = f"The glossary forbids “{term.text}”" + (
            f"; it has “{term.preferred}”" if term.preferred else ""
        )
        return _flag(
            sentence, match, self.rule, Category.WORDING, Severity.MAJOR, message,
            (_capitalised(preferred, match) if preferred else ()),
        )  # fmt: skip


class TermVariants(GlossaryCheck):
    """A glossary term written in another form: other capitals, a hyphen for a space or a
    dash, the other variant's spelling (the project's own is fine), a name in the plural
    ("Consultations on People-to-People Exchange"). A common noun's inflections are fine."""

    name = "terms-variant"
    rule = "TERM_VARIANT"

    def flag(self, sentence: Sentence, match: TermMatch, term: Term) -> Flag | None:
        if term.forbidden:
            return None
        form = match.form
        written = sentence.text[match.start : match.end].replace("’", "'")
        differences: list[tuple[str, Category]] = []
        respelt = form.variant is not None and form.variant != self.variant
        if respelt:
            differences.append((f"{form.variant} spelling", Category.SPELLING))
        if not _same(written, form.written, match.at_sentence_start):
            if written.lower() == form.written.lower():
                differences.append(("other capitals", Category.CAPITALIZATION))
            else:
                differences.append(("a hyphen, dash or space changed", Category.SPELLING))
        plural_name = form.suffix in _PLURALS and _is_name(term.text)
        if plural_name:
            differences.append(("plural", Category.GRAMMAR))
        if not differences:
            return None
        expected = form.expected if respelt else form.written
        if plural_name:
            expected = term.text if respelt else expected[: len(expected) - len(form.suffix)]
        what = ", ".join(what for what, _ in differences)
        message = f"Glossary term in another form ({what}): the glossary has “{term.text}”"
        return _flag(
            sentence, match, self.rule, differences[0][1], Severity.MINOR, message,
            _capitalised(expected, match),
        )  # fmt: skip


_PLURALS = frozenset({"s", "es", "ies"})


def _is_name(term: str) -> bool:
    """A name of several words, the last capitalised ("United Nations Security Council"):
    one thing, never in the plural."""
    words = term.split()
    return len(words) > 1 and words[-1][:1].isupper()


def _same(written: str, form: str, at_sentence_start: bool) -> bool:
    """Written as the glossary has it; a sentence may capitalise the term's first letter."""
    if written == form:
        return True
    return at_sentence_start and written[1:] == form[1:] and written[:1] == form[:1].upper()


def _inflected(term: str, suffix: str) -> str:
    if suffix == "ies" and term.endswith("y"):
        return term[:-1] + suffix
    return term + suffix


def _capitalised(suggestion: str, match: TermMatch) -> tuple[str, ...]:
    if match.at_sentence_start:
        return (suggestion[:1].upper() + suggestion[1:],)
    return (suggestion,)


def _flag(
    sentence: Sentence,
    match: TermMatch,
    rule: str,
    category: Category,
    severity: Severity,
    message: str,
    replacements: tuple[str, ...],
) -> Flag:
    return Flag(
        sentence_id=sentence.id,
        start=match.start,
        end=match.end,
        source="terms",
        rule=rule,
        category=category,
        mqm=MqmClass.TERMINOLOGY,
        severity=severity,
        message=message,
        text=sentence.text[match.start : match.end],
        replacements=replacements,
    )
