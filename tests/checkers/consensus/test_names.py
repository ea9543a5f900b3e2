"""Names are not misspellings: pinyin and repeated names (flags built here, as LanguageTool's
MORFOLOGIK rule gives them)."""

from __future__ import annotations

import pytest

from review.checkers.consensus.names import is_pinyin, spare_names
from review.flags import Category, Flag, MqmClass, Severity


def spelling(word: str, start: int = 0) -> Flag:
    return Flag(
        "s1", start, start + len(word), "languagetool", "MORFOLOGIK_RULE_EN_US",
        Category.SPELLING, MqmClass.SPELLING, Severity.MAJOR, "Possible spelling mistake found.",
        word, ("Dial",),
    )  # fmt: skip


@pytest.mark.parametrize("word", ["Xi", "Zhongnanhai", "Diaoyutai", "Xinjiang", "Qian'an"])
def test_pinyin_words(word):
    assert is_pinyin(word)


@pytest.mark.parametrize("word", ["Govenment", "Thw", "Strenght", "Kekertsuatsiak"])
def test_misspellings_are_not_pinyin(word):
    assert not is_pinyin(word)


def test_capitalised_pinyin_is_dropped_lower_case_stays():
    text = "Xi met them at Diaoyutai; diaoyutai is lower case."
    flags = [spelling("Xi"), spelling("Diaoyutai", 15), spelling("diaoyutai", 26)]
    assert [f.text for f in spare_names(flags, text)] == ["diaoyutai"]


def test_a_repeated_name_is_demoted_to_check_the_name():
    text = "Kekertsuatsiak is far. We sailed to Kekertsuatsiak."
    (kept,) = spare_names([spelling("Kekertsuatsiak")], text)
    assert (kept.severity, kept.replacements) == (Severity.MINOR, ())
    assert kept.message == "Unknown name, written this way 2 times: check it"


def test_a_misspelling_once_stays_as_it_was():
    flag = spelling("Govenment")
    assert list(spare_names([flag], "Govenment said so.")) == [flag]


def test_pinyin_is_spared_only_when_the_source_may_be_chinese():
    text = "Siya came home."
    flag = spelling("Siya")
    assert list(spare_names([flag], text, "zh")) == []
    assert list(spare_names([flag], text, "zh-Hant")) == []
    assert list(spare_names([flag], text, "si")) == [flag]
