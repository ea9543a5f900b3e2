"""Suggestions that keep to the house style and raise no new flag once applied.

Each suggestion is first put in the document's conventions (its quote marks, its spelling
variant). Then every candidate sentence (the sentence with one suggestion applied) is checked
again, cheaply and all in one pass: our fluency detectors run over the candidates, and what
LanguageTool is known to flag is looked at directly (a quote left without its partner, a
double space). A suggestion that would raise a flag the sentence did not have is dropped, and
so is one that does not clear its own flag where the check sees that flag; the others are
ranked by how many flags the sentence keeps after them, fewest first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from review.checkers.consensus.conventions import HouseStyle, configured_spelling, in_spelling
from review.checkers.fluency import FluencyChecker
from review.config import Config
from review.flags import Flag
from review.segment import Sentence

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


def vetted(
    flags: Sequence[Flag], sentences: Sequence[Sentence], style: HouseStyle, config: Config
) -> list[Flag]:
    """``flags`` with every suggestion that raises a new flag dropped, the rest ranked."""
    texts = {s.id: s.text for s in sentences}
    candidates = sorted(
        {
            applied(texts[f.sentence_id], f, r)
            for f in flags
            if f.sentence_id in texts
            for r in f.replacements
        }
        | {texts[f.sentence_id] for f in flags if f.replacements and f.sentence_id in texts}
    )
    found = _rules_found(candidates, style, config)
    kept: list[Flag] = []
    for flag in flags:
        if not flag.replacements or flag.sentence_id not in texts:
            kept.append(flag)
            continue
        before = found[texts[flag.sentence_id]]
        # A fix we can check must clear its own flag ("。”" → "。\"" clears nothing).
        own = flag.rule if before[flag.rule] else None
        ranked: list[tuple[int, int, str]] = []
        for order, replacement in enumerate(flag.replacements):
            after = found[applied(texts[flag.sentence_id], flag, replacement)]
            if not after - before and (own is None or after[own] < before[own]):
                ranked.append((after.total(), order, replacement))
        fixes = tuple(r for _, _, r in sorted(ranked))
        kept.append(flag if fixes == flag.replacements else replace(flag, replacements=fixes))
    return kept


def _rules_found(
    texts: Sequence[str], style: HouseStyle, config: Config
) -> dict[str, Counter[str]]:
    """By text: the rules that flag it, each as often as it does (a text is one paragraph)."""
    pins = dict(config.style)
    if style.quotes:
        pins["quotes"] = style.quotes
    checker = FluencyChecker(replace(config, style=tuple(pins.items())))
    sentences: list[Sentence] = []
    offset = 0
    for number, text in enumerate(texts):
        sentences.append(Sentence(f"c{number}", offset, offset + len(text), number + 1, text))
        offset += len(text) + 1
    found = {text: _known_languagetool_rules(text) for text in texts}
    by_id = {s.id: s.text for s in sentences}
    for flag in checker.check("\n".join(texts), sentences):
        found[by_id[flag.sentence_id]][flag.rule] += 1
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
