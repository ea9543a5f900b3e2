"""Suggestions that keep to the house style and raise no new flag once applied.

Each suggestion is first put in the document's conventions (its quote marks, its spelling
variant). Then every candidate sentence (the sentence with one suggestion applied) is checked
again: our fluency detectors run over the candidates, what LanguageTool is known to flag is
looked at directly (a quote left without its partner, a double space), and the checkers given
as ``recheckers`` (LanguageTool, when it runs) check the candidates too, each in its
paragraph, as long as there are at most ``[languagetool] recheck_suggestions`` of them: past
a chapter's worth, checking them again would cost LanguageTool more than checking the text
did (on the seed and the 2,529 sentences of ``../shared/data``, its second opinion changed
the first suggestion of 2 % of the flags). A suggestion that would raise a flag
the sentence did not have is dropped, and so is one that does not clear its own flag where
the check sees that flag; the others are ranked by how many flags the sentence keeps after
them, fewest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice

from review.checkers import Checker
from review.checkers.consensus.conventions import (
    HouseStyle,
    configured_spelling,
    house_style_of,
    in_spelling,
    text_usage,
)
from review.checkers.consensus.one_opinion import rules_of
from review.checkers.fluency import DETECTORS, FluencyChecker, Reach, enabled_rules
from review.config import Config
from review.flags import Flag
from review.segment import Sentence

# What a fix can make a detector that reads one sentence flag is next to it ("the the", " ,,",
# a stray capital): the detectors judge a fix on this many words either side of it, not on
# its whole sentence (a long sentence checked whole per candidate costs more than the fix).
AROUND = 6
_WORD = re.compile(r"\S+")
# Candidates are checked in passes of about this many (whole paragraphs each): a pass holds
# its candidates' sentences, their words and their flags.
AT_ONCE = 500
# Marks LanguageTool pairs: rule, opener, closer.
_PAIRS = (
    ("EN_UNPAIRED_QUOTES", '"', '"'),
    ("EN_UNPAIRED_QUOTES", "“", "”"),
    ("EN_UNPAIRED_BRACKETS", "(", ")"),
    ("EN_UNPAIRED_BRACKETS", "[", "]"),
)
# What is counted of a text to tell what LanguageTool flags in it for certain: each mark it
# pairs, and double spaces (``Marks``).
_COUNTED = (*dict.fromkeys(mark for _, opener, closer in _PAIRS for mark in (opener, closer)), "  ")
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


@dataclass(frozen=True, slots=True)
class Marks:
    """How often a text has each of ``_COUNTED``: all that tells what LanguageTool flags in it
    for certain (``known_rules``)."""

    counts: tuple[int, ...]

    @staticmethod
    def of(text: str) -> Marks:
        return Marks(tuple(text.count(counted) for counted in _COUNTED))

    def replaced(self, old: Marks, new: Marks) -> Marks:
        """These counts with a part counted as ``old`` replaced by one counted as ``new``."""
        # Most fixes change no mark counted: their paragraphs share one object (the early
        # judging keeps every candidate's until the vetting takes it).
        if old == new:
            return self
        return Marks(
            tuple(a - b + c for a, b, c in zip(self.counts, old.counts, new.counts, strict=True))
        )

    def known_rules(self) -> Counter[str]:
        """What LanguageTool flags for certain in a text of these counts, as far as it is
        cheap to tell: a mark it pairs left without its partner, a double space."""
        count = dict(zip(_COUNTED, self.counts, strict=True))
        found: Counter[str] = Counter()
        for rule, opener, closer in _PAIRS:
            if opener == closer:
                found[rule] += count[opener] % 2
            else:
                found[rule] += abs(count[opener] - count[closer])
        found["WHITESPACE_RULE"] += count["  "]
        return +found


# Where a candidate is judged: its paragraph (whole for a rechecker, else its marks counted),
# the fixed sentence and those either side, the words about the fix.
Judged = tuple[Paragraph | Marks, Paragraph, str]
# A flag's sentence, start, end and suggestions: all its candidates' texts follow from.
_Place = tuple[str, int, int, tuple[str, ...]]


class Candidates:
    """The texts a candidate fix (a flag with one of its suggestions applied, or none) is
    judged in, read from the document's sentences."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = sentences
        self._where: dict[str, tuple[list[Sentence], int]] = {}
        paragraphs: dict[int, list[Sentence]] = {}
        for sentence in sentences:
            members = paragraphs.setdefault(sentence.paragraph, [])
            self._where[sentence.id] = (members, len(members))
            members.append(sentence)
        # Each paragraph's marks counted, by its number, once asked for.
        self._marks: dict[int, Marks] = {}
        # What ``remember`` found for a flag, by the flag's place and suggestions, until
        # ``judged_in`` takes it.
        self._remembered: dict[_Place, list[tuple[str | None, Judged]]] = {}

    def knows(self, flag: Flag) -> bool:
        return flag.sentence_id in self._where

    def paragraph_number(self, flag: Flag) -> int | None:
        where = self._where.get(flag.sentence_id)
        return None if where is None else where[0][where[1]].paragraph

    def offered(self, flags: Iterable[Flag]) -> Iterator[Flag]:
        """The flags with a suggestion, on a known sentence."""
        return (f for f in flags if f.replacements and f.sentence_id in self._where)

    def judged_in(self, flag: Flag, whole: bool = True) -> Iterable[tuple[str | None, Judged]]:
        """For none and each of ``flag``'s suggestions, the texts it is judged in: its
        paragraph ``whole``, or only its marks counted (taken from ``remember`` when it
        found them)."""
        if not whole and (found := self._remembered.pop(_place(flag), None)) is not None:
            return found
        return self._judged_in(flag, whole)

    def remember(self, flag: Flag) -> list[tuple[str | None, Judged]]:
        """``judged_in(flag, whole=False)``, kept for it to give again: the early judging
        reads a flag's candidates while LanguageTool still runs, and the vetting after it,
        which would read the same, takes them."""
        found = self._remembered[_place(flag)] = list(self._judged_in(flag, whole=False))
        return found

    def _judged_in(self, flag: Flag, whole: bool) -> Iterator[tuple[str | None, Judged]]:
        members, index = self._where[flag.sentence_id]
        original = members[index].text
        before = None if whole else Marks.of(original)
        for replacement, fixed, words in self._fixes(flag):
            paragraph: Paragraph | Marks = (
                _fixed_in(members, index, fixed)
                if before is None
                else self._marks_with(members, index, original, before, fixed)
            )
            yield replacement, (paragraph, _fixed_in(members, index, fixed, nearby=True), words)

    def _marks_with(
        self, members: list[Sentence], index: int, original: str, before: Marks, fixed: str
    ) -> Marks:
        """The marks of the paragraph ``members`` counted with its sentence ``index``
        (``original``, counted as ``before``) written ``fixed``, as the paragraph's sentences
        joined by spaces."""
        number = members[0].paragraph
        if number not in self._marks:
            self._marks[number] = Marks.of(" ".join(s.text for s in members))
        # A double space may span the space that joins two sentences: the counts add up only
        # when neither text starts or ends with a space.
        if all(t and t[0] != " " and t[-1] != " " for t in (original, fixed)):
            return self._marks[number].replaced(before, Marks.of(fixed))
        return Marks.of(" ".join(_fixed_in(members, index, fixed)))

    def _fixes(self, flag: Flag) -> Iterator[tuple[str | None, str, str]]:
        """For none and each of ``flag``'s suggestions: the sentence with it, and the words
        about the fix."""
        members, index = self._where[flag.sentence_id]
        text = members[index].text
        start, end = _around(text, flag.start, flag.end)
        for replacement in (None, *flag.replacements):
            if replacement is None:
                yield None, text, text[start:end]
            else:
                words = text[start : flag.start] + replacement + text[flag.end : end]
                yield replacement, applied(text, flag, replacement), words


