"""`review report PATH… --format json`: ``review/schemas/project-report.schema.json``; each
file's summary, effort and MQM score are shaped as in the one-file report."""

from __future__ import annotations

import json
from typing import Any

from review import __version__
from review.report.json_format import effort_json, mqm_json, summary_json
from review.report.project.model import PROJECT_REPORT_SCHEMA_ID, ProjectFile, ProjectReport


def render_project_json(project: ProjectReport) -> str:
    payload = {
        "schema": PROJECT_REPORT_SCHEMA_ID,
        "tool": {"name": "review", "version": __version__},
        "checkers": {
            "languagetool": project.checkers.languagetool,
            "fluency": True,
            "notices": list(project.checkers.notices),
        },
        "totals": {
            "files": len(project.files),
            "saved": project.saved,
            "skipped": len(project.skipped),
            "summary": summary_json(project.totals),
            "effort": effort_json(project.effort),
            "mqm": mqm_json(project.mqm),
        },
        "files": [_file(file) for file in project.files],
        "skipped": [{"path": path, "reason": reason} for path, reason in project.skipped],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _file(file: ProjectFile) -> dict[str, Any]:
    report = file.report
    source = report.source
    return {
        "path": file.path,
        "document_sha256": source.document_sha256,
        "patch": source.patch,
        "saved": file.saved,
        "reviewer": source.reviewer,
        "date": source.date,
        "language": source.language,
        "notices": list(report.checkers.notices),
        "summary": summary_json(report.summary),
        "effort": effort_json(report.effort),
        "mqm": mqm_json(report.mqm),
    }
