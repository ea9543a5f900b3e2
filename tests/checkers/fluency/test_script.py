import pytest

from review.checkers.fluency import FluencyChecker
from review.checkers.fluency.data import load_table
from review.checkers.fluency.script import (
    FullWidthPunctuation,
    Mojibake,
    SourceScript,
    source_language,
)
from review.config import Config
from review.flags import Severity
from review.segment import segment

RULE = SourceScript.rule


def translated_from(code: str, text: str) -> list[tuple[str, str]]:
    """(flagged text, message) of MT_SOURCE_SCRIPT on ``text`` translated from ``code``."""
    checker = FluencyChecker(Config(source_language=code), rules=frozenset({RULE}))
    return [(f.text, f.message) for f in checker.check(text, segment(text))]


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


def test_known_source_language_names_the_language():
    assert translated_from("ru", "He said привет to everyone.") == [
        ("привет", "Untranslated Russian text")
    ]
    assert translated_from("zh-Hant", "The talks covered 一带一路 projects.") == [
        ("一带一路", "Untranslated Chinese text")
    ]
    assert translated_from("ja", "They sell ソニー 製品 here.") == [
        ("ソニー 製品", "Untranslated Japanese text")
    ]


def test_third_language_text_kept_from_the_source_is_silent():
    # "і" is not a letter of Russian: the word was Ukrainian in the Russian source too.
    assert translated_from("ru", "Governor? Звілнити!") == []
    assert translated_from("zh", "He shouted “Москва!” and a brand called ソニー.") == []
    assert translated_from("et", "The sign said Москва.") == []


def test_lookalike_inside_latin_word_is_flagged_whatever_the_source():
    assert translated_from("et", "The cаt sat.") == [
        ("а", "Cyrillic character inside an English word")
    ]


def test_unknown_source_language_flags_every_script():
    assert translated_from("", "Governor? Звілнити!") == [
        ("Звілнити", "Untranslated Cyrillic text")
    ]


def test_source_words_beside_third_language_words_are_judged_one_by_one():
    assert translated_from("ru", "He said привет Звілнити to all.") == [
        ("привет", "Untranslated Russian text")
    ]


def test_other_script_touching_an_english_word_is_judged_as_text():
    assert translated_from("ru", "A Sonyソニー phone.") == []
    assert translated_from("", "A Sonyソニー phone.") == [("ソニー", "Untranslated Japanese text")]
    assert translated_from("ja", "We met in Tokyo東京.") == [("東京", "Untranslated Japanese text")]


@pytest.mark.parametrize("row", load_table("source_languages.tsv").rows, ids=lambda r: r[0])
def test_every_source_language_writes_in_known_scripts(row):
    languages = {source_language(code) for code in row[0].split()}
    assert len(languages) == 1
    [language] = languages
    assert language is not None and language.name == row[1]
    assert (language.written is None) == (row[2] == "Latin")
    if language.letters:
        assert all(language.wrote(letter) for letter in language.letters)
        assert all(letter == letter.lower() for letter in language.letters)


def test_codes_with_script_and_region_and_unknown_codes():
    assert source_language("zh_TW") == source_language("zh-Hant") == source_language("zh")
    assert source_language("rus") == source_language("ru")
    assert source_language("sr-Latn").written is None
    assert source_language("ro").written is None
    assert source_language("xx") is None
    # Not known is not Latin: every script is still flagged.
    assert translated_from("xx", "He said привет.") == [("привет", "Untranslated Cyrillic text")]


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
