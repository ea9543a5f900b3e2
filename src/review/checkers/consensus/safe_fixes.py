"""Fixes applied in bulk only where they leave no new flag, checked for real.

Accepting a rule's suggestions everywhere is one keystroke for the editor and dozens of
edits to the text; a fix that trades one flag for another (a curly quote LanguageTool wants
that leaves its partner unpaired) must not be among them. The fixes are applied to a copy
of the document, every checker runs on it (LanguageTool included: its cache makes the
unchanged paragraphs free), and the fixes of every sentence that gained a flag are left out
and reported; the rest is checked again until no sentence gains one.

Only the fixed paragraphs are judged: a flag a fix raises there is the fix's. A flag that
turns up in a paragraph no fix touched says something of the whole document (the consistency
check: "Cold War" fixed in one place, "cold war" left in another) that no fix here could
avoid, and it is no reason to leave a fix out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from review.checkers.consensus.one_opinion import rules_of
from review.flags import Flag
from review.segment import Sentence
from review.state import ReviewState, SentenceReview

# Checks a document (text and sentences) with every checker: `review check`'s flags.
Recheck = Callable[[str, Sequence[Sentence]], Iterable[Flag]]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A fix left out, and the rules that would have flagged its sentence anew."""

    flag: Flag
    raised: tuple[str, ...]


def safe_fixes(
    fixes: Sequence[Flag],
    flags: Sequence[Flag],
    text: str,
    sentences: Sequence[Sentence],
    recheck: Recheck,
) -> tuple[list[Flag], list[Skipped]]:
    """Of ``fixes`` (flags whose first suggestion is to be applied; ``flags`` are all the
    document's flags now), those that together raise no new flag, and those left out."""
    before = _rules_by_sentence(flags)
    pending = list(fixes)
    skipped: list[Skipped] = []
    while pending:
        fixed_text, fixed_sentences = with_fixes(text, sentences, pending)
        after = _rules_by_sentence(recheck(fixed_text, fixed_sentences))
        judged = fixed_paragraphs(pending, fixed_sentences)
        raised = {
            sentence_id: tuple(sorted(new))
            for sentence_id, counts in after.items()
            if sentence_id in judged and (new := counts - before.get(sentence_id, Counter()))
        }
        if not raised:
            break
        touched = {f.sentence_id for f in pending}
        # A new flag in a sentence no fix touched (a quote unpaired across sentences) is
        # laid at the door of the fixes of its paragraph.
        blamed = {s for s in raised if s in touched} or _paragraph_fixes(
            raised, pending, fixed_sentences
        )
        anywhere = tuple(sorted({rule for rules in raised.values() for rule in rules}))
        skipped += [
            Skipped(f, raised.get(f.sentence_id, anywhere))
            for f in pending
            if f.sentence_id in blamed
        ]
        pending = [f for f in pending if f.sentence_id not in blamed]
    return pending, skipped


def fixed_paragraphs(fixes: Sequence[Flag], sentences: Sequence[Sentence]) -> set[str]:
    """The ids of the sentences of every paragraph a fix touches."""
    paragraph = {s.id: s.paragraph for s in sentences}
    touched = {paragraph[f.sentence_id] for f in fixes if f.sentence_id in paragraph}
    return {s.id for s in sentences if s.paragraph in touched}


def _paragraph_fixes(
    raised: dict[str, tuple[str, ...]], pending: Sequence[Flag], sentences: Sequence[Sentence]
) -> set[str]:
    paragraph = {s.id: s.paragraph for s in sentences}
    hit = {paragraph[s] for s in raised if s in paragraph}
    return {f.sentence_id for f in pending if paragraph.get(f.sentence_id) in hit}


def _rules_by_sentence(flags: Iterable[Flag]) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for flag in flags:
        found.setdefault(flag.sentence_id, Counter()).update(rules_of(flag))
    return found


def with_fixes(
    text: str, sentences: Sequence[Sentence], fixes: Sequence[Flag]
) -> tuple[str, tuple[Sentence, ...]]:
    """The document with each fix's first suggestion applied; of overlapping fixes in a
    sentence the one further on wins (as ``ReviewSession.accept_all`` has it)."""
    by_sentence: dict[str, list[Flag]] = {}
    for flag in fixes:
        by_sentence.setdefault(flag.sentence_id, []).append(flag)
    edits = {
        sentence.id: SentenceReview(edited=_fixed(sentence.text, by_sentence[sentence.id]))
        for sentence in sentences
        if sentence.id in by_sentence
    }
    return ReviewState().with_reviews(edits).current_document(text, sentences)


def _fixed(text: str, fixes: Sequence[Flag]) -> str:
    limit = len(text)
    for flag in sorted(fixes, key=lambda f: -f.start):
        if flag.end <= limit:
            text = text[: flag.start] + flag.replacements[0] + text[flag.end :]
            limit = flag.start
    return text
