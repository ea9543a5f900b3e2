"""The seed as `review check` shows it, with the real LanguageTool server: one flag about
quote style, and no offered suggestion that raises a flag the text did not have."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

import pytest

from review.checkers.consensus.one_opinion import rules_of
from review.checkers.consensus.safe_fixes import fixed_paragraphs, safe_fixes, with_fixes
from review.checking import check_document
from review.config import Config
from review.document import load_document
from review.flags import Flag
from review.segment import Sentence, segment
from support import SEED

QUOTE_STYLE_RULES = {"EN_QUOTES", "MT_MIXED_QUOTES", "HOUSE_STYLE_QUOTES"}


@pytest.fixture(scope="module")
def seed(languagetool_server: object) -> tuple[str, tuple[Sentence, ...], tuple[Flag, ...]]:
    text = load_document(SEED).text
    sentences = tuple(segment(text))
    return text, sentences, check_document(text, sentences, Config()).flags


def _check(text: str, sentences: Sequence[Sentence]) -> tuple[Flag, ...]:
    return check_document(text, sentences, Config()).flags


def _rules(flags: Iterable[Flag]) -> Counter[tuple[str, str]]:
    """Every rule that speaks in each sentence: those flags are shown under and those merged
    into them."""
    return Counter((f.sentence_id, rule) for f in flags for rule in rules_of(f))


def _shown(flags: Sequence[Flag]) -> Counter[tuple[str, str]]:
    """The flags the editor sees, by sentence and the rule each is shown under. A rule merged
    into a flag already on the same characters with the same fix (a consistency note beside
    LanguageTool's case flag) raises no flag."""
    return Counter((f.sentence_id, f.rule) for f in flags)


def test_one_flag_about_quote_style_for_the_whole_document(seed):
    _, _, flags = seed
    quote_style = [(f.sentence_id, f.rule, f.text) for f in flags if f.rule in QUOTE_STYLE_RULES]
    assert quote_style == [("s1", "HOUSE_STYLE_QUOTES", '"')]


def test_every_offered_suggestion_raises_no_new_flag(seed):
    text, sentences, flags = seed
    before = _rules(flags)
    offered = [(f, r) for f in flags for r in f.replacements]
    assert len(offered) >= 25
    for flag, replacement in offered:
        fixed = with_fixes(text, sentences, [replace(flag, replacements=(replacement,))])
        raised = _shown(_check(*fixed)) - before
        assert not raised, f"{flag.sentence_id} {flag.rule} {flag.text!r} → {replacement!r}"


def test_accept_all_of_every_rule_leaves_no_new_flag(seed):
    text, sentences, flags = seed
    before = _rules(flags)
    for rule in sorted({f.rule for f in flags if f.replacements}):
        fixes = [f for f in flags if f.rule == rule and f.replacements]
        kept, _skipped = safe_fixes(fixes, flags, text, sentences, _check)
        assert kept, rule
        # The fixed paragraphs gain no flag (elsewhere, the consistency check may say a term
        # is now written two ways: that is the document's, not a fix's).
        fixed = with_fixes(text, sentences, kept)
        judged = fixed_paragraphs(kept, fixed[1])
        after = _rules(f for f in _check(*fixed) if f.sentence_id in judged)
        raised = after - before
        assert not raised, rule