def _place(flag: Flag) -> _Place:
    return flag.sentence_id, flag.start, flag.end, flag.replacements


def _fixed_in(
    members: Sequence[Sentence], index: int, fixed: str, nearby: bool = False
) -> Paragraph:
    """The texts of the paragraph ``members`` with its sentence ``index`` written ``fixed``:
    all of them, or (``nearby``) that sentence and those either side."""
    first = max(0, index - 1) if nearby else 0
    last = index + 2 if nearby else len(members)
    return tuple(
        fixed if i == index else s.text for i, s in enumerate(members[first:last], start=first)
    )


class EarlyVerdicts:
    """What our detectors find in the candidates of flags already found, gathered while a
    slower checker (LanguageTool) still runs, so that the settling after it only judges the
    candidates it has not seen (those of flags the settling changed).

    A candidate's verdict depends on its own words only (each detector reads a sentence or
    its neighbours: ``Reach``) and on the quote style, which the text alone decides; the
    vetting uses these verdicts only when its style has the same quotes."""

    def __init__(self, text: str, sentences: Sequence[Sentence], config: Config) -> None:
        self.usage = text_usage(text)
        # The quotes, which every verdict depends on, are read from the text alone.
        self.style = house_style_of(self.usage, config, 0)
        self._config = config
        self.candidates = Candidates(sentences)
        self.nearby: dict[Paragraph, Counter[str]] = {}
        self.alone: dict[str, Counter[str]] = {}

    def judge(self, flags: Iterable[Flag]) -> None:
        """Find what the detectors flag in the candidates of ``flags``, in house style."""
        candidates = self.candidates
        conformed_flags = (conformed(f, self.style, self._config) for f in flags)
        judged = [
            (nearby, words)
            for f in candidates.offered(conformed_flags)
            for _, (_, nearby, words) in candidates.remember(f)
        ]
        # Not ``set - dict.keys()``: that copies every key judged so far, at every batch.
        nearby = {n for n, _ in judged if n not in self.nearby}
        words = {w for _, w in judged if w not in self.alone}
        across, within = _judging(self.style, self._config)
        found = _detected(sorted(nearby), *across)
        self.nearby.update((p, found.get(p, Counter())) for p in nearby)
        alone = _detected([(w,) for w in sorted(words)], *within)
        self.alone.update((w, alone.get((w,), Counter())) for w in words)


