"""A bilingual file as a Document: the editor reviews its targets, the patch diffs the file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from review.document import Document

if TYPE_CHECKING:
    from review.bilingual import BilingualText, ReadOptions, TargetView


# Keyword-only: its fields follow Document's, some of which have defaults.
@dataclass(frozen=True, slots=True, kw_only=True)
class BilingualDocument(Document):
    """``text`` is the target view (every unit's display target, one after the other), which
    the sentences, the checkers and the review state point into; ``file`` is the file's own
    decoded text (without the BOM), which the patch diffs. ``options`` read it again (a
    patched copy), ``update_state`` is review.toml's ``[bilingual] update_state``."""

    file: str
    bilingual: BilingualText
    view: TargetView
    options: ReadOptions
    update_state: bool
    unit_index: Mapping[str, int]

    @property
    def file_text(self) -> str:
        return self.bom_text + self.file
