from review.checkers.fluency.script import FullWidthPunctuation, Mojibake, SourceScript
from review.flags import Severity

RULE = SourceScript.rule


def test_untranslated_chinese_is_a_major_flag(flags):
    [flag] = flags(RULE, "The talks covered 一带一路 projects in Asia.")
    assert (flag.text, flag.severity, flag.start) == ("一带一路", Severity.MAJOR, 18)
    assert flag.message == "Untranslated Chinese text"


def test_cyrillic_word_left_in_english(found):
    assert found(RULE, "Governor? Звілнити!") == [("Звілнити", ())]


def test_cyrillic_lookalike_inside_latin_word_gets_the_latin_letter(found):
    assert found(RULE, "The cаt sat.") == [("а", ("a",))]


def test_term_with_gloss_in_parentheses_is_silent(found):
    assert found(RULE, "The idea of guanxi (关系) shapes business.") == []
    assert found(RULE, "The idea of 关系 (guanxi) shapes business.") == []
    assert found(RULE, "The sign read “关系” (relationships).") == []


def test_quoted_source_text_is_only_minor(flags):
    [flag] = flags(RULE, "The poster said “和平” in red letters.")
    assert flag.text == "和平"
    assert flag.severity == Severity.MINOR


def test_greek_letters_and_accents_are_english_enough(found):
    assert found(RULE, "β-blockers reduce the pH effect, said Zoë in Orléans.") == []


FULL = FullWidthPunctuation.rule


def test_chinese_stop_and_closing_quote(found):
    assert found(FULL, "He said: “Stop。” Then he left.") == [("。”", (".”",))]


def test_fullwidth_comma_gets_a_space_before_the_next_word(found):
    assert found(FULL, "Beijing，Shanghai and Shenzhen.") == [("，", (", ",))]


def test_fullwidth_brackets_digits_and_book_title_marks(found):
    assert found(FULL, "See 《Red Sorghum》（１９８７）.") == [
        ("《", ("“",)),
        ("》（１９８７）", ("”(1987)",)),
    ]


def test_doubled_chinese_dash_and_ellipsis(found):
    assert found(FULL, "He waited——and waited……") == [("——", ("—",)), ("……", ("…",))]


def test_english_dash_and_ellipsis_are_silent(found):
    assert found(FULL, "He waited — and waited… (then left).") == []


MOJI = Mojibake.rule


def test_utf8_read_as_latin1_is_repaired(found):
    assert found(MOJI, "The cafÃ© was closed.") == [("Ã©", ("é",))]
    assert found(MOJI, "It isnâ€™t here.") == [("â€™", ("’",))]


def test_replacement_character_has_no_suggestion(found):
    assert found(MOJI, "The \ufffd sign.") == [("\ufffd", ())]


def test_ordinary_accents_are_silent(found):
    assert found(MOJI, "Âge and São Paulo, naïve café.") == []
