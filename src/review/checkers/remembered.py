"""A checker's flags for a whole text, kept in the result cache."""

from __future__ import annotations

import functools
import hashlib
import itertools
from collections.abc import Iterable, Iterator, Sequence
from importlib import import_module
from pathlib import Path

from review.cache import ResultCache
from review.checker_api import Checker, Offload, check_text
from review.corrected import CorrectedText
from review.flags import Flag, from_json_chunks, to_json_chunks
from review.segment import Sentence

# Sentences whose part of a key is made at a time.
KEY_ITEMS = 1000


class RememberedChecker:
    """A checker whose flags for a whole text are kept in the result cache, so a report or a
    reopened review does not run it again. The key holds the checker's code and data (a hash
    of its package's files), its settings, the text and the sentences: their ids and spans
    (the flags name them), and in a bilingual text their units' sources (two files may have
    the same targets but other unit ids or sources). The flags are kept in JSON chunks
    (``to_json_chunks``), a line each: a book's, written or read as one value, held up the
    review UI.

    With ``offload``, a pass the cache does not have runs there (another process); the cache
    is read and written here all the same.

    A corrected text not joined is keyed and sent to the offload in pieces (never joined
    here); without an offload, the checker is given it as ``check_text`` gives it."""

    checks_corrected = True

    def __init__(
        self,
        checker: Checker,
        cache: ResultCache,
        settings: str,
        offload: Offload | None = None,
    ) -> None:
        self.name = checker.name
        self.version = checker.version
        self._checker = checker
        self._cache = cache
        self._fingerprint = package_fingerprint(type(checker).__module__)
        self._settings = settings
        self._offload = offload

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        key = ResultCache.key(
            "flags/lines",
            self.name,
            self._fingerprint,
            self._settings,
            *text_parts(text, sentences),
        )
        remembered = self._cache.get_lines(key)
        if remembered is not None:
            return from_json_chunks(remembered)
        if self._offload is not None:
            flags = self._offload(self._checker, text, sentences)
        else:
            flags = list(check_text(self._checker, text, sentences))
        self._cache.put_lines(key, to_json_chunks(flags))
        return flags


def text_parts(
    text: str | CorrectedText, sentences: Sequence[Sentence]
) -> tuple[Iterator[str], Iterator[str], str | Iterator[str]]:
    """A text and its sentences as parts of a cache key (``ResultCache.key``): the sentences'
    ids and spans, their sources (a bilingual text's), and the text."""
    # In pieces: a book's spans joined at once, and the list join makes of them, were
    # 35 MB on top of the review the UI holds.
    spans = _joined(",", (f"{s.id}:{s.start}:{s.end}:{s.paragraph}" for s in sentences))
    sources = _joined("\x1f", (s.source for s in sentences))
    return spans, sources, text if isinstance(text, str) else text.pieces()


def _joined(separator: str, items: Iterable[str]) -> Iterator[str]:
    """``separator.join(items)`` in pieces of KEY_ITEMS items."""
    iterator = iter(items)
    first = True
    while chunk := list(itertools.islice(iterator, KEY_ITEMS)):
        yield separator.join(chunk) if first else separator + separator.join(chunk)
        first = False


@functools.cache
def package_fingerprint(module: str) -> str:
    """A hash of every file of ``module``'s package (its code and its data)."""
    package = Path(import_module(module).__file__ or "").parent
    digest = hashlib.sha256()
    for path in sorted(
        p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
