"""Each file of a project with its saved review, reported: the figures of ``review report
FILE`` for every file, checked through ``check_corpus``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from review.config import Config
from review.corpus.check import Checked, Skipped, check_corpus, skipped_for
from review.corpus.files import Project
from review.document import Document, relative_path
from review.errors import ReviewError
from review.patch.file import read_patch, read_patch_bytes
from review.patch.header import PatchHeader, patch_header
from review.patch.location import locate
from review.report.effort import EffortStatistics
from review.report.model import (
    CheckersRun,
    Report,
    ReportSource,
    build_report,
    effort_statistics,
)
from review.state import ReviewState


@dataclass(frozen=True, slots=True)
class FileReport:
    """One file's report (only its noteworthy sentences listed), its effort statistics (for
    the project's totals) and whether it has a saved review."""

    report: Report
    statistics: EffortStatistics
    saved: bool


def file_reports(
    project: Project, config: Config, use_servers: bool = True
) -> Iterator[FileReport | Skipped]:
    """Every file of ``project`` in order: its report, or why it was skipped (it cannot be
    read, or its patch does not fit it)."""
    root = project.root
    checked = check_corpus(
        project.files, root, config, use_servers, language=lambda path: _language(path, root)
    )
    for item in checked:
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield _file_report(item, root, config)
        except ReviewError as exc:
            yield skipped_for(item.text.document.path, root, exc)


def source_of(
    document: Document, patch: Path, header: PatchHeader | None, language: str
) -> ReportSource:
    """What a report says it is about; a file with no saved review has no reviewer or date."""
    return ReportSource(
        document=document.relpath,
        document_sha256=document.sha256,
        patch=relative_path(patch),
        reviewer=header.reviewer if header else "",
        date=header.date if header else "",
        language=header.language if header else language,
        reviewed_with=header.tool if header else "",
    )


def _file_report(item: Checked, root: Path, config: Config) -> FileReport:
    document, sentences = item.text.document, item.text.sentences
    location = locate(document.path, root=root)
    patch = read_patch(location.patch, document, sentences) if location.patch.exists() else None
    state = patch.state if patch else ReviewState()
    sentences = patch.sentences if patch else item.sentences
    notices = item.result.notices
    if location.journal.exists():
        journal = relative_path(location.journal)
        notices += (f"{journal} holds unsaved changes, which this report leaves out",)
    statistics = effort_statistics(sentences, state)
    report = build_report(
        sentences,
        state,
        item.result.flags,
        source_of(document, location.patch, patch.header if patch else None, config.language),
        CheckersRun(item.result.versions.get("languagetool"), notices),
        only_changed=True,
        effort=statistics,
    )
    return FileReport(report, statistics, patch is not None)


def _language(path: Path, root: Path) -> str | None:
    """The language the file's saved review records, if it has one (read from its header)."""
    patch = locate(path, root=root).patch
    if not patch.exists():
        return None
    try:
        return patch_header(read_patch_bytes(patch), relative_path(patch)).language
    except ReviewError:
        return None  # reading the whole patch says what is wrong with it
