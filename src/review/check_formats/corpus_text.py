"""`review check` over a project as text: each file's linter-style lines and summary line, file
after file as each is checked, then the project's line."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from review.check_formats.text import render_text
from review.corpus.check import Checked, FileResult


def render_corpus_text(results: Iterable[FileResult]) -> Iterator[str]:
    tally = Tally()
    for result in results:
        tally.counted(result)
        if isinstance(result, Checked):
            yield from render_text(result.text.document, result.sentences, result.result)
    yield tally.line() + "\n"


class Tally:
    """The project's line, counted as the files go by (their results are not held)."""

    def __init__(self) -> None:
        self.checked = self.skipped = self.flags = self.flagged = self.sentences = 0

    def counted(self, result: FileResult) -> FileResult:
        if not isinstance(result, Checked):
            self.skipped += 1
            return result
        flags = result.result.flags
        self.checked += 1
        self.flags += len(flags)
        self.sentences += len(result.sentences)
        self.flagged += len({f.sentence_id for f in flags})
        return result

    def line(self) -> str:
        files = "file" if self.checked == 1 else "files"
        noun = "flag" if self.flags == 1 else "flags"
        return (
            f"{self.checked} {files} checked: {self.flags} {noun} in {self.flagged} of "
            f"{self.sentences} sentences; {self.skipped} skipped"
        )
