"""`review diff`'s output formats: each renders a ``review.comparison.Comparison`` to text."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from review.formats import Format, FormatRegistry

if TYPE_CHECKING:
    from review.comparison import Comparison

FORMATS: FormatRegistry[Callable[[Comparison], str]] = FormatRegistry(
    Format("text", "review.diff_formats.text:render_text", (".txt",), "wdiff-style, coloured"),
    Format("md", "review.diff_formats.markdown:render_markdown", (".md",), "Markdown"),
    Format("json", "review.diff_formats.json_format:render_json", (".json",), "JSON"),
)
