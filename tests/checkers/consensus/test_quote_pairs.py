"""Pair-aware quote fixing (EN_QUOTES flags built here as LanguageTool gives them: each mark
alone, its direction guessed from the next character)."""

from __future__ import annotations

from review.checkers.consensus import settle
from review.checkers.consensus.quote_pairs import pair_quote_fixes
from review.config import Config
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import segment

CURLY = Config(style=(("quotes", "curly"),))


def en_quotes(sentence: str, start: int, fix: str) -> Flag:
    return Flag(
        sentence, start, start + 1, "languagetool", "EN_QUOTES", Category.TYPOGRAPHY,
        MqmClass.TYPOGRAPHY, Severity.MINOR, "Use a smart opening quote here.", '"', (fix,),
    )  # fmt: skip


def test_both_marks_of_a_pair_become_one_fix():
    text = 'He said "yes" today.'
    flags = [en_quotes("s1", 8, "“"), en_quotes("s1", 12, "”")]
    (flag,) = pair_quote_fixes(flags, segment(text))
    assert (flag.start, flag.end, flag.text, flag.replacements) == (8, 13, '"yes"', ("“yes”",))


def test_a_closing_quote_after_a_space_closes():
    text = 'They said "it is a better place. "'
    flags = [en_quotes("s1", 10, "“"), en_quotes("s1", 33, "“")]
    (flag,) = pair_quote_fixes(flags, segment(text))
    assert flag.replacements == ("“it is a better place. ”",)


def test_a_pair_across_sentences_gets_no_fix():
    text = '"It opened. It closed." Done.'
    flags = [en_quotes("s1", 0, "“"), en_quotes("s2", 10, "”")]
    assert [f.replacements for f in pair_quote_fixes(flags, segment(text))] == [(), ()]


def test_settled_in_a_curly_document_the_pair_is_one_flag():
    text = '“One” and “two”. He said "yes" today.'
    sentences = segment(text)
    flags = [en_quotes("s2", 8, "“"), en_quotes("s2", 12, "”")]
    settled = settle(flags, text, sentences, CURLY)
    assert [(f.rule, f.text, f.replacements) for f in settled] == [
        ("EN_QUOTES", '"yes"', ("“yes”",))
    ]
