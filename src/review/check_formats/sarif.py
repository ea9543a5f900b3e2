"""`review check --format sarif`: SARIF 2.1.0, for code-scanning tools."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from review import __version__
from review.check_formats.model import Located, encoded, locate
from review.checking import CheckResult
from review.corpus.check import Checked, FileResult
from review.document import Document
from review.flags import Flag, Severity
from review.segment import Sentence

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The results' key as the log is written: the results go between its brackets.
_RESULTS = '"results": '
_SARIF_LEVELS = {Severity.MINOR: "note", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}


def render_sarif(
    document: Document, sentences: Sequence[Sentence], result: CheckResult
) -> Iterator[str]:
    return sarif_log([(document, sentences, result)])


def render_corpus_sarif(results: Iterable[FileResult]) -> Iterator[str]:
    """One run over a project: every file checked is an artifact (a file without flags too).
    Its rules and artifacts come before its results, so every file's result is held."""
    return sarif_log(
        [(r.text.document, r.sentences, r.result) for r in results if isinstance(r, Checked)]
    )


def sarif_log(
    checked: Sequence[tuple[Document, Sequence[Sentence], CheckResult]],
) -> Iterator[str]:
    """The log in pieces, as one ``json.dumps`` of it writes it (the same bytes): the results
    are written one by one, not held."""
    first: dict[str, Flag] = {}
    for _, _, result in checked:
        for flag in result.flags:
            first.setdefault(flag.rule, flag)
    rule_ids = sorted(first)
    rule_index = {rule: i for i, rule in enumerate(rule_ids)}
    artifacts: list[dict[str, str | int]] = [{"uri": d.relpath} for d, _, _ in checked]
    if len(checked) > 1:
        for index, artifact in enumerate(artifacts):
            artifact["index"] = index
    rules = [
        {
            "id": rule,
            "shortDescription": {"text": first[rule].message},
            "properties": {
                "source": first[rule].source,
                "category": str(first[rule].category),
                "mqm": str(first[rule].mqm),
            },
        }
        for rule in rule_ids
    ]
    driver: dict[str, Any] = {"name": "review", "version": __version__, "rules": rules}
    languagetool = next(
        (r.versions["languagetool"] for _, _, r in checked if "languagetool" in r.versions), None
    )
    notices = list(dict.fromkeys(n for _, _, result in checked for n in result.notices))
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "artifacts": [
                    {
                        "location": {"uri": document.relpath},
                        "length": document.size,
                        "encoding": document.encoding,
                        "hashes": {"sha-256": document.sha256},
                    }
                    for document, _, _ in checked
                ],
                "results": [],
                "properties": {"languagetool": languagetool, "notices": notices},
            }
        ],
    }
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    # The log around its results: the first '"results": []' outside a string is the key (in
    # a string its quotes would be escaped).
    before, after = dumps(log).split(f"{_RESULTS}[]", 1)
    yield before + f"{_RESULTS}["
    yield from encoded(
        _sarif_result(item, rule_index, artifacts[index])
        for index, (document, sentences, result) in enumerate(checked)
        for item in locate(document, sentences, result.flags)
    )
    yield "]" + after + "\n"


def _sarif_result(
    item: Located, rule_index: dict[str, int], artifact: dict[str, str | int]
) -> dict[str, Any]:
    flag = item.flag
    region = {
        "startLine": item.line,
        "startColumn": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "snippet": {"text": flag.text},
    }
    if item.in_file:
        region.update(charOffset=item.start, charLength=item.end - item.start)
    sarif: dict[str, Any] = {
        "ruleId": flag.rule,
        "ruleIndex": rule_index[flag.rule],
        "level": _SARIF_LEVELS[flag.severity],
        "message": {"text": flag.message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "properties": {
            "sentence": flag.sentence_id,
            "source": flag.source,
            "category": str(flag.category),
            "mqm": str(flag.mqm),
            "severity": str(flag.severity),
        },
    }
    if flag.replacements:
        sarif["fixes"] = [
            {
                "description": {"text": f"Replace with “{replacement}”"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": item.start,
                                    "charLength": item.end - item.start,
                                },
                                "insertedContent": {"text": replacement},
                            }
                        ],
                    }
                ],
            }
            for replacement in flag.replacements
        ]
    return sarif
