"""Tab-separated ``source<TAB>target`` lines, with backslash escapes for tab, newline, CR and
backslash inside a field (the usual TSV convention). Further fields are kept as they are."""

from __future__ import annotations

import re

from review.bilingual import ids
from review.bilingual.model import BilingualText, Content, ReadOptions, Unit
from review.errors import ReviewError

NAME = "tsv"
_ESCAPE = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)")


def sniff(head: str) -> bool:
    return False  # a TSV is known by its suffix only: any text may contain tabs


def escape(text: str) -> str:
    return "".join(_ESCAPE.get(c, c) for c in text)


def _unescape(field: str) -> str:
    return _ESCAPED.sub(lambda m: _UNESCAPE.get(m[1], m[0]), field)


def read(text: str, name: str, _options: ReadOptions) -> BilingualText:
    units: list[Unit] = []
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
    return BilingualText(NAME, "", "", ids.unique_units(units))
