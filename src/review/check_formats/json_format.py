"""`review check --format json`: schemas/check.schema.json."""

from __future__ import annotations

import functools
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

from review import __version__
from review.check_formats.model import Located, encoded, locate
from review.checking import CheckResult
from review.document import Document
from review.segment import Sentence

# 2: sentence ids of bilingual files, and their sentences' unit and source.
JSON_SCHEMA_ID = "review-check/2"
_NEWLINE_NAMES = {"\n": "lf", "\r\n": "crlf", "\r": "cr"}


def render_json(
    document: Document, sentences: Sequence[Sentence], result: CheckResult
) -> Iterator[str]:
    """The document's object in pieces, the bytes one ``json.dumps`` of it would write, without
    holding a book's sentences and flags as JSON objects at once."""
    yield from document_json(document, sentences, result, Counts())
    yield "\n"


def document_json(
    document: Document, sentences: Sequence[Sentence], result: CheckResult, counts: Counts
) -> Iterator[str]:
    """``render_json``'s object (without the newline), its flags counted in ``counts`` as they
    are written (a project's summary adds them up)."""
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    head = {
        "schema": JSON_SCHEMA_ID,
        "tool": _tool_json(result),
        "document": _document_json(document, sentences),
        "notices": list(result.notices),
    }
    # The head without its closing brace: the lists and the summary follow in it.
    yield dumps(head)[:-1] + ', "sentences": ['
    yield from encoded(_sentence_json(s) for s in sentences)
    yield '], "flags": ['
    yield from encoded(
        counts.counted(_flag_json(item)) for item in locate(document, sentences, result.flags)
    )
    # Not indented: the indenting encoder is pure Python and triples the time of a cached run.
    yield '], "summary": ' + dumps(counts.summary()) + "}"


class Counts:
    """The summary's counts, kept as the flags go by."""

    def __init__(self) -> None:
        self.flags = 0
        self.sentences: set[str] = set()
        self.by: dict[str, Counter[str]] = {
            key: Counter() for key in ("severity", "category", "source")
        }

    def counted(self, flag: dict[str, Any]) -> dict[str, Any]:
        self.flags += 1
        self.sentences.add(flag["sentence"])
        for key, counter in self.by.items():
            counter[flag[key]] += 1
        return flag

    def summary(self) -> dict[str, Any]:
        return {
            "flags": self.flags,
            "flagged_sentences": len(self.sentences),
            **{f"by_{key}": dict(sorted(counter.items())) for key, counter in self.by.items()},
        }


def _tool_json(result: CheckResult) -> dict[str, Any]:
    return {
        "name": "review",
        "version": __version__,
        "languagetool": result.versions.get("languagetool"),
    }


def _flag_json(item: Located) -> dict[str, Any]:
    return {
        "sentence": item.flag.sentence_id,
        "start": item.flag.start,
        "end": item.flag.end,
        "document_start": item.start,
        "document_end": item.end,
        "line": item.line,
        "column": item.column,
        "source": item.flag.source,
        "rule": item.flag.rule,
        "category": str(item.flag.category),
        "mqm": str(item.flag.mqm),
        "severity": str(item.flag.severity),
        "message": item.flag.message,
        "text": item.flag.text,
        "replacements": list(item.flag.replacements),
    }


def _sentence_json(s: Sentence) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": s.id,
        "paragraph": s.paragraph,
        "start": s.start,
        "end": s.end,
        "text": s.text,
    }
    if s.unit:
        out.update(unit=s.unit, source=s.source)
    return out


def _document_json(document: Document, sentences: Sequence[Sentence]) -> dict[str, Any]:
    return {
        "path": document.relpath,
        "sha256": document.sha256,
        "encoding": document.encoding,
        "bom": bool(document.bom),
        "newline": _NEWLINE_NAMES[document.newline],
        "ends_with_newline": document.ends_with_newline,
        "characters": len(document.text),
        "sentences": len(sentences),
    }
