import pytest

from review.checkers.source_target.numerals import (
    chinese_numbers,
    chinese_value,
    digit_numbers,
    english_numbers,
    foreign_format,
    roman_numbers,
    word_value,
)


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("两千", 2000),
        ("十二", 12),
        ("一百零五", 105),
        ("三亿五千万", 350_000_000),
        ("一万亿", 10**12),
        ("二〇一九", 2019),
        ("3万", 30_000),
        ("1.5亿", 150_000_000),
        ("三点五", 3.5),
        ("十亿", 10**9),
    ],
)
def test_chinese_values(numeral, value):
    assert chinese_value(numeral) == value


def test_adjacent_digits_are_an_approximation_not_a_number():
    assert chinese_value("三四") is None


def test_chinese_numbers_required_only_where_a_translation_must_carry_them():
    text = "第三次，百分之五十的人花了两千元，一起十分高兴，万一几十万人来"
    found = [(text[n.start : n.end], n.value, n.required) for n in chinese_numbers(text)]
    assert found == [
        ("第三", 3, True),
        ("百分之五十", 50, True),
        ("两千", 2000, True),
        ("一", 1, False),
        ("十", 10, False),
        ("万一", 10001, False),
        ("十万", 100_000, False),
    ]


def test_one_character_numeral_needs_a_measure_word():
    assert [n.required for n in chinese_numbers("三个人和五湖四海")] == [True, False, False]


def test_ten_minutes_is_a_number_but_very_is_not():
    assert [n.required for n in chinese_numbers("十分钟")] == [True]
    assert [n.required for n in chinese_numbers("十分重要")] == [False]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("1,000.5 and 2019", "en", [1000.5, 2019]),
        ("1 000,5 ja 3,5", "et", [1000.5, 3.5]),
        ("1.000,5 și 500.000", "ro", [1000.5, 500_000]),
        ("3.5 and 10", "ru", [3.5, 10]),
    ],
)
def test_digits_read_by_the_writers_locale(text, language, values):
    assert [n.value for n in digit_numbers(text, language)] == values


def test_a_date_is_one_number_with_a_value_of_its_own():
    [date] = digit_numbers("on 27.04.2018", "ru")
    assert (date.start, date.end, date.value) == (3, 13, 27042018.5)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("two thousand", 2000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("a hundred and five", 105),
        ("third", 3),
        ("half a million", 500_000),
        ("thirty million", 30_000_000),
    ],
)
def test_word_values(words, value):
    assert word_value(words) == value


def test_english_numbers_with_spans_and_readings():
    text = "The first two of 30 million, the 3rd in the 1990s, 20 000 on 3 May, 1,500,000"
    found = [(text[n.start : n.end], n.values, n.digits) for n in english_numbers(text)]
    assert found == [
        ("first", (1.0,), False),
        ("two", (2.0,), False),
        ("30 million", (30_000_000.0, 30.0, 30_000.0, 30.0), True),
        ("3rd", (3.0,), True),
        ("1990s", (1990.0, 90.0), True),
        ("20 000", (20_000.0, 20.0, 20.0), True),
        ("3", (3.0,), True),
        ("May", (5.0,), False),
        ("1,500,000", (1_500_000.0, 1500.0, 1.5), True),
    ]


def test_foreign_formats_only_where_the_source_writes_a_decimal_comma():
    text = "500.000 and 1.2 million, 3,5 or 1 000,5 and 3 000"
    assert [(n.start, n.end, n.value) for n in foreign_format(text, "ro")] == [
        (0, 7, 500_000),
        (25, 28, 3.5),
        (32, 39, 1000.5),
    ]
    assert foreign_format(text, "zh") == []


def test_roman_numerals_of_two_letters_or_more():
    text = "secolul XX, XIV, Henry VIII, I am"
    assert [(text[n.start : n.end], n.value, n.required) for n in roman_numbers(text)] == [
        ("XX", 20, False),
        ("XIV", 14, False),
        ("VIII", 8, False),
    ]
