"""Glossary matching at scale: 10,000 terms over 100,000 sentences, and the consistency check.

The text and the glossary are made up here, the same every run (a seeded random generator):
words of two to four syllables, terms of one to four of them (a tenth forbidden, with a
preferred term), sentences of 12 to 30 words of which about one in three holds a term,
written as the glossary has it, in other capitals, with a hyphen for a space, or inflected.
Printed: the time to build the matcher (the Aho-Corasick automaton of every form of every
term), the time of each glossary check over the whole text (CPU seconds: the machine is
shared), the flags found, and the consistency check's time on the same text.

Run: .venv/bin/python bench/glossary_scale.py [--terms 10000] [--sentences 100000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from typing import TypeVar

from review.checkers.terms import Consistency, ForbiddenTerms, Term, TermVariants
from review.segment import Sentence

T = TypeVar("T")
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


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


def text_of(rng: random.Random, terms: list[Term], count: int) -> tuple[str, list[Sentence]]:
    sentences: list[Sentence] = []
    start = 0
    for number in range(1, count + 1):
        words = [word(rng) for _ in range(rng.randint(12, 30))]
        if rng.random() < 0.35:
            words.insert(rng.randrange(len(words)), written(rng, rng.choice(terms).text))
        text = " ".join(words).capitalize() + "."
        sentences.append(Sentence(f"s{number}", start, start + len(text), number // 10 + 1, text))
        start += len(text) + 1
    return " ".join(s.text for s in sentences), sentences


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
    text, sentences = text_of(rng, terms, args.sentences)
    print(f"{len(terms):,} terms ({sum(t.forbidden for t in terms):,} forbidden), "
          f"{len(sentences):,} sentences, {len(text) / 1e6:.1f} M characters")  # fmt: skip
    for check in (ForbiddenTerms(terms, "en-US"), TermVariants(terms, "en-US")):
        built, _ = cpu(lambda check=check: check.matcher)
        seconds, flags = cpu(lambda check=check: list(check.check(text, sentences)))
        print(f"{check.name}: matcher built in {built:.2f} s, "
              f"checked in {seconds:.2f} s ({len(flags):,} flags)")  # fmt: skip
    seconds, flags = cpu(lambda: list(Consistency().check(text, sentences)))
    print(f"consistency: {seconds:.2f} s ({len(flags):,} flags)")


if __name__ == "__main__":
    main()
