"""Characters of the source's writing system left in the English: letters, punctuation, bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from review.checkers.fluency.base import Detector, Hit
from review.checkers.fluency.data import load_table
from review.checkers.fluency.document_text import Trigger
from review.flags import Category, MqmClass, Severity

# Writing systems an English text should not contain outside quotations, as (script, the
# name a message gives text in it when the source language is not known, its characters).
# Greek is left out on purpose: single Greek letters are ordinary in English technical
# prose (β-blocker).
_SCRIPTS: tuple[tuple[str, str, str], ...] = (
    ("Han", "Chinese", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"),
    ("Kana", "Japanese", "\u3040-\u30fa\u30fc-\u30ff"),
    ("Hangul", "Korean", "\u1100-\u11ff\uac00-\ud7af"),
    ("Cyrillic", "Cyrillic", "\u0400-\u04ff"),
    ("Arabic", "Arabic", "\u0600-\u06ff"),
    ("Hebrew", "Hebrew", "\u0590-\u05ff"),
    ("Devanagari", "Devanagari", "\u0900-\u097f"),
    ("Bengali", "Bengali", "\u0980-\u09ff"),
    ("Gurmukhi", "Gurmukhi", "\u0a00-\u0a7f"),
    ("Gujarati", "Gujarati", "\u0a80-\u0aff"),
    ("Odia", "Odia", "\u0b00-\u0b7f"),
    ("Tamil", "Tamil", "\u0b80-\u0bff"),
    ("Telugu", "Telugu", "\u0c00-\u0c7f"),
    ("Kannada", "Kannada", "\u0c80-\u0cff"),
    ("Malayalam", "Malayalam", "\u0d00-\u0d7f"),
    ("Sinhala", "Sinhala", "\u0d80-\u0dff"),
    ("Thai", "Thai", "\u0e00-\u0e7f"),
    ("Georgian", "Georgian", "\u10a0-\u10ff"),
    ("Armenian", "Armenian", "\u0530-\u058f"),
)
_CHARS_OF = {script: chars for script, _, chars in _SCRIPTS}
_SOURCE_CHAR = "".join(_CHARS_OF.values())
_GAP = " \u3000"
_SOURCE_RUN = re.compile(f"[{_SOURCE_CHAR}]+(?:[{_GAP}]+[{_SOURCE_CHAR}]+)*")
_WORD_OF_RUN = re.compile(f"[^{_GAP}]+")
_SCRIPT_OF = tuple((name, re.compile(f"[{chars}]")) for _, name, chars in _SCRIPTS)
_OPENING_QUOTES = "\"'“‘«「『《"
_CLOSING_QUOTES = "\"'”’»」』》"
# Cyrillic letters that look exactly like Latin ones: inside a Latin word they are a
# keyboard or OCR slip that spell checkers cannot see through.
_HOMOGLYPHS = str.maketrans("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX")


@dataclass(frozen=True, slots=True)
class SourceLanguage:
    """A language a text is translated from, as far as its writing tells it apart."""

    name: str
    # A word of the language is written in these characters only; None: in Latin letters,
    # so no text in another script is the source language's.
    written: re.Pattern[str] | None
    # Lower-case letters of its alphabet where other languages share the script; empty: any.
    letters: frozenset[str]

    def wrote(self, word: str) -> bool:
        if self.written is None or not self.written.fullmatch(word):
            return False
        return not self.letters or set(word.lower()) <= self.letters


@cache
def source_language(code: str) -> SourceLanguage | None:
    """The language of BCP 47 ``code`` ("zh", "zh-Hant", "sr-Latn", "rus"); None when
    `source_languages.tsv` does not list it, and the source language is as good as unknown."""
    subtags = code.lower().replace("_", "-").split("-")
    for row in load_table("source_languages.tsv").rows:
        if subtags[0] in row[0].split():
            if row[2] == "Latin" or "latn" in subtags[1:]:
                return SourceLanguage(row[1], None, frozenset())
            chars = "".join(_CHARS_OF[script] for script in row[2].split(","))
            letters = frozenset(row[3]) if len(row) > 3 else frozenset()
            return SourceLanguage(row[1], re.compile(f"[{chars}]+"), letters)
    return None


class SourceScript(Detector):
    """Text left in the source's writing system (Chinese characters, Cyrillic, Devanagari…).

    Untranslated source text is the plainest machine-translation failure, and a Cyrillic
    letter that looks Latin inside an English word defeats spell checking and search. A term
    followed or preceded by its gloss in parentheses, or standing inside parentheses, is meant
    to be there and stays silent; one only in quotation marks may be a deliberate citation
    and is flagged as minor. When the project names its source language, only words of that
    language count: text in a third language was foreign in the source too (a Ukrainian
    word in a Russian article, a Japanese name in a Chinese one), and translators keep it
    as the source has it.
    """

    rule = "MT_SOURCE_SCRIPT"
    category = Category.UNTRANSLATED
    mqm = MqmClass.NON_TRANSLATION
    severity = Severity.MAJOR
    trigger = Trigger(_SOURCE_CHAR)

    def scan(self, text: str) -> Iterator[Hit]:
        source = self.settings.source_language
        language = source_language(source) if source else None
        for match in _SOURCE_RUN.finditer(text):
            start, end = match.span()
            if _glossed(text, start, end):
                continue
            run = match.group()
            latin = run.translate(_HOMOGLYPHS)
            if _inside_latin_word(text, start, end) and not _SOURCE_RUN.search(latin):
                message = f"{_script_name(run)} character inside an English word"
                yield Hit(start, end, message, (latin,))
                continue
            for part_start, part_end in _untranslated(run, language):
                part = run[part_start:part_end]
                name = language.name if language else _script_name(part)
                yield _untranslated_hit(text, start + part_start, start + part_end, name)


def _untranslated(run: str, language: SourceLanguage | None) -> Iterator[tuple[int, int]]:
    """The stretches of ``run`` (words of non-Latin scripts joined by spaces) in ``language``:
    all of it when the language is not known, else its runs of words that language wrote."""
    if language is None:
        yield 0, len(run)
        return
    stretch: tuple[int, int] | None = None
    for word in _WORD_OF_RUN.finditer(run):
        if language.wrote(word.group()):
            stretch = (stretch[0] if stretch else word.start(), word.end())
        elif stretch:
            yield stretch
            stretch = None
    if stretch:
        yield stretch


def _untranslated_hit(text: str, start: int, end: int, name: str) -> Hit:
    if _quoted(text, start, end):
        return Hit(
            start,
            end,
            f"{name} text in quotation marks: keep it only if it is cited on purpose",
            severity=Severity.MINOR,
        )
    return Hit(start, end, f"Untranslated {name} text")


def _script_name(run: str) -> str:
    return next(name for name, pattern in _SCRIPT_OF if pattern.search(run))


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _glossed(text: str, start: int, end: int) -> bool:
    """Inside parentheses, or right next to a parenthesised gloss: "guanxi (关系)"."""
    if text.count("(", 0, start) > text.count(")", 0, start) and ")" in text[end:]:
        return True
    after = text[end:].lstrip(" " + _CLOSING_QUOTES)
    before = text[:start].rstrip(" " + _OPENING_QUOTES)
    return after.startswith("(") or before.endswith(")")


def _quoted(text: str, start: int, end: int) -> bool:
    return (
        start > 0
        and text[start - 1] in _OPENING_QUOTES
        and text[end : end + 1] in (_CLOSING_QUOTES)
        and end < len(text)
    )


# Full-width and CJK punctuation → what English uses. Forms U+FF01–U+FF5E are the ASCII
# characters shifted by 0xFEE0 and are added below.
_ASCII_FOR: dict[str, str] = {
    "，": ",",
    "、": ",",
    "。": ".",
    "：": ":",
    "；": ";",
    "！": "!",
    "？": "?",
    "（": "(",
    "）": ")",
    "【": "[",
    "】": "]",
    "「": "“",
    "」": "”",
    "『": "‘",
    "』": "’",
    "《": "“",
    "》": "”",
    "〈": "‘",
    "〉": "’",
    "\u3000": " ",
    "・": " ",
    "——": "—",
    "……": "…",
} | {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
# Marks after which English wants a space before the next word.
_NEEDS_SPACE_AFTER = frozenset(",.:;!?)]”’")
# Marks English sets on the word before them, with no space.
_ON_THE_WORD = frozenset(",.:;!?")
_FULLWIDTH_CHAR = Trigger("\u2014\u2026\uff01-\uff5e\u3000-\u3011\u30fb")
_FULLWIDTH = re.compile('(?:——|……|[\uff01-\uff5e\u3000-\u3003\u3008-\u3011\u30fb])+[”’"」』]*')


class FullWidthPunctuation(Detector):
    """Full-width and CJK punctuation (，。：；！？（）「」《》) where English uses ASCII marks.

    Machine translation from Chinese or Japanese often carries the source's punctuation over;
    it looks wrong in English type, breaks sentence splitting and search, and the full-width
    comma and stop take a whole character's width. The replacement gives the English marks.
    """

    rule = "MT_FULLWIDTH_PUNCT"
    category = Category.PUNCTUATION
    mqm = MqmClass.PUNCTUATION
    severity = Severity.MINOR
    trigger = _FULLWIDTH_CHAR

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _FULLWIDTH.finditer(text):
            run = match.group()
            english = "".join(_ASCII_FOR.get(char, char) for char in _split_marks(run))
            follower = text[match.end() : match.end() + 1]
            if english[-1:] in _NEEDS_SPACE_AFTER and follower.isalnum():
                english += " "
            # The full-width stop takes a space's width; "word 。" becomes "word." in English.
            start = match.start()
            if english[:1] in _ON_THE_WORD:
                start = len(text[:start].rstrip(" \u3000"))
            yield Hit(
                start,
                match.end(),
                f"Full-width punctuation {run.strip()!r}: use the English marks",
                (english,),
            )


def _split_marks(run: str) -> Iterator[str]:
    """The run's characters, keeping the doubled Chinese dash and ellipsis whole."""
    position = 0
    while position < len(run):
        pair = run[position : position + 2]
        step = 2 if pair in ("——", "……") else 1
        yield run[position : position + step]
        position += step


_MOJIBAKE_CHAR = Trigger("\ufffd\x00-\x08\x0b\x0c\x0e-\x1fÃâÂ")
_MOJIBAKE = re.compile(
    "\ufffd+|[\x00-\x08\x0b\x0c\x0e-\x1f]|Ã[\u0080-\u00bf]|â€\\S?|Â[\u00a0-\u00bf]"
)


class Mojibake(Detector):
    """Broken characters: U+FFFD replacement marks, control characters, UTF-8 read as Latin-1.

    "Ã©" for "é" or "â€™" for "’" means the text went through a wrong decoding somewhere in
    the translation pipeline; a reader sees garbage and the right character is often lost.
    """

    rule = "MT_MOJIBAKE"
    category = Category.TYPOGRAPHY
    mqm = MqmClass.CHARACTER_ENCODING
    severity = Severity.MAJOR
    trigger = _MOJIBAKE_CHAR

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _MOJIBAKE.finditer(text):
            yield Hit(
                match.start(),
                match.end(),
                "Broken character encoding",
                _repaired(match.group()),
            )


def _repaired(garbled: str) -> tuple[str, ...]:
    try:
        fixed = garbled.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ()
    return (fixed,)
