"""Tab-separated ``source<TAB>target`` lines, with backslash escapes for tab, newline, CR and
backslash inside a field (the usual TSV convention). Further fields are kept as they are; a
first line of column names is not a unit."""

from __future__ import annotations

import re

from review.bilingual import ids
from review.bilingual.model import BilingualText, Content, ReadOptions, Unit
from review.errors import ReviewError

NAME = "tsv"
_ESCAPE = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)")
# A first line that names the columns (as spreadsheets and many tools' exports write one), by
# name or by the two languages' codes (which then say the pair), is no unit.
_SOURCE_COLUMNS = frozenset({"source", "src", "original", "source text"})
_TARGET_COLUMNS = frozenset({"target", "tgt", "translation", "target text"})
_LANGUAGE_CODE = re.compile(r"([a-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*")


def sniff(head: str) -> bool:
    return False  # a TSV is known by its suffix only: any text may contain tabs


def escape(text: str) -> str:
    return "".join(_ESCAPE.get(c, c) for c in text)


def _unescape(field: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE.get(m[1], m[0]), field)


def read(text: str, name: str, _options: ReadOptions) -> BilingualText:
    units: list[Unit] = []
    languages = ("", "")
    position = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start = position
        position += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        fields = body.split("\t")
        if len(fields) < 2:
            raise ReviewError(f"{name}: line {number} has no tab (expected source<TAB>target)")
        if not units and (header := _header(fields[0].strip(), fields[1].strip())) is not None:
            languages = header
            continue
        target_start = start + len(fields[0]) + 1
        source = _unescape(fields[0])
        target = _unescape(fields[1])
        units.append(
            Unit(
                id=ids.hashed("tsv", source),
                source=Content((source,) if source else ()),
                target=Content((target,) if target else ()),
                target_span=(target_start, target_start + len(fields[1])),
            )
        )
    return BilingualText(NAME, *languages, ids.unique_units(units))


def _header(source: str, target: str) -> tuple[str, str] | None:
    """The languages a first line names (or "" for a line of column names), or None for a
    unit."""
    if source.lower() in _SOURCE_COLUMNS and target.lower() in _TARGET_COLUMNS:
        return "", ""
    codes = [_LANGUAGE_CODE.fullmatch(field) for field in (source, target)]
    if codes[0] and codes[1] and codes[0][1] != codes[1][1]:
        return source.replace("_", "-"), target.replace("_", "-")
    return None
