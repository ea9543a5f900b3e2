"""Checking a project's files: the one function every multi-file command goes through, so
that how the work is spread (one loop today) can change without the commands changing."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from review.checking import Checkers, CheckResult, check_with, open_checkers
from review.config import Config
from review.document import listed_path
from review.errors import ReviewError
from review.files import require_regular_file
from review.inputs import Text, file_notices, open_text, with_file_languages
from review.patch.file import reviewed_sentences
from review.patch.location import locate
from review.progress import Progress
from review.segment import Sentence


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that could not be read as a text; ``path`` is relative to the project."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}; skipped"


@dataclass(frozen=True, slots=True)
class Checked:
    """A file checked: its ``text`` as read, the ``sentences`` checked (the segmenter's, merged
    and split as the file's saved review says), their flags, and what is to be said of the
    file as it is when it is checked alone (an encoding guessed, another target language)."""

    text: Text
    sentences: tuple[Sentence, ...]
    result: CheckResult
    notices: tuple[str, ...] = ()


FileResult = Checked | Skipped


def open_project_file(path: Path, root: Path) -> Text | Skipped:
    """The file's text, or why it cannot be had."""
    unread = unreadable(path, root)
    if unread is not None:
        return unread
    try:
        return open_text(path, base=root)
    except ReviewError as exc:
        return skipped_for(path, root, exc)


def unreadable(path: Path, root: Path) -> Skipped | None:
    """Why the file cannot be read at all, as a file named alone is refused (a FIFO is not
    read, which would block)."""
    try:
        require_regular_file(path)
    except ReviewError as exc:
        return skipped_for(path, root, exc)
    return None


def skipped_for(path: Path, root: Path, error: ReviewError) -> Skipped:
    return Skipped(listed_path(path, root), str(error).removeprefix(f"{path}: "))


def check_corpus(
    files: Sequence[Path],
    root: Path,
    config: Config,
    use_servers: bool = True,
    progress: Progress | None = None,
    language: Callable[[Path], str | None] | None = None,
) -> Iterator[FileResult]:
    """Each file's flags (or why it was skipped), in the order of ``files``. ``language``
    gives a file's language when it is not ``config``'s (a saved review records its own); a
    bilingual file's source language is its own, as when it is checked alone. The checkers
    are opened once per pair of languages, when the first readable file needs them."""
    opened: dict[tuple[str, str], Checkers] = {}
    for path in files:
        text = open_project_file(path, root)
        if isinstance(text, Skipped):
            yield text
            continue
        chosen = (language(path) if language else None) or config.language
        configured = with_file_languages(replace(config, language=chosen), text.document)
        pair = (configured.language, configured.source_language)
        if pair not in opened:
            opened[pair] = open_checkers(configured, use_servers, progress)
        try:
            patch = locate(path, root=root).patch
            sentences = reviewed_sentences(text.document, text.sentences, patch)
        except ReviewError as exc:
            yield skipped_for(path, root, exc)
            continue
        result = check_with(opened[pair], text.document.text, sentences, configured)
        yield Checked(text, sentences, result, file_notices(configured, text.document))
