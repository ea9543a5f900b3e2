"""What every `review check` format renders: the flags located in the document (offsets, lines
and columns) and the one-line summary."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from review.checking import CheckResult
from review.document import Document
from review.flags import Flag, Severity
from review.inputs.document import BilingualDocument
from review.segment import Sentence

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class Located:
    """A flag with its place in the document: offsets and 1-based line and column."""

    flag: Flag
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    # False in a bilingual file: start and end are offsets into its targets, not the file.
    in_file: bool = True


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def locate(
    document: Document, sentences: Sequence[Sentence], flags: Iterable[Flag]
) -> Iterator[Located]:
    """The flags located, one at a time (a book's are not held at once); in a bilingual file
    the offsets are into its targets (the text the sentences point into) and the line and
    column are those of the unit's target in the file, where an editor goes to change it."""
    by_id = {s.id: s for s in sentences}
    bilingual = document if isinstance(document, BilingualDocument) else None
    lines = _Lines(bilingual.file if bilingual else document.text)
    for flag in flags:
        sentence = by_id[flag.sentence_id]
        start = sentence.start + flag.start
        end = sentence.start + flag.end
        if bilingual is None:
            line, column = lines.position(start)
            end_line, end_column = lines.position(end)
        else:
            unit = bilingual.bilingual.units[bilingual.unit_index[sentence.unit]]
            line, column = end_line, end_column = lines.position(unit.target_span[0])
        yield Located(flag, start, end, line, column, end_line, end_column, bilingual is None)


def summary_line(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    counts = Counter(f.severity for f in result.flags)
    flagged = len({f.sentence_id for f in result.flags})
    parts = ", ".join(f"{counts[s]} {s}" for s in reversed(Severity) if counts[s])
    languagetool = result.versions.get("languagetool")
    checkers = f"LanguageTool {languagetool} + fluency" if languagetool else "fluency only"
    noun = "flag" if len(result.flags) == 1 else "flags"
    detail = f" ({parts})" if parts else ""
    return (
        f"{document.relpath}: {len(result.flags)} {noun}{detail} in {flagged} of "
        f"{len(sentences)} sentences; {checkers}"
    )


# Items encoded and written together: a write, or a call of the encoder, per flag costs more.
_AT_ONCE = 512
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def encoded(items: Iterable[Any]) -> Iterator[str]:
    """``", ".join(json.dumps(item, ensure_ascii=False) for item in items)`` in pieces of
    ``_AT_ONCE`` items, each piece one call of the C encoder (a call an item set up an encoder
    each time: a fifth of a cached check's output)."""
    pending = iter(items)
    separator = ""
    while batch := list(islice(pending, _AT_ONCE)):
        yield separator + _ENCODER.encode(batch)[1:-1]
        separator = ", "