def vetted(
    flags: Sequence[Flag],
    sentences: Sequence[Sentence],
    style: HouseStyle,
    config: Config,
    recheckers: Sequence[Checker] = (),
    settle: Callable[[Iterable[Flag], str], Iterable[Flag]] = lambda flags, _: flags,
    early: EarlyVerdicts | None = None,
) -> list[Flag]:
    """``flags`` (in document order) with every suggestion that raises a new flag dropped,
    the rest ranked.

    A candidate is checked in its paragraph by LanguageTool (a quote may pair with one sentences
    away), with the sentences either side by the detectors that read across sentences, and on
    the ``AROUND`` words either side of the fix by the other detectors, and compared with the
    same text as it is. The candidates are checked in passes of whole paragraphs, about
    ``AT_ONCE`` candidates a pass, so that a book's candidates are never held at once; the
    recheckers check them (in one pass) only when there are at most
    ``config.languagetool_rechecks``. What ``early`` found already is not found again."""
    # The early judging's candidates hold the texts it read of each flag it saw: a flag the
    # settling left as it was is not read again.
    if early is not None and early.candidates.sentences is sentences:
        candidates = early.candidates
    else:
        candidates = Candidates(sentences)
    if early is not None and early.style.quotes != style.quotes:
        early = None

    def candidates_of(chunk: Iterable[Flag]) -> Iterator[Paragraph | Marks]:
        return (t[0] for f in candidates.offered(chunk) for _, t in candidates.judged_in(f))

    at_once = config.languagetool_rechecks
    if _more_than(at_once, candidates_of(flags)):
        recheckers, at_once = (), AT_ONCE
    kept: list[Flag] = []

    def keys_of(flag: Flag) -> Iterator[Hashable]:
        """Where each candidate of ``flag`` is: the paragraph as it is, or a fix at a place."""
        for fix in (None, *flag.replacements) if candidates.knows(flag) else ():
            yield (
                candidates.paragraph_number(flag)
                if fix is None
                else (flag.sentence_id, flag.start, fix)
            )

    passes = _passes(flags, at_once, keys_of, candidates.paragraph_number)
    for chunk in passes:
        # Where each candidate is judged: its paragraph, its sentence and those either side,
        # the words about the fix (made once, looked up below).
        texts = {
            (id(f), r): judged
            for f in candidates.offered(chunk)
            for r, judged in candidates.judged_in(f, whole=bool(recheckers))
        }
        found = _rules_found(
            {paragraph for paragraph, _, _ in texts.values()},
            sorted({nearby for _, nearby, _ in texts.values()}),
            sorted({words for _, _, words in texts.values()}),
            style,
            config,
            recheckers,
            settle,
            early,
        )

        for flag in chunk:
            if not flag.replacements or not candidates.knows(flag):
                kept.append(flag)
                continue
            before = found.of(*texts[id(flag), None])
            # A fix we can check must clear one of the flags it stands for ("。”" → "。\""
            # clears nothing).
            own = [rule for rule in rules_of(flag) if before[rule]]
            ranked: list[tuple[int, int, str]] = []
            for order, replacement in enumerate(flag.replacements):
                after = found.of(*texts[id(flag), replacement])
                clears = not own or any(after[rule] < before[rule] for rule in own)
                if not after - before and clears:
                    ranked.append((after.total(), order, replacement))
            fixes = tuple(r for _, _, r in sorted(ranked))
            kept.append(flag if fixes == flag.replacements else replace(flag, replacements=fixes))
    return kept


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the ``AROUND`` words before ``start`` begin and those after ``end`` end in
    ``text`` (its ends when it has fewer)."""
    # The words before are looked for near ``start`` first: a sentence may be long.
    near = max(0, start - 40 * AROUND)
    before = [m.start() for m in _WORD.finditer(text, near, start)]
    if len(before) <= AROUND and near:
        before = [m.start() for m in _WORD.finditer(text, 0, start)]
    after = [m.end() for m in islice(_WORD.finditer(text, end), AROUND)]
    return (
        before[-AROUND] if len(before) >= AROUND else 0,
        after[-1] if len(after) == AROUND else len(text),
    )


def _more_than(limit: int, items: Iterable[Hashable]) -> bool:
    """Whether ``items`` holds more than ``limit`` different ones (no more than that held)."""
    seen: set[Hashable] = set()
    for item in items:
        seen.add(item)
        if len(seen) > limit:
            return True
    return False


def _passes(
    flags: Sequence[Flag],
    at_once: int,
    keys_of: Callable[[Flag], Iterator[Hashable]],
    paragraph_of: Callable[[Flag], int | None],
) -> Iterator[Sequence[Flag]]:
    """``flags`` cut into runs, each ending with a paragraph once its candidates (told apart
    by ``keys_of``) exceed ``at_once``: the flags of one paragraph are in one run (flags
    come in document order)."""
    start = 0
    seen: set[Hashable] = set()
    for index, flag in enumerate(flags):
        if flag.replacements:
            seen.update(keys_of(flag))
        last = index + 1 == len(flags)
        if last or (len(seen) > at_once and paragraph_of(flags[index + 1]) != paragraph_of(flag)):
            yield flags[start : index + 1]
            start = index + 1
            seen.clear()


@dataclass(frozen=True, slots=True)
class _Found:
    """The rules that flag each candidate paragraph (``in_paragraphs``), sentences about the
    fix (``nearby``) and words about it (``alone``), each as often as it does."""

    in_paragraphs: dict[Paragraph | Marks, Counter[str]]
    nearby: dict[Paragraph, Counter[str]]
    alone: dict[str, Counter[str]]

    def of(self, paragraph: Paragraph | Marks, sentences: Paragraph, words: str) -> Counter[str]:
        """The rules that flag a candidate: ``paragraph`` whole, ``sentences`` of it and
        ``words`` of those about the fix."""
        found = Counter[str]()
        for part in (
            self.in_paragraphs.get(paragraph),
            self.nearby.get(sentences),
            self.alone.get(words),
        ):
            if part:
                found.update(part)
        return found


def _judging(style: HouseStyle, config: Config) -> tuple[tuple[Config, set[str]], ...]:
    """The configuration our detectors judge candidates in (the document's quote style
    pinned), with the rules that read across sentences and those that read one."""
    pins = dict(config.style)
    if style.quotes:
        pins["quotes"] = style.quotes
    pinned = replace(config, style=tuple(pins.items()))
    rules = enabled_rules(pinned)
    return tuple(
        (pinned, {r for r in rules if DETECTORS[r].reach is reach})
        for reach in (Reach.PARAGRAPH, Reach.SENTENCE)
    )


def _rules_found(
    paragraphs: Iterable[Paragraph | Marks],
    nearby: Sequence[Paragraph],
    words: Sequence[str],
    style: HouseStyle,
    config: Config,
    recheckers: Sequence[Checker],
    settle: Callable[[Iterable[Flag], str], Iterable[Flag]],
    early: EarlyVerdicts | None = None,
) -> _Found:
    """The rules that flag each of ``paragraphs`` by LanguageTool (or what it is known to
    flag), each of ``nearby`` (a fixed sentence and those either side) by the detectors that
    read across sentences, and each of ``words`` (about a fix) by those that read one
    sentence, each rule as often as it does; ``early``'s verdicts are taken as found. The
    recheckers' flags are settled (``settle``) as the document's own were.

    Checking each candidate's paragraph whole would check every other sentence of it again (a
    paragraph of seven sentences, seven times the work). The detectors that read the
    document's counts do not judge fixes: a text of candidates is no document, and its counts
    would be those of the flagged words themselves ("danube" → "Danube" looked like a stray
    capital)."""
    # A text or paragraph no rule flags has no entry: most have none.
    in_paragraphs: dict[Paragraph | Marks, Counter[str]] = {}
    if recheckers:
        whole = sorted(p for p in paragraphs if not isinstance(p, Marks))
        text, placed, owner = _as_text(whole)
        for flag in (f for c in recheckers for f in settle(c.check(text, placed), text)):
            in_paragraphs.setdefault(owner[flag.sentence_id], Counter())[flag.rule] += 1
    else:
        for paragraph in paragraphs:
            marks = paragraph if isinstance(paragraph, Marks) else Marks.of(" ".join(paragraph))
            if known := marks.known_rules():
                in_paragraphs[paragraph] = known
    near: dict[Paragraph, Counter[str]] = {}
    alone: dict[str, Counter[str]] = {}
    if early is not None:
        near = {p: early.nearby[p] for p in nearby if early.nearby.get(p)}
        alone = {w: early.alone[w] for w in words if early.alone.get(w)}
        nearby = [p for p in nearby if p not in early.nearby]
        words = [w for w in words if w not in early.alone]
    across, within = _judging(style, config)
    near.update(_detected(nearby, *across))
    alone.update((w[0], found) for w, found in _detected([(w,) for w in words], *within).items())
    return _Found(in_paragraphs, near, alone)


def _detected(
    paragraphs: Sequence[Paragraph], config: Config, rules: set[str]
) -> dict[Paragraph, Counter[str]]:
    """The rules among ``rules`` that flag each of ``paragraphs``, each as often as it does."""
    found: dict[Paragraph, Counter[str]] = {}
    text, placed, owner = _as_text(paragraphs)
    for flag in FluencyChecker(config, frozenset(rules), ranked=False).check(text, placed):
        found.setdefault(owner[flag.sentence_id], Counter())[flag.rule] += 1
    return found


def _as_text(paragraphs: Sequence[Paragraph]) -> tuple[str, list[Sentence], dict[str, Paragraph]]:
    """``paragraphs`` as one text to check, its sentences, and the paragraph of each."""
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
    return "".join(pieces), sentences, owner
