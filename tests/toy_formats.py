"""A toy output format for each command, registered by tests the way a new format would be:
one module and one ``FORMATS.register`` line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from review.checking import CheckResult
from review.comparison import Comparison
from review.document import Document
from review.formats import Format, FormatRegistry
from review.report.model import Report
from review.segment import Sentence


def render_report(report: Report) -> str:
    return f"toy report of {report.source.document}: {report.summary.edited} edited\n"


def render_check(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    return f"toy check of {document.relpath}: {len(result.flags)} flags\n"


def render_diff(comparison: Comparison) -> str:
    return f"toy diff: {len(comparison.changes)} of {len(comparison.pairs)} differ\n"


@contextmanager
def registered(formats: FormatRegistry[Any], function: str) -> Iterator[None]:
    formats.register(Format("toy", f"toy_formats:{function}", (".toy",), "a toy"))
    try:
        yield
    finally:
        formats.unregister("toy")
