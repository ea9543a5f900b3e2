"""`review check` over a project as text: each file's linter-style lines and summary line, file
after file, then the project's line."""

from __future__ import annotations

from collections.abc import Sequence

from review.check_formats.text import render_text
from review.corpus.check import Checked, FileResult


def render_corpus_text(results: Sequence[FileResult]) -> str:
    checked = [r for r in results if isinstance(r, Checked)]
    return (
        "".join(
            line
            for r in checked
            for line in render_text(r.text.document, r.text.sentences, r.result)
        )
        + corpus_summary_line(results)
        + "\n"
    )


def corpus_summary_line(results: Sequence[FileResult]) -> str:
    checked = [r for r in results if isinstance(r, Checked)]
    flags = sum(len(r.result.flags) for r in checked)
    sentences = sum(len(r.text.sentences) for r in checked)
    flagged = sum(len({f.sentence_id for f in r.result.flags}) for r in checked)
    skipped = len(results) - len(checked)
    files = "file" if len(checked) == 1 else "files"
    noun = "flag" if flags == 1 else "flags"
    return (
        f"{len(checked)} {files} checked: {flags} {noun} in {flagged} of {sentences} "
        f"sentences; {skipped} skipped"
    )
