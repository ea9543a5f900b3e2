"""One opinion per span: flags whose suggestions change the same characters become one."""

from __future__ import annotations

from review.checkers.consensus.one_opinion import absorbed, one_per_span, rules_of
from review.flags import Category, Flag, MqmClass, Severity
from review.segment import Sentence

TEXT = 'It is a better place. "'
SENTENCE = Sentence("s1", 0, len(TEXT), 1, TEXT)


def make(rule: str, start: int, text: str, fixes: tuple[str, ...], source: str) -> Flag:
    return Flag(
        "s1", start, start + len(text), source, rule, Category.TYPOGRAPHY,
        MqmClass.TYPOGRAPHY, Severity.MINOR, rule.lower(), text, fixes,
    )  # fmt: skip


def test_two_checkers_on_one_quote_become_one_flag_with_both_suggestions():
    en_quotes = make("EN_QUOTES", 22, '"', ("“",), "languagetool")
    space = make("MT_SPACE_INSIDE_QUOTES", 15, 'place. "', ('place."',), "fluency")
    (flag,) = one_per_span([space, en_quotes], [SENTENCE])
    assert (flag.rule, flag.start, flag.text) == ("MT_SPACE_INSIDE_QUOTES", 15, 'place. "')
    assert flag.replacements == ('place."', "place. “")
    assert rules_of(flag) == ("MT_SPACE_INSIDE_QUOTES", "EN_QUOTES")


def test_flags_that_change_different_characters_stay_two():
    text = "the community of destiny. "
    sentence = Sentence("s1", 0, len(text), 1, text)
    phrase = make(
        "MT_SET_PHRASE",
        4,
        "community of destiny",
        ("community with a shared future",),
        "fluency",
    )
    space = make("MT_SPACE_INSIDE_QUOTES", 17, "destiny. ", ("destiny.",), "fluency")
    assert one_per_span([phrase, space], [sentence]) == [phrase, space]


def test_a_duplicate_merged_away_is_named_by_the_flag_that_stayed():
    kept = make("COMMA_PARENTHESIS_WHITESPACE", 20, ". ", (".",), "languagetool")
    gone = make("MT_SPACE_BEFORE_PUNCT", 20, ". ", (".",), "fluency")
    (flag,) = absorbed([kept, gone], [kept])
    assert rules_of(flag) == ("COMMA_PARENTHESIS_WHITESPACE", "MT_SPACE_BEFORE_PUNCT")
