"""The numbers of a text as values: digits read by the writer's locale, Chinese numerals,
English number words.

Written here rather than taken from a library: cn2an (the best kept Chinese one) converts
whole sentences without offsets and reads words that merely contain a numeral as numbers
(一起 "together" → 1起, 十分 "very" → 10分), and does not scale 3万; the English word parsers
(word2number, number-parser) give no offsets either. What a check needs is small: each
number's value, its span, and whether a translation must carry it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> list[str]:
    return text.split()


# Languages that write 1.000,5 or 1 000,5: the decimal mark is a comma.
_DECIMAL_COMMA = frozenset(
    _words(
        "af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk "
        "ky lt lv mk mn nb nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi"
    ),
)
_GROUP_SPACES = "\u00a0\u202f\u2009"


@dataclass(frozen=True, slots=True)
class Number:
    """A number written in a text. ``values``: what it may stand for (30 million is 30,000,000
    or, against a source that writes the scale as a word, 30). ``required``: a translation
    must carry it (not so for 一 "a", or a numeral inside a word such as 万一 "in case")."""

    start: int
    end: int
    values: tuple[float, ...]
    required: bool = True
    digits: bool = True

    @property
    def value(self) -> float:
        return self.values[0]


def decimal_comma(language: str) -> bool:
    return language.lower().replace("_", "-").split("-")[0] in _DECIMAL_COMMA


def _digit_pattern(group: str, decimal: str) -> re.Pattern[str]:
    """Grouped digits (1,000.5) first, then plain ones (2019, 3.5)."""
    return re.compile(
        rf"(?<![\d.,])\d{{1,3}}(?:[{group}]\d{{3}})+(?:[{decimal}]\d+)?(?!\d)"
        rf"|(?<!\d)\d+(?:[{decimal}]\d+)?"
    )


# English groups by commas or, as ISO 80000 has it, by spaces.
_DIGITS_POINT = _digit_pattern(f",{_GROUP_SPACES} ", ".")
_DATE = re.compile(r"(?<![\d.,])\d{1,4}([./])\d{1,2}\1\d{1,4}(?![\d])")
# Where the comma is the decimal mark, a point followed by other than three digits is one too
# (3.5 in a Russian text is rarer than 3,5 but not wrong).
_DIGITS_COMMA = _digit_pattern(f".{_GROUP_SPACES} ", ",.")


def parse_digits(token: str, comma: bool) -> float:
    """The value of ``token`` (a match of the locale's digit pattern)."""
    for space in _GROUP_SPACES + " ":
        token = token.replace(space, "")
    if comma:
        if "," in token:
            token = token.replace(".", "").replace(",", ".")
        elif token.count(".") > 1 or re.search(r"\.\d{3}$", token):
            token = token.replace(".", "")
    else:
        token = token.replace(",", "")
    return float(token)


def digit_numbers(text: str, language: str) -> list[Number]:
    """Numbers written in digits, read as ``language`` writes them (1.000,5 in Russian)."""
    comma = decimal_comma(language)
    pattern = _DIGITS_COMMA if comma else _DIGITS_POINT
    # A date has no one value: it matches the same date, or its parts (see numbers.py).
    dates = [Number(m.start(), m.end(), (_date_value(m.group()),)) for m in _DATE.finditer(text)]
    numbers = [
        Number(m.start(), m.end(), _grouped_values(m.group(), comma))
        for m in pattern.finditer(text)
        if not any(d.start <= m.start() < d.end for d in dates)
    ]
    return sorted([*dates, *numbers], key=lambda n: n.start)


def _date_value(date: str) -> float:
    """27.04.2018 and 27/04/2018 as 27042018, a value no other number written has."""
    return float("".join(re.findall(r"\d+", date))) + 0.5


def _grouped_values(token: str, comma: bool) -> tuple[float, ...]:
    """20 000 is 20,000, or 20 where the source says "20 thousand" in words."""
    value = parse_digits(token, comma)
    head = re.match(rf"\d+(?=[{_GROUP_SPACES} ]\d)", token)
    return (value, float(head.group())) if head else (value,)


_ROMAN = re.compile(
    r"\b(?=[MDCLXVI]{2,}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b"
)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def roman_numbers(text: str) -> list[Number]:
    """Roman numerals of two letters or more (secolul XX, XIV): not required, as Henry VIII
    stays VIII in English, but a target's "20th" is then no added number."""
    numbers = []
    for m in _ROMAN.finditer(text):
        if len(m.group()) < 2:
            continue
        values = [_ROMAN_VALUES[c] for c in m.group()]
        value = sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
        numbers.append(Number(m.start(), m.end(), (float(value),), required=False, digits=False))
    return numbers


def foreign_format(text: str, language: str) -> list[Number]:
    """Numbers in an English text written as ``language`` writes them and English does not
    (1.000,5, 1.000, 3,5): read by that language's convention."""
    if not decimal_comma(language):
        return []
    return [
        Number(m.start(), m.end(), (parse_digits(m.group(), comma=True),))
        for m in _FOREIGN.finditer(text)
    ]


# Grouped by points, or with a decimal comma; grouping by spaces is English too (ISO 80000).
_FOREIGN = re.compile(
    rf"(?<![\d.,])(?:\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d{{1,3}}(?:[{_GROUP_SPACES} ]\d{{3}})+,\d+"
    rf"|\d+,\d{{1,2}})(?![\d])"
)

# --- Chinese ---------------------------------------------------------------------------

_ZH_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3, "四": 4,
    "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9,
    "玖": 9,
}  # fmt: skip
_ZH_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_ZH_CHARS = "".join([*_ZH_DIGIT, *_ZH_UNIT, *_ZH_BIG])
# A numeral, a decimal part after 点, or digits scaled by 万/亿 (3万, 1.5亿); with what comes
# before (第 third, 百分之 per cent, 几/数 "several") and after it (a measure word).
_ZH_NUMBER = re.compile(
    rf"(?P<pre>第|百分之|[几数上成])?"
    rf"(?P<num>\d+(?:\.\d+)?[{''.join(_ZH_BIG)}]+|[{_ZH_CHARS}]+(?:点[{''.join(_ZH_DIGIT)}]+)?)"
)
# Words a numeral is part of, not a number to translate.
_ZH_WORDS = frozenset(["万一", "千万", "万万", "一一", "千千万万", "万岁", "万分", "十分", "百分"])
# 十分 is "very"; 十分钟 ten minutes.
_VERY = re.compile("分(?!钟)")
# What follows a number to translate: measure words and units.
_ZH_MEASURE = re.compile(
    "个|位|名|人|年|岁|天|日|号|月|次|倍|元|块|美元|米|公里|千米|里|斤|公斤|克|吨|本|张|条|件|"
    "只|种|家|座|所|层|度|周|小时|秒|分钟|辆|台|部|篇|首|场|期|届|项|批|份|间|棵|头|匹|句|遍|"
    "代|世纪|亩|平方|多|余|%"
)


