"""Bilingual files (XLIFF 1.2 and 2, PO, TMX, TSV, two aligned plain files): read into units
with the exact place of each target, written back changing only edited targets."""

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
from review.bilingual.registry import FORMATS, Format, detect, read
from review.bilingual.view import TargetView, edited_targets, target_view
from review.bilingual.writer import check_edit

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
