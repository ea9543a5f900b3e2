"""Glossaries: TBX (translate-toolkit), CSV/TSV, and a list of preferred and forbidden terms.

Every format gives the same thing, a tuple of ``Term``: the English term the text must use,
or one it must not (with the one to use instead, where the glossary names it).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from review.checkers.terms.term import Term
from review.errors import ReviewError, first_line
from review.files import require_regular_file

# The first row of a CSV/TSV glossary is a header when its first cell is one of these.
_HEADER_CELLS = frozenset({"source", "src", "source term", "term", "zh", "original"})
# `avoid: Y → X` (or ->, =>); `use: X`.
_LIST_LINE = re.compile(r"(?P<kind>use|avoid)\s*:\s*(?P<term>.+?)(?:\s*(?:→|->|=>)\s*(?P<use>.+))?")


def load_glossaries(paths: Iterable[Path], language: str) -> tuple[Term, ...]:
    """The terms of every glossary, in order; ``language`` picks a TBX's English side."""
    return tuple(term for path in paths for term in load_glossary(path, language))


def load_glossary(path: Path, language: str) -> tuple[Term, ...]:
    # A regular file, checked before it is opened: a named pipe given as a glossary was read
    # for ever.
    require_regular_file(path)
    suffix = path.suffix.lower()
    if suffix == ".tbx":
        from review.checkers.terms.tbx import read_tbx

        return read_tbx(path, language)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: the glossary cannot be read: {first_line(exc)}") from None
    if suffix in (".csv", ".tsv"):
        return parse_table(text, "\t" if suffix == ".tsv" else ",", path)
    return parse_list(text, path)


def parse_table(text: str, delimiter: str, path: Path) -> tuple[Term, ...]:
    """``source,target[,note]`` rows, the first maybe a header."""
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    # Each row with the line it ends on: a bad row is named by its line in the file (counted
    # after the header and blank lines, "row 1" was the file's second line).
    rows = [(reader.line_num, row) for row in reader if any(row)]
    if rows and rows[0][1][0].strip().lower() in _HEADER_CELLS:
        rows = rows[1:]
    terms: list[Term] = []
    for line, row in rows:
        cells = [cell.strip() for cell in row]
        if len(cells) < 2 or len(cells) > 3 or not cells[1]:
            raise ReviewError(
                f"{path}: line {line} is not source{delimiter}target[{delimiter}note]: {row!r}"
            )
        terms.append(Term(cells[1], source=cells[0], note=cells[2] if len(cells) > 2 else ""))
    return tuple(terms)


def parse_list(text: str, path: Path) -> tuple[Term, ...]:
    """`use: X` and `avoid: Y → X` (or `avoid: Y`) lines; # starts a comment."""
    terms: list[Term] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = _LIST_LINE.fullmatch(line)
        if match is None or (match["kind"] == "use" and match["use"]):
            raise ReviewError(
                f"{path}: line {number} is neither `use: TERM` nor `avoid: TERM → TERM`: {line!r}"
            )
        if match["kind"] == "use":
            terms.append(Term(match["term"]))
        else:
            terms.append(Term(match["term"], forbidden=True, preferred=match["use"] or ""))
    return tuple(terms)


def glossary_key(terms: Sequence[Term]) -> str:
    """What of the glossaries changes the flags (part of a cache key)."""
    return repr(terms)
