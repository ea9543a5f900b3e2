"""The report's output formats: each renders a ``review.report.model.Report`` to text (whole,
or in pieces as HTML does); ``PROJECT_FORMATS`` render a
``review.report.project.model.ProjectReport``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from review.formats import Format, FormatRegistry, Rendered

if TYPE_CHECKING:
    # Only for the type: the command line imports this registry to build its parser, and the
    # model pulls in sacrebleu.
    from review.report.model import Report
    from review.report.project.model import ProjectReport

FORMATS: FormatRegistry[Callable[[Report], Rendered]] = FormatRegistry(
    Format("md", "review.report.markdown:render_markdown", (".md", ".markdown"), "Markdown"),
    Format("html", "review.report.html:render_html", (".html", ".htm"), "one HTML file"),
    Format("json", "review.report.json_format:render_json", (".json",), "JSON"),
    Format("csv", "review.report.csv_format:render_csv", (".csv",), "CSV, one row a sentence"),
)

PROJECT_FORMATS: FormatRegistry[Callable[[ProjectReport], Rendered]] = FormatRegistry(
    Format("md", "review.report.project.markdown:render_project_markdown", (".md", ".markdown")),
    Format("html", "review.report.project.html:render_project_html", (".html", ".htm")),
    Format("json", "review.report.project.json_format:render_project_json", (".json",)),
    Format("csv", "review.report.project.csv_format:render_project_csv", (".csv",)),
)
"""The project report's formats, of the same names: ``review report`` over several files or a
folder."""
