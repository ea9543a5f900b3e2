"""Grammar, spelling and style flags from a LanguageTool server, one request per paragraph."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from sys import intern
from typing import TYPE_CHECKING, Any

from review.cache import KEYS_AT_ONCE, ResultCache
from review.config import Config
from review.corrected import CorrectedText, PlacedSentences
from review.errors import ReviewError, first_line
from review.flags import Flag
from review.languagetool import head_start
from review.languagetool.engine import Batch, Engine, LocalEngine, batches
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.head_start import HeadStart, Matches, Span
from review.languagetool.match import ServerMatch, classify
from review.languagetool.wire import Settings, WireError, WireTimeout
from review.segment import Sentence

if TYPE_CHECKING:
    from review.checker_api import Checker, Opening
    from review.languagetool.server import ServerInfo
    from review.progress import Progress

# The checker's name, every LanguageTool flag's source.
NAME = "languagetool"
# Answers are written to the cache in transactions of this many paragraphs (one commit each).
CACHE_WRITES_AT_ONCE = 256


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph's span of the text, and the ids and starts of its sentences: all a flag
    needs of them (``to_flags``), and not the sentences themselves, which a corrected text
    not joined places only when asked for (``review.corrected``)."""

    start: int
    end: int
    ids: tuple[str, ...]
    starts: tuple[int, ...]


def paragraphs(sentences: Sequence[Sentence]) -> list[Paragraph]:
    if isinstance(sentences, PlacedSentences):
        placed = sentences
        spans: Iterable[tuple[str, int, int, int]] = (
            (s.id, *placed.span(s), s.paragraph) for s in placed.originals
        )
    else:
        spans = ((s.id, s.start, s.end, s.paragraph) for s in sentences)
    found: list[Paragraph] = []
    ids: list[str] = []
    starts: list[int] = []
    number = end = 0
    for sentence_id, start, sentence_end, paragraph in spans:
        if ids and paragraph != number:
            found.append(Paragraph(starts[0], end, tuple(ids), tuple(starts)))
            ids, starts = [], []
        ids.append(sentence_id)
        starts.append(start)
        number, end = paragraph, sentence_end
    if ids:
        found.append(Paragraph(starts[0], end, tuple(ids), tuple(starts)))
    return found


