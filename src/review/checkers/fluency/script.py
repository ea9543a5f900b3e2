"""Characters of the source's writing system left in the English: letters, punctuation, bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.checkers.fluency.base import Detector, Hit
from review.checkers.fluency.document_text import Trigger
from review.flags import Category, MqmClass, Severity

# Writing systems an English text should not contain outside quotations. Greek is left
# out on purpose: single Greek letters are ordinary in English technical prose (β-blocker).
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("Chinese", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"),
    ("Japanese", "\u3040-\u30fa\u30fc-\u30ff"),
    ("Korean", "\u1100-\u11ff\uac00-\ud7af"),
    ("Cyrillic", "\u0400-\u04ff"),
    ("Arabic", "\u0600-\u06ff"),
    ("Hebrew", "\u0590-\u05ff"),
    ("Indic", "\u0900-\u0dff"),
    ("Thai", "\u0e00-\u0e7f"),
    ("Georgian", "\u10a0-\u10ff"),
    ("Armenian", "\u0530-\u058f"),
)
_SOURCE_CHAR = "".join(chars for _, chars in _SCRIPTS)
_SOURCE_RUN = re.compile(f"[{_SOURCE_CHAR}]+(?:[ \u3000]+[{_SOURCE_CHAR}]+)*")
_SCRIPT_OF = tuple((name, re.compile(f"[{chars}]")) for name, chars in _SCRIPTS)
_OPENING_QUOTES = "\"'“‘«「『《"
_CLOSING_QUOTES = "\"'”’»」』》"
# Cyrillic letters that look exactly like Latin ones: inside a Latin word they are a
# keyboard or OCR slip that spell checkers cannot see through.
_HOMOGLYPHS = str.maketrans("аеорсухіАВЕКМНОРСТХ", "aeopcyxiABEKMHOPCTX")


class SourceScript(Detector):
    """Text left in the source's writing system (Chinese characters, Cyrillic, Devanagari…).

    Untranslated source text is the plainest machine-translation failure, and a Cyrillic
    letter that looks Latin inside an English word defeats spell checking and search. A term
    followed or preceded by its gloss in parentheses, or standing inside parentheses, is meant
    to be there and stays silent; one only in quotation marks may be a deliberate citation
    and is flagged as minor.
    """

    rule = "MT_SOURCE_SCRIPT"
    category = Category.UNTRANSLATED
    mqm = MqmClass.NON_TRANSLATION
    severity = Severity.MAJOR
    trigger = Trigger(_SOURCE_CHAR)

    def scan(self, text: str) -> Iterator[Hit]:
        for match in _SOURCE_RUN.finditer(text):
            start, end = match.span()
            if _glossed(text, start, end):
                continue
            run = match.group()
            script = _script_name(run)
            if _inside_latin_word(text, start, end):
                latin = run.translate(_HOMOGLYPHS)
                fixable = not _SOURCE_RUN.search(latin)
                yield Hit(
                    start,
                    end,
                    f"{script} character inside an English word",
                    (latin,) if fixable else (),
                )
            elif _quoted(text, start, end):
                yield Hit(
                    start,
                    end,
                    f"{script} text in quotation marks: keep it only if it is cited on purpose",
                    severity=Severity.MINOR,
                )
            else:
                yield Hit(start, end, f"Untranslated {script} text")


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
    return start > 0 and text[start - 1] in _OPENING_QUOTES and text[end:end + 1] in (
        _CLOSING_QUOTES
    ) and end < len(text)


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
_FULLWIDTH_CHAR = Trigger("\u2014\u2026\uff01-\uff5e\u3000-\u3011\u30fb")
_FULLWIDTH = re.compile(
    "(?:——|……|[\uff01-\uff5e\u3000-\u3003\u3008-\u3011\u30fb])+[”’\"」』]*"
)


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
            yield Hit(
                match.start(),
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
    "\ufffd+|[\x00-\x08\x0b\x0c\x0e-\x1f]"
    "|Ã[\u0080-\u00bf]|â€\\S?|Â[\u00a0-\u00bf]"
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
