"""Glossary matching at scale: 10,000 terms over 100,000 sentences, and the consistency check.

The text and the glossary are made up here, the same every run (a seeded random generator):
words of two to four syllables, terms of one to four of them (a tenth forbidden, with a
preferred term), sentences of 12 to 30 words of which about one in three holds a term,
written as the glossary has it, in other capitals, with a hyphen for a space, or inflected.
Printed: the time to build the matcher (the Aho-Corasick automaton of every form of every
term), the time of each glossary check over the whole text (CPU seconds: the machine is
shared), the flags found, and the consistency check's time on the same text.

Then the same sentences as a bilingual text (one unit each), every term given a made-up
Chinese source of two to six characters: each unit's source is Chinese filler holding the
source of the term its target holds, and one unit in ten also the source of a term its
target lacks. Printed: the source-side check (TERM_MISSING): its source matcher's build
time, the source matching alone over every unit, and the whole check (source matching, then
the target's terms in the units with a source term).

Run: .venv/bin/python bench/glossary_scale.py [--terms 10000] [--sentences 100000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from review.bilingual.inline import TOKEN
from review.checkers.terms import (
    Consistency,
    ForbiddenTerms,
    SourceTermMissing,
    Term,
    TermVariants,
)
from review.checkers.terms.matcher import TermMatcher
from review.checkers.terms.source_matcher import SourceMatcher
from review.segment import Sentence

T = TypeVar("T")
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
# Common Han characters (CJK Unified Ideographs), for the made-up sources.
HAN = [chr(code) for code in range(0x4E00, 0x4E00 + 3000)]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def glossary(rng: random.Random, count: int) -> list[Term]:
    terms: dict[str, Term] = {}
    while len(terms) < count:
        text = " ".join(word(rng) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.3:
            text = text.title()
        if rng.random() < 0.1 and terms:
            preferred = rng.choice(list(terms.values())).text
            terms[text] = Term(text, forbidden=True, preferred=preferred)
        else:
            terms[text] = Term(text)
    return list(terms.values())


def written(rng: random.Random, term: str) -> str:
    way = rng.random()
    if way < 0.6:
        return term
    if way < 0.7:
        return term.lower() if term != term.lower() else term.title()
    if way < 0.8:
        return term.replace(" ", "-")
    return term + "s"


def text_of(
    rng: random.Random, terms: list[Term], count: int
) -> tuple[str, list[Sentence], list[int | None]]:
    """The text, its sentences, and the index of the term each sentence holds (or None)."""
    sentences: list[Sentence] = []
    held: list[int | None] = []
    index = {id(term): number for number, term in enumerate(terms)}
    start = 0
    for number in range(1, count + 1):
        words = [word(rng) for _ in range(rng.randint(12, 30))]
        term = None
        if rng.random() < 0.35:
            term = index[id(chosen := rng.choice(terms))]
            words.insert(rng.randrange(len(words)), written(rng, chosen.text))
        held.append(term)
        text = " ".join(words).capitalize() + "."
        sentences.append(Sentence(f"s{number}", start, start + len(text), number // 10 + 1, text))
        start += len(text) + 1
    return " ".join(s.text for s in sentences), sentences, held


def with_sources(rng: random.Random, terms: list[Term]) -> list[Term]:
    sources: set[str] = set()
    while len(sources) < len(terms):
        sources.add("".join(rng.choices(HAN, k=rng.randint(2, 6))))
    # Sorted: a set's order changes from run to run (string hashing is salted).
    return [
        replace(term, source=source) for term, source in zip(terms, sorted(sources), strict=True)
    ]


def bilingual(
    rng: random.Random, terms: list[Term], sentences: list[Sentence], held: list[int | None]
) -> list[Sentence]:
    """Each sentence a unit of its own, with a Chinese source."""
    units = []
    for sentence, term in zip(sentences, held, strict=True):
        pieces = ["".join(rng.choices(HAN, k=rng.randint(15, 40))), "。"]
        if term is not None:
            pieces.insert(1, terms[term].source)
        if rng.random() < 0.1:
            pieces.insert(0, rng.choice(terms).source)
        units.append(replace(sentence, unit=sentence.id, source="".join(pieces)))
    return units


def cpu(action: Callable[[], T]) -> tuple[float, T]:
    began = time.process_time()
    result = action()
    return time.process_time() - began, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=10_000)
    parser.add_argument("--sentences", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(15)
    terms = glossary(rng, args.terms)
    text, sentences, held = text_of(rng, terms, args.sentences)
    print(f"{len(terms):,} terms ({sum(t.forbidden for t in terms):,} forbidden), "
          f"{len(sentences):,} sentences, {len(text) / 1e6:.1f} M characters")  # fmt: skip
    for check in (ForbiddenTerms(terms, "en-US"), TermVariants(terms, "en-US")):
        built, _ = cpu(lambda check=check: check.matcher)
        seconds, flags = cpu(lambda check=check: list(check.check(text, sentences)))
        print(f"{check.name}: matcher built in {built:.2f} s, "
              f"checked in {seconds:.2f} s ({len(flags):,} flags)")  # fmt: skip
    seconds, flags = cpu(lambda: list(Consistency().check(text, sentences)))
    print(f"consistency: {seconds:.2f} s ({len(flags):,} flags)")
    # A generator of its own, so the monolingual figures above stay those of earlier runs.
    source_rng = random.Random(16)
    terms = with_sources(source_rng, terms)
    units = bilingual(source_rng, terms, sentences, held)
    check = SourceTermMissing(terms, "en-US")

    def build() -> tuple[SourceMatcher, TermMatcher]:
        return check.sources[0], check.matcher

    def match_sources() -> int:
        return sum(len(list(matcher.find(TOKEN.sub("", u.source)))) for u in units)

    built, (matcher, _) = cpu(build)
    matching, found = cpu(match_sources)
    seconds, flags = cpu(lambda: list(check.check(text, units)))
    print(f"{check.name}: {len(units):,} bilingual units, matchers built in {built:.2f} s, "
          f"source matching alone {matching:.2f} s ({found:,} source terms found), "
          f"whole check {seconds:.2f} s ({len(flags):,} flags)")  # fmt: skip


if __name__ == "__main__":
    main()
