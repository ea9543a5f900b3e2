"""Stable unit ids: the file's own id where it has one, else a hash of what identifies the unit,
so that moving a unit in the file keeps its id (and its review)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace

from review.bilingual.model import Unit


def hashed(prefix: str, *parts: str) -> str:
    """``prefix-`` and 12 hex digits of the SHA-256 of ``parts`` (48 bits: no collision to
    expect below millions of units)."""
    digest = hashlib.sha256("\x04".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"


def unique(ids: Iterable[str]) -> list[str]:
    """The ids with a repeat made unique by its occurrence (``id~2``, ``id~3``): the n-th unit
    with the same source keeps its id as long as the repeats keep their order."""
    seen: dict[str, int] = {}
    out: list[str] = []
    for unit_id in ids:
        count = seen[unit_id] = seen.get(unit_id, 0) + 1
        out.append(unit_id if count == 1 else f"{unit_id}~{count}")
    return out


def unique_units(units: Iterable[Unit]) -> tuple[Unit, ...]:
    """The units, each built with its key as id, with repeated ids made unique as ``unique``
    does (only the repeats are rebuilt)."""
    listed = list(units)
    return tuple(
        u if u.id == i else replace(u, id=i)
        for u, i in zip(listed, unique(u.id for u in listed), strict=True)
    )
