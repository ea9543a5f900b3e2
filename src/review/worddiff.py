"""Word-level diff of two strings, for showing an edit: what was deleted, what inserted.

Tokens are words, runs of whitespace and single other characters, so a changed comma does not
mark its whole word changed. The ops cover both strings exactly: the EQUAL and DELETE texts
joined give the old string back, the EQUAL and INSERT texts the new one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


class Op(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: Op
    text: str


def word_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """The ops turning ``old`` into ``new``. A replacement is a DELETE then an INSERT; a lone
    space between two changes joins them ("[-a b-]{+c d+}", not "[-a-]{+c+} [-b-]{+d+}")."""
    ops = list(_ops(_TOKEN.findall(old), _TOKEN.findall(new)))
    return tuple(_merged(_spaces_joined(ops)))


def old_text(ops: Iterable[DiffOp]) -> str:
    return "".join(d.text for d in ops if d.op is not Op.INSERT)


def new_text(ops: Iterable[DiffOp]) -> str:
    return "".join(d.text for d in ops if d.op is not Op.DELETE)


def _ops(a: list[str], b: list[str]) -> Iterator[DiffOp]:
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            yield DiffOp(Op.EQUAL, "".join(a[i1:i2]))
            continue
        if i2 > i1:
            yield DiffOp(Op.DELETE, "".join(a[i1:i2]))
        if j2 > j1:
            yield DiffOp(Op.INSERT, "".join(b[j1:j2]))


def _spaces_joined(ops: list[DiffOp]) -> Iterator[DiffOp]:
    for index, item in enumerate(ops):
        between_changes = 0 < index < len(ops) - 1 and Op.EQUAL not in (
            ops[index - 1].op,
            ops[index + 1].op,
        )
        if item.op is Op.EQUAL and item.text.isspace() and between_changes:
            yield DiffOp(Op.DELETE, item.text)
            yield DiffOp(Op.INSERT, item.text)
        else:
            yield item


def _merged(ops: Iterable[DiffOp]) -> Iterator[DiffOp]:
    """Each run of changes between two EQUAL ops as one DELETE and one INSERT."""
    deleted: list[str] = []
    inserted: list[str] = []
    for item in ops:
        if item.op is Op.EQUAL:
            yield from _changes(deleted, inserted)
            deleted, inserted = [], []
            yield item
        else:
            (deleted if item.op is Op.DELETE else inserted).append(item.text)
    yield from _changes(deleted, inserted)


def _changes(deleted: list[str], inserted: list[str]) -> Iterator[DiffOp]:
    if deleted:
        yield DiffOp(Op.DELETE, "".join(deleted))
    if inserted:
        yield DiffOp(Op.INSERT, "".join(inserted))
