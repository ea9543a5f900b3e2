"""The glossary's checks: a forbidden term used, a term in a variant form, and (bilingual
texts) a source term whose target term the translation lacks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import groupby

from review.bilingual.inline import TOKEN
from review.checkers.terms.glossary import glossary_key
from review.checkers.terms.matcher import TermMatch, TermMatcher
from review.checkers.terms.source_matcher import SourceMatcher
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
        raise NotImplementedError


class TargetTermCheck(GlossaryCheck):
    """A check of each glossary term found in the target, by ``flag``."""

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        for sentence in sentences:
            for match in self.matcher.find(sentence.text):
                flag = self.flag(sentence, match, self.terms[match.form.term])
                if flag is not None:
                    yield flag

    def flag(self, sentence: Sentence, match: TermMatch, term: Term) -> Flag | None:
        raise NotImplementedError


class ForbiddenTerms(TargetTermCheck):
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


class TermVariants(TargetTermCheck):
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


class SourceTermMissing(GlossaryCheck):
    """A glossary term in a unit's source whose target term (in any form the other checks
    accept: other capitals, a hyphen for a space, inflected, the other spelling) is nowhere in
    the unit's translation. Flagged once a source term, over the unit's first sentence, as the
    source–target checks flag what the target lacks; no suggestion (where the term goes is the
    editor's to say). A plain text has no source: nothing to check."""

    name = "terms-source"
    rule = "TERM_MISSING"

    @cached_property
    def sources(self) -> tuple[SourceMatcher, tuple[tuple[int, ...], ...]]:
        """The matcher of the glossary's source terms, and for each the terms that translate
        it (a forbidden one does not)."""
        by_source: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            if term.source and not term.forbidden:
                by_source.setdefault(term.source, []).append(index)
        return SourceMatcher(list(by_source)), tuple(map(tuple, by_source.values()))

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        matcher, translations = self.sources
        for unit, grouped in groupby(sentences, key=lambda s: s.unit):
            group = tuple(grouped)
            first = group[0]
            target = text[first.start : group[-1].end]
            if not unit or not first.source.strip() or not target.strip():
                continue
            present: set[int] | None = None
            flagged: set[int] = set()
            for match in matcher.find(TOKEN.sub("", first.source)):
                if match.term in flagged:
                    continue
                if present is None:
                    present = self.matcher.terms_in(target)
                expected = translations[match.term]
                if present.isdisjoint(expected):
                    flagged.add(match.term)
                    yield self._flag(first, matcher.sources[match.term], expected)

    def _flag(self, sentence: Sentence, source: str, expected: Sequence[int]) -> Flag:
        wanted = " or ".join(f"“{self.terms[index].text}”" for index in expected)
        return Flag(
            sentence_id=sentence.id,
            start=0,
            end=len(sentence.text),
            source="terms",
            rule=self.rule,
            category=Category.MISTRANSLATION_RISK,
            mqm=MqmClass.TERMINOLOGY,
            severity=Severity.MAJOR,
            message=f"The source has “{source}”; the glossary's {wanted} is not in the translation",
            text=sentence.text,
        )


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
