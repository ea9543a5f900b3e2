"""`review check --format json` over a project: schemas/check-corpus.schema.json, one
``review-check/2`` object per file checked, each written as it is checked."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from review.check_formats.json_format import Counts, document_json
from review.corpus.check import Checked, FileResult

CORPUS_SCHEMA_ID = "review-check-corpus/1"


def render_corpus_json(results: Iterable[FileResult]) -> Iterator[str]:
    """The bytes of one ``json.dumps`` of the project's object, a file's object as soon as it
    is checked (a project's results are not held)."""
    yield f'{{"schema": {json.dumps(CORPUS_SCHEMA_ID)}, "documents": ['
    skipped: list[dict[str, str]] = []
    total = Counts()
    files = sentences = flagged_sentences = flagged_files = 0
    for result in results:
        if not isinstance(result, Checked):
            skipped.append({"path": result.path, "reason": result.reason})
            continue
        counts = Counts()
        if files:
            yield ", "
        yield from document_json(result.text.document, result.sentences, result.result, counts)
        files += 1
        sentences += len(result.sentences)
        flagged_sentences += len(counts.sentences)
        flagged_files += counts.flags > 0
        total.flags += counts.flags
        for key, counter in total.by.items():
            counter.update(counts.by[key])
    by = total.summary()
    summary = {
        "files": files,
        "skipped": len(skipped),
        "sentences": sentences,
        "flags": total.flags,
        "flagged_sentences": flagged_sentences,
        "flagged_files": flagged_files,
        **{key: by[key] for key in ("by_severity", "by_category", "by_source")},
    }
    tail = {"skipped": skipped, "summary": summary}
    # The tail's keys follow the documents in the same object.
    yield "], " + json.dumps(tail, ensure_ascii=False)[1:] + "\n"
