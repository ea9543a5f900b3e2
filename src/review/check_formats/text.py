"""`review check` as linter-style lines: ``path:line:column: sentence category rule message``;
in a bilingual file the sentence is named with its unit (``line13-s1 (unit line13)``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from review.check_formats.model import locate, summary_line
from review.checking import CheckResult
from review.document import Document
from review.segment import Sentence


def render_text(
    document: Document, sentences: Sequence[Sentence], result: CheckResult
) -> Iterator[str]:
    """The lines one by one (a book's are not held at once)."""
    units = {s.id: s.unit for s in sentences if s.unit}
    for item in locate(document, sentences, result.flags):
        flag = item.flag
        suggestion = f" (→ {flag.replacements[0]})" if flag.replacements else ""
        unit = f" (unit {units[flag.sentence_id]})" if flag.sentence_id in units else ""
        yield (
            f"{document.relpath}:{item.line}:{item.column}: {flag.sentence_id}{unit} "
            f"{flag.category} {flag.rule} {flag.message}{suggestion}\n"
        )
    yield summary_line(document, sentences, result) + "\n"
