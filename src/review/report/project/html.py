"""`review report PATH… --format html`: one page for the project: its totals, a table of its
files, each linking to its section, and the files skipped."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from review.report.html import figure_grid, page
from review.report.markup import Markup, tag
from review.report.project.model import ProjectFile, ProjectReport
from review.report.project.wording import (
    FILE_COLUMNS,
    anchor,
    file_cells,
    progress,
    signature_lines,
)
from review.report.wording import figures, summary_figures


def render_project_html(project: ProjectReport) -> Iterator[str]:
    title = "Project report"
    body = [
        tag("h1", title),
        tag(
            "p",
            f"{len(project.files)} files ({project.saved} with a saved review) · "
            f"{len(project.skipped)} skipped · {progress(project.totals)} sentences marked "
            f"reviewed · flags found by {project.checkers.describe()}",
            class_="meta",
        ),
        tag("ul", *(tag("li", n) for n in project.checkers.notices), class_="notices")
        if project.checkers.notices
        else None,
        tag(
            "section",
            tag("h2", "Totals"),
            figure_grid(figures(project.totals, project.effort, project.mqm)),
            tag(
                "table",
                tag("tr", tag("th", "Metric"), tag("th", "sacrebleu signature")),
                *(
                    tag("tr", tag("td", name), tag("td", signature, class_="signature"))
                    for name, signature in signature_lines(project.effort)
                ),
            ),
            id="totals",
        ),
        tag("section", tag("h2", "Files"), _file_table(project.files), id="files"),
        tag(
            "section",
            tag("h2", "Skipped"),
            tag("ul", *(tag("li", tag("code", p), f": {why}") for p, why in project.skipped)),
            id="skipped",
        )
        if project.skipped
        else None,
        *(_file(index, file) for index, file in enumerate(project.files)),
    ]
    return page(title, body)


def _file_table(files: Sequence[ProjectFile]) -> Markup:
    rows = []
    for index, file in enumerate(files):
        name, *rest = file_cells(file)
        rows.append(
            tag(
                "tr",
                tag("td", tag("a", name, href=f"#{anchor(index)}")),
                *(tag("td", value, class_="num") for value in rest),
            )
        )
    return tag("table", tag("tr", *(tag("th", column) for column in FILE_COLUMNS)), *rows)


def _file(index: int, file: ProjectFile) -> Markup:
    source = file.report.source
    saved = (
        f"Patch {source.patch} · reviewer {source.reviewer or 'not named'} · saved {source.date}"
        if file.saved
        else "No saved review yet."
    )
    return tag(
        "section",
        tag("h2", file.path),
        tag("p", saved, f" · {progress(file.report.summary)} reviewed", class_="meta"),
        figure_grid(summary_figures(file.report)),
        id=anchor(index),
        class_="file",
    )