def chinese_value(numeral: str) -> float | None:
    """The value of a Chinese numeral (两千 2000, 一百零五 105, 三亿五千万 350000000,
    二〇一九 2019, 3万 30000, 三点五 3.5); None when it is not one."""
    whole, _, decimals = numeral.partition("点")
    scaled = re.fullmatch(rf"(\d+(?:\.\d+)?)([{''.join(_ZH_BIG)}]+)", whole)
    if scaled:
        value = float(scaled.group(1))
        for char in scaled.group(2):
            value *= _ZH_BIG[char]
        return value
    if not whole or any(c not in _ZH_CHARS for c in whole):
        return None
    if all(c in _ZH_DIGIT for c in whole):
        # Read digit by digit: 二〇一九 is a year; 三四 is "three or four", no number.
        if len(whole) > 1 and len(whole) < 4 and not set(whole) & set("零〇"):
            return None
        value = float("".join(str(_ZH_DIGIT[c]) for c in whole))
    else:
        value = _positional(whole)
    if decimals:
        value += float("0." + "".join(str(_ZH_DIGIT[c]) for c in decimals))
    return value


def _positional(numeral: str) -> float:
    total = section = number = 0
    for char in numeral:
        if char in _ZH_DIGIT:
            number = _ZH_DIGIT[char]
        elif char in _ZH_UNIT:
            section += (number or 1) * _ZH_UNIT[char]
            number = 0
        elif _ZH_BIG[char] == 10**8:
            total = (total + section + number or 1) * 10**8
            section = number = 0
        else:
            total += (section + number or 1) * 10**4
            section = number = 0
    return float(total + section + number)


def chinese_numbers(text: str) -> list[Number]:
    """Chinese numerals of ``text``, those a translation must carry marked ``required``:
    ordinals (第三), percentages (百分之五十), numerals of two characters or more, and one
    character followed by a measure word (三个); never 一 (one is often "a"), never a numeral
    inside a word (万一 "in case", 十分 "very") or an approximation (几十万 "hundreds of
    thousands")."""
    numbers = []
    for m in _ZH_NUMBER.finditer(text):
        numeral, pre = m.group("num"), m.group("pre") or ""
        value = chinese_value(numeral)
        if value is None:
            continue
        measured = _ZH_MEASURE.match(text, m.end()) is not None
        required = (
            value != 1
            and pre not in ("几", "数", "上", "成")
            and numeral not in _ZH_WORDS
            and (bool(pre) or len(numeral) > 1 or measured)
            and not (numeral == "十" and _VERY.match(text, m.end()))
        )
        start = m.start("num") if pre in ("几", "数", "上", "成") else m.start()
        # 3万 is written in digits, and may be flagged as added in a Chinese target
        digits = numeral[0].isdigit()
        numbers.append(Number(start, m.end(), (value,), required, digits))
    return numbers


# --- English words ----------------------------------------------------------------------

