"""`review check` output: linter-style text, JSON (schemas/check.schema.json) and SARIF 2.1.0."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from review import __version__
from review.checking import CheckResult
from review.document import Document
from review.flags import Flag, Severity
from review.segment import Sentence

JSON_SCHEMA_ID = "review-check/1"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {Severity.MINOR: "note", Severity.MAJOR: "warning", Severity.CRITICAL: "error"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NEWLINE_NAMES = {"\n": "lf", "\r\n": "crlf", "\r": "cr"}


@dataclass(frozen=True, slots=True)
class Located:
    """A flag with its place in the document: offsets and 1-based line and column."""

    flag: Flag
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


class _Lines:
    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def locate(
    document: Document, sentences: Sequence[Sentence], flags: Sequence[Flag]
) -> list[Located]:
    by_id = {s.id: s for s in sentences}
    lines = _Lines(document.text)
    located = []
    for flag in flags:
        start = by_id[flag.sentence_id].start + flag.start
        end = by_id[flag.sentence_id].start + flag.end
        line, column = lines.position(start)
        end_line, end_column = lines.position(end)
        located.append(Located(flag, start, end, line, column, end_line, end_column))
    return located


def summary_line(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    counts = Counter(f.severity for f in result.flags)
    flagged = len({f.sentence_id for f in result.flags})
    parts = ", ".join(f"{counts[s]} {s}" for s in reversed(Severity) if counts[s])
    languagetool = result.versions.get("languagetool")
    checkers = f"LanguageTool {languagetool} + fluency" if languagetool else "fluency only"
    noun = "flag" if len(result.flags) == 1 else "flags"
    detail = f" ({parts})" if parts else ""
    return (
        f"{document.relpath}: {len(result.flags)} {noun}{detail} in {flagged} of "
        f"{len(sentences)} sentences; {checkers}"
    )


def render_text(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    out = []
    for item in locate(document, sentences, result.flags):
        flag = item.flag
        suggestion = f" (→ {flag.replacements[0]})" if flag.replacements else ""
        out.append(
            f"{document.relpath}:{item.line}:{item.column}: {flag.sentence_id} "
            f"{flag.category} {flag.rule} {flag.message}{suggestion}"
        )
    out.append(summary_line(document, sentences, result))
    return "\n".join(out) + "\n"


def render_json(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
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
    payload = {
        "schema": JSON_SCHEMA_ID,
        "tool": {
            "name": "review",
            "version": __version__,
            "languagetool": result.versions.get("languagetool"),
        },
        "document": _document_json(document, sentences),
        "notices": list(result.notices),
        "sentences": [
            {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end, "text": s.text}
            for s in sentences
        ],
        "flags": flags,
        "summary": {
            "flags": len(flags),
            "flagged_sentences": len({f["sentence"] for f in flags}),
            "by_severity": dict(sorted(Counter(f["severity"] for f in flags).items())),
            "by_category": dict(sorted(Counter(f["category"] for f in flags).items())),
            "by_source": dict(sorted(Counter(f["source"] for f in flags).items())),
        },
    }
    # Not indented: the indenting encoder is pure Python and triples the time of a cached run.
    return json.dumps(payload, ensure_ascii=False) + "\n"


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


def render_sarif(document: Document, sentences: Sequence[Sentence], result: CheckResult) -> str:
    located = locate(document, sentences, result.flags)
    rule_ids = sorted({item.flag.rule for item in located})
    rule_index = {rule: i for i, rule in enumerate(rule_ids)}
    first = {item.flag.rule: item.flag for item in reversed(located)}
    artifact = {"uri": document.relpath}
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
    results = [_sarif_result(item, rule_index, artifact) for item in located]
    driver: dict[str, Any] = {"name": "review", "version": __version__, "rules": rules}
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "artifacts": [
                    {
                        "location": artifact,
                        "length": len(document.raw),
                        "encoding": document.encoding,
                        "hashes": {"sha-256": document.sha256},
                    }
                ],
                "results": results,
                "properties": {
                    "languagetool": result.versions.get("languagetool"),
                    "notices": list(result.notices),
                },
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False) + "\n"


def _sarif_result(
    item: Located, rule_index: dict[str, int], artifact: dict[str, str]
) -> dict[str, Any]:
    flag = item.flag
    region = {
        "startLine": item.line,
        "startColumn": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "charOffset": item.start,
        "charLength": item.end - item.start,
        "snippet": {"text": flag.text},
    }
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
