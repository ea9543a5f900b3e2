"""`review report PATH… --format md`: the project's totals, a table of its files linking to a
section per file, and the files skipped."""

from __future__ import annotations

from collections.abc import Iterator

from review.report.markdown import _table, cell, code
from review.report.project.model import ProjectFile, ProjectReport
from review.report.project.wording import (
    FILE_COLUMNS,
    anchor,
    file_cells,
    progress,
    signature_lines,
)
from review.report.wording import figures, summary_figures


def render_project_markdown(project: ProjectReport) -> str:
    return "\n".join(_lines(project)) + "\n"


def _lines(project: ProjectReport) -> Iterator[str]:
    yield "# Project report"
    yield ""
    yield from _table(
        ("", ""),
        [
            ("Files", f"{len(project.files)} ({project.saved} with a saved review)"),
            ("Skipped", str(len(project.skipped))),
            ("Review progress", f"{progress(project.totals)} sentences marked reviewed"),
            ("Flags found by", cell(project.checkers.describe())),
            *(("Notice", cell(notice)) for notice in project.checkers.notices),
        ],
    )
    yield ""
    yield "## Totals"
    yield ""
    totals = figures(project.totals, project.effort, project.mqm)
    yield from _table(("Figure", "Value"), [(f.label, f.value) for f in totals])
    yield ""
    yield from _table(
        ("Metric", "sacrebleu signature"),
        [(name, code(signature)) for name, signature in signature_lines(project.effort)],
    )
    yield ""
    yield "## Files"
    yield ""
    rows = []
    for index, file in enumerate(project.files):
        name, *rest = file_cells(file)
        rows.append((f"[{cell(name)}](#{anchor(index)})", *rest))
    yield from _table(FILE_COLUMNS, rows)
    if project.skipped:
        yield ""
        yield "## Skipped"
        yield ""
        yield from (f"- {cell(path)}: {cell(reason)}" for path, reason in project.skipped)
    for index, file in enumerate(project.files):
        yield ""
        yield from _file(index, file)


def _file(index: int, file: ProjectFile) -> Iterator[str]:
    source = file.report.source
    yield f'<a id="{anchor(index)}"></a>'
    yield ""
    yield f"## {cell(file.path)}"
    yield ""
    saved = (
        f"{cell(source.patch)}, by {cell(source.reviewer or 'not named')}, saved "
        f"{cell(source.date)}"
        if file.saved
        else "none yet"
    )
    yield from _table(
        ("Figure", "Value"),
        [
            ("saved review", saved),
            ("review progress", progress(file.report.summary)),
            *((f.label, f.value) for f in summary_figures(file.report)),
        ],
    )
