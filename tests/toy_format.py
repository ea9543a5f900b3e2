"""An input format that exists only for the tests: it shows that a new format is this one
module plus one registry line (``LINES`` below, put into ``review.inputs.FORMATS`` by a
fixture). It reads text like plain text but makes every line one sentence."""

from __future__ import annotations

import re
from collections.abc import Callable

from review.cache import ResultCache
from review.document import Document
from review.inputs import FormatEntry
from review.inputs.plain import PlainText
from review.segment import Sentence

LINES = FormatEntry("lines", (".lines",), __name__)


class OneSentenceALine(PlainText):
    def segment(
        self,
        document: Document,
        cache: ResultCache | None,
        on_chunk: Callable[[tuple[Sentence, ...]], None] | None,
    ) -> tuple[Sentence, ...]:
        lines = [m for m in re.finditer(r"[^\n]+", document.text)]
        sentences = tuple(
            Sentence(f"s{n}", m.start(), m.end(), n, m.group()) for n, m in enumerate(lines, 1)
        )
        if on_chunk:
            on_chunk(sentences)
        return sentences


FORMAT = OneSentenceALine()
