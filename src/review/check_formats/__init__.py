"""`review check`'s output formats: each renders the flags of one document (``model`` locates
them) to text; ``CORPUS_FORMATS``, of the same names, render a project's files."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from review.formats import Format, FormatRegistry

if TYPE_CHECKING:
    from review.checking import CheckResult
    from review.corpus.check import FileResult
    from review.document import Document
    from review.formats import Rendered
    from review.segment import Sentence

    # A book's output comes in pieces (``Rendered``): write it with ``write_rendered``.
    CheckRenderer = Callable[[Document, Sequence[Sentence], CheckResult], Rendered]
    # Fed each file's result as it is checked.
    CorpusRenderer = Callable[[Iterable[FileResult]], Rendered]

FORMATS: FormatRegistry[CheckRenderer] = FormatRegistry(
    Format("text", "review.check_formats.text:render_text", (".txt",), "linter-style lines"),
    Format("json", "review.check_formats.json_format:render_json", (".json",), "JSON"),
    Format("sarif", "review.check_formats.sarif:render_sarif", (".sarif",), "SARIF 2.1.0"),
)

CORPUS_FORMATS: FormatRegistry[CorpusRenderer] = FormatRegistry(
    Format("text", "review.check_formats.corpus_text:render_corpus_text", (".txt",), ""),
    Format("json", "review.check_formats.corpus_json:render_corpus_json", (".json",), ""),
    Format("sarif", "review.check_formats.sarif:render_corpus_sarif", (".sarif",), ""),
)
