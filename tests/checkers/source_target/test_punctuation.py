import pytest

from review.checkers.source_target.punctuation import (
    BracketParity,
    EdgeWhitespace,
    EndPunctuation,
    end_mark,
)
from review.flags import MqmClass, Severity


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("你好吗？", (3, "question")),
        ("He left.”", (7, "full stop")),
        ("Wait...", (4, "ellipsis")),
        ("好。", (1, "full stop")),
        ("A title", None),
    ],
)
def test_end_mark(text, mark):
    assert end_mark(text) == mark


def test_question_turned_into_a_statement(flags):
    [flag] = flags(EndPunctuation.rule, "你去过北京吗？", "Have you been to Beijing.")
    assert (flag.start, flag.end, flag.text) == (24, 25, ".")
    assert flag.message == "the source ends with a question, the translation with a full stop"
    assert flag.replacements == ("?",)
    assert (flag.mqm, flag.severity) == (MqmClass.PUNCTUATION, Severity.MINOR)


def test_full_stop_added_to_a_title(found):
    assert found(EndPunctuation.rule, "第一章 总则", "Chapter One General Provisions.") == [
        (30, 31, ".")
    ]


def test_end_mark_missing_flags_the_last_word(flags):
    [flag] = flags(EndPunctuation.rule, "他走了。", "He left")
    assert (flag.start, flag.end, flag.text) == (3, 7, "left")
    assert flag.message == "the source ends with a full stop, the translation with none"


def test_full_width_marks_and_toned_down_exclamations_pass(found):
    assert found(EndPunctuation.rule, "好。", "Good.") == []
    assert found(EndPunctuation.rule, "真好！", "How good.") == []
    assert found(EndPunctuation.rule, "“走吧。”", "“Let's go.”") == []


def test_abbreviation_point_may_go_with_the_abbreviation(found):
    assert found(EndPunctuation.rule, "Завербован в 1981 г.", "Recruited in 1981", "ru") == []
    assert found(EndPunctuation.rule, "Он ушёл.", "He left", "ru") == [(3, 7, "left")]


def test_quotation_marks_dropped(flags):
    [flag] = flags(
        BracketParity.rule,
        "他们读了“人民之声”这篇文章。",
        "They read the article Voice of the People.",
    )
    assert (flag.start, flag.end) == (0, 42)
    assert flag.message == "the source has 2 double quotation marks, the translation 0"


def test_bracket_added_flags_the_last_one(found):
    source = "Klaus Iohannis a numit un membru al Partidului Social Democrat."
    target = "Klaus Iohannis appointed a member of the Social Democratic Party (PSD)."
    assert found(BracketParity.rule, source, target, "ro") == [(69, 70, ")")]


def test_full_width_and_other_languages_marks_count_as_their_english_kind(found):
    assert (
        found(BracketParity.rule, "李明（作家）说：「好」", "Li Ming (a writer) said: “good”") == []
    )
    assert found(BracketParity.rule, "Закон « О коррупции »", 'The "Corruption" Act', "ru") == []
    assert found(BracketParity.rule, "《人民日报》报道", "The People's Daily reported") == []


def test_edge_whitespace(flags):
    found = flags(EdgeWhitespace.rule, " Hello world", "Bonjour le monde ", "en")
    assert [(f.start, f.end, f.message) for f in found] == [
        (0, 1, "leading whitespace ' ' in the source, '' here"),
        (16, 17, "trailing whitespace '' in the source, ' ' here"),
    ]
    assert found[1].replacements == ("",)


def test_same_edges_pass(found):
    assert found(EdgeWhitespace.rule, " a\n", "\tb\n", "en") == []
