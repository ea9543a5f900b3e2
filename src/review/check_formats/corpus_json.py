"""`review check --format json` over a project: schemas/check-corpus.schema.json, one
``review-check/2`` object per file checked."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from review.check_formats.json_format import check_json
from review.corpus.check import Checked, FileResult, Skipped

CORPUS_SCHEMA_ID = "review-check-corpus/1"


def render_corpus_json(results: Sequence[FileResult]) -> str:
    documents = [
        check_json(r.text.document, r.sentences, r.result)
        for r in results
        if isinstance(r, Checked)
    ]
    skipped = [{"path": r.path, "reason": r.reason} for r in results if isinstance(r, Skipped)]
    payload = {
        "schema": CORPUS_SCHEMA_ID,
        "documents": documents,
        "skipped": skipped,
        "summary": _summary(documents, len(skipped)),
    }
    return json.dumps(payload, ensure_ascii=False) + "\n"


def _summary(documents: Sequence[dict[str, Any]], skipped: int) -> dict[str, Any]:
    flags = [flag for document in documents for flag in document["flags"]]

    def counted(key: str) -> dict[str, int]:
        return dict(sorted(Counter(flag[key] for flag in flags).items()))

    return {
        "files": len(documents),
        "skipped": skipped,
        "sentences": sum(document["document"]["sentences"] for document in documents),
        "flags": len(flags),
        "flagged_sentences": sum(d["summary"]["flagged_sentences"] for d in documents),
        "flagged_files": sum(1 for document in documents if document["flags"]),
        "by_severity": counted("severity"),
        "by_category": counted("category"),
        "by_source": counted("source"),
    }
