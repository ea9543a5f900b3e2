from review.checkers.source_target.numbers import (
    NumberAdded,
    NumberChanged,
    NumberFormat,
    NumberMissing,
)
from review.flags import MqmClass, Severity


def test_scaled_numeral_misread(flags):
    [flag] = flags(NumberChanged.rule, "他花了3万元买书。", "He spent 3,000 yuan on books.")
    assert (flag.start, flag.end, flag.text) == (9, 14, "3,000")
    assert flag.message == "3,000 is not in the source, which has 3万"
    assert (flag.mqm, flag.severity, flag.source) == (
        MqmClass.MISTRANSLATION,
        Severity.MAJOR,
        "source-target",
    )


def test_every_way_of_writing_the_same_numbers_matches(flags):
    pairs = [
        ("两千人参加了第三届会议。", "Two thousand people attended the third meeting."),
        ("3万元", "30 thousand yuan"),
        ("3万元", "30,000 yuan"),
        ("1.5亿人", "150 million people"),
        ("百分之五十的人", "50% of people"),
        ("百分之五十的人", "fifty percent of people"),
        ("十二个月", "twelve months"),
        ("第三名", "3rd place"),
        ("十亿年以前，两颗星星诞生了", "a billion years ago, two stars were born"),
        ("2019年5月3日", "3 May 2019"),
    ]
    for source, target in pairs:
        assert flags(None, source, target) == [], (source, target)


def test_source_number_missing_flags_the_whole_target(flags):
    [flag] = flags(NumberMissing.rule, "他有三个孩子。", "He has children.")
    assert (flag.start, flag.end) == (0, 16)
    assert flag.message == "the source's 三 is not in the translation"
    assert flag.mqm == MqmClass.OMISSION


def test_words_inside_which_a_numeral_hides_need_no_number(flags):
    target = "We went together, it was very important, just in case."
    assert flags(None, "我们一起去，十分重要，万一。", target) == []


def test_added_number(found):
    source = "Samuti tungisid Rooma piiridesse alemannid."
    assert found(NumberAdded.rule, source, "In 352 the Alemanni invaded Rome.", "et") == [
        (3, 6, "352")
    ]


def test_a_number_changed_and_another_added_are_paired_in_order(flags):
    source, target = "Luftwaffe ründas 150 lennukiga.", "Luftwaffe attacked under Article 107, 3."
    assert [(f.rule, f.text, f.message) for f in flags(None, source, target, "et")] == [
        ("ST_NUMBER_CHANGED", "107", "107 is not in the source, which has 150"),
        ("ST_NUMBER_ADDED", "3", "3 is not in the source"),
    ]


def test_number_words_of_the_source_language_match_thousands(flags):
    source = "78-летняя Анна лишилась 600 тысяч рублей."
    assert flags(None, source, "Anna, 78, lost 600,000 roubles.", "ru") == []


def test_roman_century_matches_the_ordinal(flags):
    source = "În secolul XIV Veneția a devenit bogată."
    assert flags(None, source, "In the 14th century Venice became rich.", "ro") == []


def test_same_date_in_both(flags):
    assert flags(None, "Kohus 16.05.2017 otsustas.", "The court decided on 16.05.2017.", "et") == []


def test_number_in_the_sources_format(flags):
    [flag] = flags(NumberFormat.rule, "Hind on 1 000,5 eurot.", "The price is 1 000,5 euros.", "et")
    assert (flag.start, flag.end, flag.text) == (13, 20, "1 000,5")
    assert flag.message == "1 000,5 is written the source's way; English writes 1,000.5"
    assert flag.replacements == ("1,000.5",)
    assert flag.mqm == MqmClass.NUMBER_FORMAT


def test_point_grouping_copied_from_romanian(found):
    source = "Între 500.000 de sârbi au fost uciși."
    assert found(NumberFormat.rule, source, "Between 500.000 Serbs were killed.", "ro") == [
        (8, 15, "500.000")
    ]


def test_numbers_inside_placeholders_and_urls_are_the_token_checks(flags):
    found = flags(None, "Open %s at https://a.org/1", "Open {0} at https://a.org/2", "en")
    assert [f.rule for f in found] == ["ST_TAG_MISSING", "ST_TAG_ADDED", "ST_ADDRESS_ALTERED"]


def test_english_to_chinese(flags):
    assert flags(None, "Two thousand people came.", "两千人来了。", "en", "zh") == []
    source, target = "He paid 3,000 yuan.", "他花了3万元。"
    [flag] = flags(NumberChanged.rule, source, target, "en", "zh")
    assert (flag.text, flag.message) == ("3万", "3万 is not in the source, which has 3,000")
