"""Round-trip helpers for the bilingual tests (importable as `bilingual_support`)."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from review.bilingual import FORMATS, BilingualText, ReadOptions, read

DATA = Path(__file__).resolve().parent / "data" / "bilingual"


@dataclass(frozen=True)
class RoundTrip:
    before: str
    after: str
    read_before: BilingualText
    read_after: BilingualText
    edited: frozenset[str]


def load(name: str) -> tuple[str, BilingualText]:
    """A data file's text and what it reads as."""
    text = (DATA / name).read_text(encoding="utf-8")
    bilingual = read(DATA / name, text)
    assert bilingual is not None
    return text, bilingual


def changed_lines(before: str, after: str) -> set[int]:
    """1-based numbers of the lines of ``before`` that the diff to ``after`` touches (an
    insertion touches the line it follows)."""
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    touched: set[int] = set()
    for tag, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            touched.update(range(i1 + 1, i2 + 1) if i2 > i1 else {i1})
    return touched


def span_lines(text: str, start: int, end: int) -> set[int]:
    first = text.count("\n", 0, start) + 1
    last = text.count("\n", 0, max(start, end - 1)) + 1
    return set(range(first, last + 1))


def roundtrip(
    path: Path,
    edits: Mapping[int, str],
    options: ReadOptions | None = None,
    reviewed: Collection[int] = (),
) -> RoundTrip:
    """Read ``path``, give the units at the indexes in ``edits`` their new targets, write, and
    check what any format must keep: the diff touches only the lines of those targets (and of
    the state of the ``reviewed`` ones), and reading the result back gives exactly those
    targets changed, every other unit (ids, sources, targets) equal."""
    before = path.read_text(encoding="utf-8")
    first = read(path, before, options)
    assert first is not None
    by_id = {first.units[i].id: text for i, text in edits.items()}
    reviewed_ids = {first.units[i].id for i in reviewed}
    after = FORMATS[first.format].write(before, first, by_id, reviewed_ids)
    allowed: set[int] = set()
    for unit in first.units:
        if unit.id in by_id:
            allowed |= span_lines(before, *unit.target_span)
        if unit.id in reviewed_ids and unit.state_span:
            allowed |= span_lines(before, *unit.state_span)
    assert changed_lines(before, after) <= allowed
    second = read(path, after, options)
    assert second is not None
    assert [u.id for u in second.units] == [u.id for u in first.units]
    for old, new in zip(first.units, second.units, strict=True):
        assert new.source_text == old.source_text
        expected = by_id.get(old.id, old.target_text)
        assert new.target_text == expected, old.id
    return RoundTrip(before, after, first, second, frozenset(by_id))