class LanguageToolChecker:
    """Checks each paragraph (LanguageTool needs the context) through an engine: the servers
    of this machine or a Dask cluster (``engine``; by default ``workers`` requests in flight to
    the server at ``url``). Cached paragraphs are answered here; this client alone reads and
    writes the cache. A corrected text not joined is checked as it is: a paragraph at a time
    is cut out of it."""

    name = NAME
    checks_corrected = True

    def __init__(
        self,
        url: str,
        version: str,
        config: Config,
        cache: ResultCache | None = None,
        workers: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        engine: Engine | None = None,
        head_start: HeadStart | None = None,
    ) -> None:
        self.version = version
        self.config = config
        self.cache = cache
        self.engine: Engine = engine or LocalEngine(
            [url], version, workers or config.languagetool_concurrency
        )
        self.progress = progress
        # Answers asked for before the sentences were known, for the first check of its text.
        self.head_start = head_start

    def check(self, text: str | CorrectedText, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        groups = paragraphs(sentences)
        spans = [(p.start, p.end) for p in groups]
        for done, (index, matches) in enumerate(self._matches(text, spans), start=1):
            if self.progress:
                self.progress(done, len(groups))
            yield from to_flags(text, groups[index], matches)

    def _matches(
        self, text: str | CorrectedText, spans: Sequence[Span]
    ) -> Iterator[tuple[int, Matches]]:
        """Each paragraph's matches (by its index in ``spans``): those the head start asked
        for as it answers them, then the rest."""
        head, self.head_start = self.head_start, None
        if head is None or head.text is not text:
            yield from self.answers(text, spans)
            return
        index_of = {span: index for index, span in enumerate(spans)}
        answered: set[int] = set()
        for span, matches in head.answers():
            index = index_of.get(span)
            if index is not None:
                answered.add(index)
                yield index, matches
        rest = [index for index in range(len(spans)) if index not in answered]
        for position, matches in self.answers(text, [spans[index] for index in rest]):
            yield rest[position], matches

    def answers(
        self, text: str | CorrectedText, spans: Sequence[Span]
    ) -> Generator[tuple[int, Matches], None, None]:
        """The matches of each of ``spans`` of ``text`` (by its index), from the cache or the
        engine, as they come; the engine's answers are written to the cache."""
        pending: list[int] = []
        # Looked up a bounded number at a time: a book's answers are not all held at once.
        for first in range(0, len(spans), KEYS_AT_ONCE):
            indices = range(first, min(first + KEYS_AT_ONCE, len(spans)))
            found = self._cached([text[spans[i][0] : spans[i][1]] for i in indices])
            for index, cached in zip(indices, found, strict=True):
                if cached is None:
                    pending.append(index)
                else:
                    yield index, cached
        if not pending:
            return
        work = batches((text[spans[i][0] : spans[i][1]] for i in pending), self.engine.batch_chars)
        firsts: dict[int, int] = {}
        settings = Settings.of(self.config)
        writes: list[tuple[str, object]] = []
        try:
            for batch, answers in self.engine.run(settings, _numbered(work, firsts)):
                first = firsts.pop(batch.index)
                for offset, (piece, matches) in enumerate(
                    zip(batch.paragraphs, answers, strict=True)
                ):
                    writes.append((self._cache_key(piece), [_stored(m) for m in matches]))
                    yield pending[first + offset], matches
                if len(writes) >= CACHE_WRITES_AT_ONCE:
                    self._write(writes)
            if firsts or next(work, None) is not None:
                raise WireError("some batches of paragraphs came back unanswered")
        except WireTimeout:
            raise ReviewError(
                f"LanguageTool at {self.engine.where} did not answer within "
                f"{self.config.languagetool_timeout} s ([languagetool] timeout in review.toml)"
            ) from None
        except WireError as exc:
            raise ReviewError(
                f"LanguageTool at {self.engine.where} did not answer: {first_line(exc)}"
            ) from None
        finally:
            self._write(writes)

    def _write(self, writes: list[tuple[str, object]]) -> None:
        if self.cache is not None and writes:
            self.cache.put_many(writes)
        writes.clear()

    def _cache_key(self, paragraph: str) -> str:
        return ResultCache.key(
            "languagetool", self.version, self.config.languagetool_key(), paragraph
        )

    def _cached(self, paragraphs: list[str]) -> list[Matches | None]:
        """The cached answer for each of ``paragraphs`` (None where there is none)."""
        if self.cache is None:
            return [None] * len(paragraphs)
        keys = [self._cache_key(paragraph) for paragraph in paragraphs]
        values = self.cache.get_many(keys)
        return [_matches(values[key]) if key in values else None for key in keys]


def _matches(stored: list[dict[str, Any]]) -> Matches:
    return tuple(ServerMatch(**{**m, "replacements": tuple(m["replacements"])}) for m in stored)


def _stored(match: ServerMatch) -> dict[str, object]:
    # What dataclasses.asdict gives, at a tenth of its cost (no deep copies).
    return {field: getattr(match, field) for field in ServerMatch.__slots__}


def _numbered(work: Iterable[Batch], firsts: dict[int, int]) -> Iterator[Batch]:
    """The batches, noting where each one's first paragraph is among those sent."""
    sent = 0
    for batch in work:
        firsts[batch.index] = sent
        sent += len(batch.paragraphs)
        yield batch


def open_checker(opening: Opening) -> Checker:
    """The registry's entry point: the local server (started, or fetched first, if need be),
    or the one this run's head start found."""
    from review.checker_api import CheckerUnavailable
    from review.languagetool.scope import current

    progress = opening.progress
    report = (lambda done, total: progress("LanguageTool", done, total)) if progress else None
    head = head_start.current()
    engine = current()
    if engine is not None:
        return LanguageToolChecker(
            engine.where, engine.version, opening.config, opening.cache, None, report, engine, head
        )
    try:
        server = head.server() if head is not None else _local_server(opening.config, progress)
    except LanguageToolUnavailable as exc:
        raise CheckerUnavailable(
            f"LanguageTool unavailable ({exc.reason}); fluency checks only"
        ) from None
    return LanguageToolChecker(
        server.url, server.version, opening.config, opening.cache, None, report, None, head
    )


def _local_server(config: Config, progress: Progress | None) -> ServerInfo:
    """This machine's server, started (or its jars fetched first) if need be."""
    from review.languagetool.server import ensure_server

    return ensure_server(
        progress=(lambda message: progress(message, None, None)) if progress else None,
        timeout=config.languagetool_timeout,
    )


@contextmanager
def with_head_start(
    text: str,
    config: Config,
    cache: ResultCache | None,
    progress: Progress | None = None,
    found: Callable[[], None] = lambda: None,
) -> Iterator[None]:
    """Within, the LanguageTool checker opened takes the answers for ``text``'s lines asked
    for now (``review.languagetool.head_start``): the server is found (or started) here rather
    than when the checker is opened. ``found`` is called once it is, before the first request
    (the threads that send them take what it set for this one, such as its priority)."""
    from review.languagetool.scope import current

    engine = current()
    if engine is not None:
        checker = LanguageToolChecker(engine.where, engine.version, config, cache, engine=engine)
        found()
        head = HeadStart(text, None, checker.answers)
    else:
        try:
            server = _local_server(config, progress)
        except LanguageToolUnavailable as exc:
            head = HeadStart(text, exc, None)
        else:
            checker = LanguageToolChecker(server.url, server.version, config, cache)
            found()
            head = HeadStart(text, server, checker.answers)
    with head_start.started(head):
        yield


def to_flags(
    text: str | CorrectedText, paragraph: Paragraph, matches: Sequence[ServerMatch]
) -> Iterator[Flag]:
    for match in matches:
        offset = paragraph.start + match.offset
        # A match in the gap between two sentences (a double space) belongs to the one before.
        index = max(0, bisect_right(paragraph.starts, offset) - 1)
        start = paragraph.starts[index]
        category, mqm, severity = classify(match.category, match.issue_type)
        yield Flag(
            sentence_id=paragraph.ids[index],
            start=offset - start,
            end=offset - start + match.length,
            source=NAME,
            # One string for a rule's id and message however often a book has them.
            rule=intern(match.rule),
            category=category,
            mqm=mqm,
            severity=severity,
            message=intern(match.message),
            text=text[offset : offset + match.length],
            replacements=match.replacements,
        )
