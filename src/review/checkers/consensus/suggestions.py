"""Suggestions that keep to the house style and raise no new flag once applied.

Each suggestion is first put in the document's conventions (its quote marks, its spelling
variant). Then every candidate sentence (the sentence with one suggestion applied) is checked
again, all in one pass: our fluency detectors run over the candidates, what LanguageTool is
known to flag is looked at directly (a quote left without its partner, a double space), and
the checkers given as ``recheckers`` (LanguageTool, when it runs) check the candidates too,
each candidate one paragraph, as long as there are at most ``MAX_RECHECKED`` of them (a
book's worth of suggestions would double its check). A suggestion that would raise a flag
the sentence did not have is dropped, and so is one that does not clear its own flag where
the check sees that flag; the others are ranked by how many flags the sentence keeps after
them, fewest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

from review.checkers import Checker
from review.checkers.consensus.conventions import HouseStyle, configured_spelling, in_spelling
from review.checkers.consensus.one_opinion import rules_of
from review.checkers.fluency import FluencyChecker
from review.config import Config
from review.flags import Flag
from review.segment import Sentence

# Candidate sentences LanguageTool checks again at most (the seed has about 50).
MAX_RECHECKED = 2000
# Past that, candidates are checked in passes of about this many (whole paragraphs each): a
# pass holds its candidates' sentences, their words and their flags.
AT_ONCE = 500
# Marks LanguageTool pairs: rule, opener, closer.
_PAIRS = (
    ("EN_UNPAIRED_QUOTES", '"', '"'),
    ("EN_UNPAIRED_QUOTES", "“", "”"),
    ("EN_UNPAIRED_BRACKETS", "(", ")"),
    ("EN_UNPAIRED_BRACKETS", "[", "]"),
)
_OPENS_QUOTE = re.compile(r'(^|(?<=[\s(\[{—–/-]))"')


def in_house_style(replacement: str, style: HouseStyle, config: Config) -> str:
    """``replacement`` with the document's quote marks and the configured spelling."""
    if style.quotes == "straight":
        replacement = replacement.replace("“", '"').replace("”", '"')
    elif style.quotes == "curly":
        replacement = _OPENS_QUOTE.sub("“", replacement).replace('"', "”")
    return in_spelling(replacement, configured_spelling(config))


def conformed(flag: Flag, style: HouseStyle, config: Config) -> Flag:
    """``flag`` with its suggestions in house style; those that change nothing dropped."""
    fixes = [in_house_style(r, style, config) for r in flag.replacements]
    kept = tuple(dict.fromkeys(r for r in fixes if r != flag.text))
    return flag if kept == flag.replacements else replace(flag, replacements=kept)


def applied(sentence_text: str, flag: Flag, replacement: str) -> str:
    return sentence_text[: flag.start] + replacement + sentence_text[flag.end :]


# A paragraph as the texts of its sentences: what a candidate fix is checked in.
Paragraph = tuple[str, ...]


def vetted(
    flags: Sequence[Flag],
    sentences: Sequence[Sentence],
    style: HouseStyle,
    config: Config,
    recheckers: Sequence[Checker] = (),
    settle: Callable[[Iterable[Flag], str], Iterable[Flag]] = lambda flags, _: flags,
) -> list[Flag]:
    """``flags`` (in document order) with every suggestion that raises a new flag dropped,
    the rest ranked.

    A candidate is checked in its paragraph (a quote may pair with one sentences away), and
    compared with the paragraph as it is. The candidates are checked in passes of whole
    paragraphs, about ``AT_ONCE`` candidates a pass, so that a book's candidates are never
    held at once; a text with at most ``MAX_RECHECKED`` is checked in one pass."""
    paragraphs: dict[int, list[Sentence]] = {}
    where: dict[str, tuple[list[Sentence], int]] = {}
    for sentence in sentences:
        members = paragraphs.setdefault(sentence.paragraph, [])
        where[sentence.id] = (members, len(members))
        members.append(sentence)

    def paragraph_with(flag: Flag, replacement: str | None) -> Paragraph:
        members, index = where[flag.sentence_id]
        texts = [s.text for s in members]
        if replacement is not None:
            texts[index] = applied(texts[index], flag, replacement)
        return tuple(texts)

    def candidates_of(chunk: Iterable[Flag]) -> Iterator[Paragraph]:
        return (
            paragraph_with(f, r)
            for f in chunk
            if f.replacements and f.sentence_id in where
            for r in (None, *f.replacements)
        )

    at_once = MAX_RECHECKED
    if _more_than(MAX_RECHECKED, candidates_of(flags)):
        recheckers, at_once = (), AT_ONCE
    kept: list[Flag] = []
    numbers = {s.id: s.paragraph for s in sentences}
    passes = _passes(flags, at_once, candidates_of, lambda flag: numbers.get(flag.sentence_id))
    for chunk in passes:
        found = _rules_found(sorted(set(candidates_of(chunk))), style, config, recheckers, settle)
        for flag in chunk:
            if not flag.replacements or flag.sentence_id not in where:
                kept.append(flag)
                continue
            before = found[paragraph_with(flag, None)]
            # A fix we can check must clear one of the flags it stands for ("。”" → "。\""
            # clears nothing).
            own = [rule for rule in rules_of(flag) if before[rule]]
            ranked: list[tuple[int, int, str]] = []
            for order, replacement in enumerate(flag.replacements):
                after = found[paragraph_with(flag, replacement)]
                clears = not own or any(after[rule] < before[rule] for rule in own)
                if not after - before and clears:
                    ranked.append((after.total(), order, replacement))
            fixes = tuple(r for _, _, r in sorted(ranked))
            kept.append(flag if fixes == flag.replacements else replace(flag, replacements=fixes))
    return kept


