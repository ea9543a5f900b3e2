"""The targets of a bilingual text laid out as one text, so that the monolingual pipeline
(segmentation, checking, the review state's corrected text) runs on it unchanged.

Each unit's display target is its own line block, units separated by a newline; sentence
segmentation never crosses a newline, so every sentence lies inside one unit. Edits made to
sentences of the view go back to the file as new unit targets (``edited_targets``), which the
format's writer puts in place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from review.bilingual.model import BilingualText

SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class TargetView:
    """``text[spans[i][0]:spans[i][1]]`` is unit ``i``'s display target."""

    text: str
    spans: tuple[tuple[int, int], ...]

    def unit_index(self, offset: int) -> int:
        """The index of the unit whose span holds ``offset`` (a separator belongs to the unit
        before it)."""
        return max(0, bisect_right([s for s, _ in self.spans], offset) - 1)


def target_view(bilingual: BilingualText) -> TargetView:
    spans: list[tuple[int, int]] = []
    position = 0
    for unit in bilingual.units:
        spans.append((position, position + len(unit.target_text)))
        position = spans[-1][1] + len(SEPARATOR)
    return TargetView(SEPARATOR.join(u.target_text for u in bilingual.units), tuple(spans))


def edited_targets(
    view: TargetView, bilingual: BilingualText, edits: Iterable[tuple[int, int, str]]
) -> Mapping[str, str]:
    """Unit id → new display target, from ``(start, end, new text)`` edits of spans of the
    view's text (sentences), each inside one unit's span."""
    by_unit: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, new in edits:
        index = view.unit_index(start)
        unit_start, unit_end = view.spans[index]
        if not unit_start <= start <= end <= unit_end:
            raise ValueError(f"edit {start}:{end} crosses the end of unit {index}")
        by_unit.setdefault(index, []).append((start - unit_start, end - unit_start, new))
    out: dict[str, str] = {}
    for index, unit_edits in by_unit.items():
        unit = bilingual.units[index]
        target = unit.target_text
        for start, end, new in sorted(unit_edits, reverse=True):
            target = target[:start] + new + target[end:]
        out[unit.id] = target
    return out