_UNITS = {
    word: value
    for value, word in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        ),
    )
}
_TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate(
        _words("twenty thirty forty fifty sixty seventy eighty ninety"),
    )
}
_ORDINALS = {
    word: value
    for value, word in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
            "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
        ),
        start=1,
    )
} | {
    word: 10 * (i + 2)
    for i, word in enumerate(
        _words("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"),
    )
}
_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_OTHER = {"dozen": 12, "twice": 2, "double": 2, "both": 2, "couple": 2, "pair": 2}
_MONTHS = {
    word: value
    for value, word in enumerate(
        _words(
            "january february march april may june july august september october november december"
        ),
        start=1,
    )
}
_CARDINAL = "|".join(sorted([*_UNITS, *_TENS, *_SCALES, *_OTHER], key=len, reverse=True))
_ORDINAL = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_JOIN = r"(?:\s+and\s+|[\s-]+)(?:an?\s+)?"
# Cardinals, then at most one ordinal (twenty-first; "first two" is two numbers); "half" only
# before a scale (half a million), as "two and a half" is 2 against a source's 两年半.
_NUMBER_WORDS = re.compile(
    rf"\b(?:an?\s+)?(?:half{_JOIN}(?:{'|'.join(_SCALES)})|(?:{_CARDINAL})(?:{_JOIN}(?:{_CARDINAL}))*"
    rf"(?:{_JOIN}(?:{_ORDINAL}))?|(?:{_ORDINAL}))\b",
    re.IGNORECASE,
)
_SCALED_DIGITS = re.compile(
    r"(?P<num>(?<![\d.,])\d+(?:\.\d+)?)\s*(?P<scale>thousand|million|billion|trillion|[kKmM]\b)"
)
_ORDINAL_DIGITS = re.compile(r"(?<![\d.,])(\d+)(st|nd|rd|th|s)\b")
# Capitalised only: "may" is a verb.
_MONTH = re.compile(rf"\b(?:{'|'.join(m.capitalize() for m in _MONTHS)})\b")
_SHORT_SCALE = {"k": 10**3, "m": 10**6}


def word_value(words: str) -> float:
    """The value of English number words: "two thousand" 2000, "twenty-five" 25, "a dozen" 12,
    "a hundred and five" 105, "third" 3."""
    total = current = 0.0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("a", "an", "and"):
            continue
        if word == "half":
            current = 0.5
        elif word in _UNITS or word in _TENS or word in _ORDINALS or word in _OTHER:
            current += {**_UNITS, **_TENS, **_ORDINALS, **_OTHER}[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[word]
            current = 0
    return float(total + current)


def english_numbers(text: str) -> list[Number]:
    """Numbers of an English text: digits (1,000.5, 3rd, 1990s, 30 million, 5k), number words
    (two thousand, a dozen, third) and month names (May is 5, for dates). Only digits are
    ``digits``: a word such as "one" or "second" is too often no number to flag on its own."""
    numbers = digit_numbers(text, "en")
    for m in _SCALED_DIGITS.finditer(text):
        scale = m.group("scale")
        factor = _SCALES.get(scale) or _SHORT_SCALE[scale.lower()]
        digits = float(m.group("num").replace(",", ""))
        numbers = [n for n in numbers if not m.start() <= n.start < m.end()]
        numbers.append(Number(m.start(), m.end(), (digits * factor, digits)))
    for m in _ORDINAL_DIGITS.finditer(text):
        numbers = [n for n in numbers if not m.start() <= n.start < m.end()]
        value = float(m.group(1))
        # the 1970s are the '70s
        decade = (value % 100,) if m.group(2) == "s" and value >= 1000 else ()
        numbers.append(Number(m.start(), m.end(), (value, *decade)))
    for m in _NUMBER_WORDS.finditer(text):
        if any(n.start <= m.start() < n.end for n in numbers):
            continue
        value = word_value(m.group())
        bare = _bare_of_scaled(m.group())
        values = (value,) if bare is None else (value, bare)
        numbers.append(Number(m.start(), m.end(), values, digits=False))
    for m in _MONTH.finditer(text):
        month = float(_MONTHS[m.group().lower()])
        numbers.append(Number(m.start(), m.end(), (month,), required=False, digits=False))
    return sorted(map(_in_thousands, numbers), key=lambda n: n.start)


def _in_thousands(number: Number) -> Number:
    """600,000 also as 600 and 1,500,000 as 1.5, against a source that says "600 тысяч" or
    "1,5 milioane": scale words of every language are more than this module can know."""
    if not number.digits or not number.value >= 1000:
        return number
    # Round to a tenth of the scale, as a number said with a scale word is (1.5 million).
    scaled = tuple(
        number.value / scale
        for scale in (10**3, 10**6, 10**9)
        if number.value >= scale and number.value % (scale // 10) == 0
    )
    return Number(number.start, number.end, (*number.values, *scaled), number.required)


def _bare_of_scaled(words: str) -> float | None:
    """ "thirty million" is 30 against a source that writes 30 млн."""
    last = re.split(r"[\s-]+", words.lower())[-1]
    if last not in _SCALES or last == "hundred":
        return None
    head = words[: words.lower().rfind(last)].strip()
    return word_value(head) if head and head.lower() not in ("a", "an") else 1.0