def _more_than(limit: int, items: Iterable[Paragraph]) -> bool:
    """Whether ``items`` holds more than ``limit`` different ones (no more than that held)."""
    seen: set[Paragraph] = set()
    for item in items:
        seen.add(item)
        if len(seen) > limit:
            return True
    return False


def _passes(
    flags: Sequence[Flag],
    at_once: int,
    candidates_of: Callable[[Iterable[Flag]], Iterator[Paragraph]],
    paragraph_of: Callable[[Flag], int | None],
) -> Iterator[Sequence[Flag]]:
    """``flags`` cut into runs, each ending with a paragraph once its candidates exceed
    ``at_once``: the flags of one paragraph are in one run (flags come in document
    order)."""
    start = 0
    seen: set[Paragraph] = set()
    for index, flag in enumerate(flags):
        seen.update(candidates_of((flag,)))
        last = index + 1 == len(flags)
        if last or (len(seen) > at_once and paragraph_of(flags[index + 1]) != paragraph_of(flag)):
            yield flags[start : index + 1]
            start = index + 1
            seen.clear()


def _rules_found(
    paragraphs: Sequence[Paragraph],
    style: HouseStyle,
    config: Config,
    recheckers: Sequence[Checker],
    settle: Callable[[Iterable[Flag], str], Iterable[Flag]],
) -> dict[Paragraph, Counter[str]]:
    """By paragraph: the rules that flag it, each as often as it does. The recheckers'
    flags are settled (``settle``) as the document's own were."""
    pins = dict(config.style)
    if style.quotes:
        pins["quotes"] = style.quotes
    checker = FluencyChecker(replace(config, style=tuple(pins.items())))
    sentences: list[Sentence] = []
    owner: dict[str, Paragraph] = {}
    pieces: list[str] = []
    offset = 0
    for number, paragraph in enumerate(paragraphs, start=1):
        for index, text in enumerate(paragraph):
            sentence = Sentence(f"c{len(sentences)}", offset, offset + len(text), number, text)
            sentences.append(sentence)
            owner[sentence.id] = paragraph
            pieces += (text, " " if index < len(paragraph) - 1 else "\n")
            offset += len(text) + 1
    joined = "".join(pieces)
    found = {paragraph: Counter[str]() for paragraph in paragraphs}
    flags = [f for c in recheckers for f in settle(c.check(joined, sentences), joined)]
    if not recheckers:
        for paragraph in paragraphs:
            found[paragraph] += _known_languagetool_rules(" ".join(paragraph))
    for flag in (*checker.check(joined, sentences), *flags):
        found[owner[flag.sentence_id]][flag.rule] += 1
    return found


def _known_languagetool_rules(text: str) -> Counter[str]:
    """What LanguageTool flags for certain in ``text``, as far as it is cheap to tell."""
    found: Counter[str] = Counter()
    for rule, opener, closer in _PAIRS:
        if opener == closer:
            found[rule] += text.count(opener) % 2
        else:
            found[rule] += abs(text.count(opener) - text.count(closer))
    found["WHITESPACE_RULE"] += text.count("  ")
    return +found
