"""Bilingual files (XLIFF 1.2 and 2, PO, TMX, TSV, two aligned plain files): read into units
with the exact place of each target, written back changing only edited targets.

The flow, for whoever opens a file:

- ``read(path, document.text, ReadOptions(...))`` gives a ``BilingualText`` (None: plain text);
  a bad or hostile file is a one-line ``ReviewError``.
- ``target_view(bilingual)`` lays the display targets out as one text, for segmentation and
  checking as today; ``plain(text)`` drops the tag tokens for LanguageTool and maps offsets back.
- ``check_edit(unit, new_target)`` refuses an edit that breaks a tag (``TagError``, the reason).
- ``edited_targets(view, bilingual, [(start, end, new), ...])`` turns sentence edits of the view
  into new unit targets, and ``FORMATS[bilingual.format].write(document.text, bilingual,
  targets, reviewed=ids)`` gives the corrected file text, of which the patch is the diff.
"""

from typing import TYPE_CHECKING

from review.bilingual.inline import PlainText, TagError, plain, validate
from review.bilingual.model import (
    BilingualText,
    Content,
    ReadOptions,
    Tag,
    TagKind,
    TargetForm,
    Unit,
)
from review.bilingual.view import TargetView, edited_targets, target_view
from review.bilingual.writer import check_edit

if TYPE_CHECKING:
    from review.bilingual.registry import FORMATS, Format, detect, read

__all__ = [
    "FORMATS",
    "BilingualText",
    "Content",
    "Format",
    "PlainText",
    "ReadOptions",
    "Tag",
    "TagError",
    "TagKind",
    "TargetForm",
    "TargetView",
    "Unit",
    "check_edit",
    "detect",
    "edited_targets",
    "plain",
    "read",
    "target_view",
    "validate",
]


# The formats' readers import translate-toolkit (tens of milliseconds at every start): only a
# command that reads a bilingual file pays for them, not a check of a plain text that needs
# ``plain`` from here.
_REGISTERED = frozenset({"FORMATS", "Format", "detect", "read"})


def __getattr__(name: str) -> object:
    if name in _REGISTERED:
        from review.bilingual import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
