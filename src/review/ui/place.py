"""Where the editor left off (the sentence and the table's filter), so the UI reopens there.

Kept beside the journal in corrections/ (git-ignored), not in the patch: it is the editor's
view, not part of the review. Plain Python (no Textual).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from review.atomic import atomic_write
from review.errors import ReviewError
from review.flags import Category
from review.ui.board import RowFilter, Show


@dataclass(frozen=True, slots=True)
class Place:
    sentence: str | None = None
    show: str = Show.ALL.value
    category: str | None = None
    query: str = ""
    rule: str | None = None
    source: str | None = None
    unit_state: str | None = None

    @property
    def row_filter(self) -> RowFilter:
        category = Category(self.category) if self.category else None
        return RowFilter(
            Show(self.show), category, self.query, self.rule, self.source, self.unit_state
        )

    @classmethod
    def of(cls, sentence: str | None, row_filter: RowFilter) -> Place:
        category = row_filter.category.value if row_filter.category else None
        return cls(
            sentence,
            row_filter.show.value,
            category,
            row_filter.query,
            row_filter.rule,
            row_filter.source,
            row_filter.unit_state,
        )


def place_path(patch: Path) -> Path:
    return patch.with_suffix(".ui.json")


def load_place(path: Path) -> Place:
    """The place saved at ``path``; the start of the document when there is none or it cannot
    be read (a view is not worth an error)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        saved = Place(**{k: data[k] for k in ("sentence", "show", "category", "query")})
        # Written before the rule, checker and unit-state filters existed, a place has none.
        saved = replace(
            saved,
            rule=data.get("rule"),
            source=data.get("source"),
            unit_state=data.get("unit_state"),
        )
        # Through the filter and back: a value that names no filter is refused here.
        return Place.of(saved.sentence, saved.row_filter)
    except (OSError, ValueError, TypeError, KeyError):
        return Place()


def save_place(path: Path, place: Place) -> None:
    """Write it; a failure is ignored, as losing the place loses no work."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, json.dumps(asdict(place)).encode("utf-8"))
    except (OSError, ReviewError):
        return
