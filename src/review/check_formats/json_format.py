"""`review check --format json`: schemas/check.schema.json."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from review import __version__
from review.check_formats.model import locate
from review.checking import CheckResult
from review.document import Document
from review.segment import Sentence

# 2: sentence ids of bilingual files, and their sentences' unit and source.
JSON_SCHEMA_ID = "review-check/2"
_NEWLINE_NAMES = {"\n": "lf", "\r\n": "crlf", "\r": "cr"}


def render_json(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    # Not indented: the indenting encoder is pure Python and triples the time of a cached run.
    return json.dumps(check_json(document, sentences, result), ensure_ascii=False) + "\n"


def check_json(
    document: Document, sentences: Sequence[Sentence], result: CheckResult
) -> dict[str, Any]:
    """One document's object (a project's JSON lists one for each file)."""
    flags = [
        {
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
        for item in locate(document, sentences, result.flags)
    ]
    return {
        "schema": JSON_SCHEMA_ID,
        "tool": {
            "name": "review",
            "version": __version__,
            "languagetool": result.versions.get("languagetool"),
        },
        "document": _document_json(document, sentences),
        "notices": list(result.notices),
        "sentences": [_sentence_json(s) for s in sentences],
        "flags": flags,
        "summary": {
            "flags": len(flags),
            "flagged_sentences": len({f["sentence"] for f in flags}),
            "by_severity": dict(sorted(Counter(f["severity"] for f in flags).items())),
            "by_category": dict(sorted(Counter(f["category"] for f in flags).items())),
            "by_source": dict(sorted(Counter(f["source"] for f in flags).items())),
        },
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
