"""Grammar, spelling and style flags from a LanguageTool server, one request per paragraph."""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from review.cache import ResultCache
from review.config import Config
from review.flags import Flag
from review.languagetool.match import ServerMatch, classify
from review.segment import Sentence

if TYPE_CHECKING:
    from review.checker_api import Checker, Opening
    from review.languagetool.client import Client

# The checker's name, every LanguageTool flag's source.
NAME = "languagetool"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    sentences: tuple[Sentence, ...]


def paragraphs(sentences: Sequence[Sentence]) -> list[Paragraph]:
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][-1].paragraph == sentence.paragraph:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    return [Paragraph(g[0].start, g[-1].end, tuple(g)) for g in groups]


class _SharedOrAlone:
    """A readers-writer lock: any number of holders at once, or one alone."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._shared = 0
        self._alone = False

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._alone)
            self._shared += 1
        try:
            yield
        finally:
            with self._condition:
                self._shared -= 1
                self._condition.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._alone and self._shared == 0)
            self._alone = True
        try:
            yield
        finally:
            with self._condition:
                self._alone = False
                self._condition.notify_all()


_REQUESTS = _SharedOrAlone()


class LanguageToolChecker:
    """Checks each paragraph (LanguageTool needs the context) with several requests in flight."""

    name = NAME

    def __init__(
        self,
        url: str,
        version: str,
        config: Config,
        cache: ResultCache | None = None,
        workers: int = 4,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.url = url
        self.version = version
        self.config = config
        self.cache = cache
        self.workers = workers
        self.progress = progress
        self._local = threading.local()

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterator[Flag]:
        groups = paragraphs(sentences)
        for done, (paragraph, matches) in enumerate(self._paragraph_matches(text, groups), start=1):
            if self.progress:
                self.progress(done, len(groups))
            yield from to_flags(text, paragraph, matches)

    def _paragraph_matches(
        self, text: str, groups: list[Paragraph]
    ) -> Iterator[tuple[Paragraph, tuple[ServerMatch, ...]]]:
        pending: list[Paragraph] = []
        for paragraph in groups:
            cached = self._cached(text[paragraph.start : paragraph.end])
            if cached is None:
                pending.append(paragraph)
            else:
                yield paragraph, cached
        if not pending:
            return
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            futures = {pool.submit(self._request, text[p.start : p.end]): p for p in pending}
            try:
                for future in as_completed(futures):
                    yield futures[future], future.result()
            finally:
                for future in futures:
                    future.cancel()

    def _cache_key(self, paragraph: str) -> str:
        return ResultCache.key(
            "languagetool", self.version, self.config.languagetool_key(), paragraph
        )

    def _cached(self, paragraph: str) -> tuple[ServerMatch, ...] | None:
        if self.cache is None:
            return None
        value = self.cache.get(self._cache_key(paragraph))
        if value is None:
            return None
        return tuple(ServerMatch(**{**m, "replacements": tuple(m["replacements"])}) for m in value)

    def _request(self, paragraph: str) -> tuple[ServerMatch, ...]:
        from review.languagetool.client import server_match

        # language-tool-python corrects offsets for characters beyond the BMP through state
        # shared by every client (class attributes of its Match), so a paragraph with such
        # characters must not be answered while any other request is: in this checker or in
        # another one (the UI re-checks an edited paragraph while the document check runs).
        turn = _REQUESTS.exclusive() if _has_astral(paragraph) else _REQUESTS.shared()
        with turn:
            raw = self._client().check_within_timeout(paragraph)
        matches = tuple(server_match(m) for m in raw)
        if self.cache is not None:
            self.cache.put(self._cache_key(paragraph), [asdict(m) for m in matches])
        return matches

    def _client(self) -> Client:
        # One client per thread: the library's client object is not safe to share.
        from review.languagetool.client import Client

        client: Client | None = getattr(self._local, "client", None)
        if client is None:
            client = Client(self.url, self.config)
            self._local.client = client
        return client


def open_checker(opening: Opening) -> Checker:
    """The registry's entry point: the local server (started, or fetched first, if need be)."""
    from review.checker_api import CheckerUnavailable
    from review.languagetool.errors import LanguageToolUnavailable
    from review.languagetool.server import ensure_server

    progress = opening.progress
    try:
        server = ensure_server(
            progress=(lambda message: progress(message, None, None)) if progress else None,
            timeout=opening.config.languagetool_timeout,
        )
    except LanguageToolUnavailable as exc:
        raise CheckerUnavailable(
            f"LanguageTool unavailable ({exc.reason}); fluency checks only"
        ) from None
    return LanguageToolChecker(
        server.url,
        server.version,
        opening.config,
        opening.cache,
        progress=(lambda done, total: progress("LanguageTool", done, total)) if progress else None,
    )


def to_flags(text: str, paragraph: Paragraph, matches: Sequence[ServerMatch]) -> Iterator[Flag]:
    starts = [s.start for s in paragraph.sentences]
    for match in matches:
        offset = paragraph.start + match.offset
        # A match in the gap between two sentences (a double space) belongs to the one before.
        sentence = paragraph.sentences[max(0, bisect_right(starts, offset) - 1)]
        category, mqm, severity = classify(match.category, match.issue_type)
        yield Flag(
            sentence_id=sentence.id,
            start=offset - sentence.start,
            end=offset - sentence.start + match.length,
            source=NAME,
            rule=match.rule,
            category=category,
            mqm=mqm,
            severity=severity,
            message=match.message,
            text=text[offset : offset + match.length],
            replacements=match.replacements,
        )


def _has_astral(paragraph: str) -> bool:
    return any(ord(c) > 0xFFFF for c in paragraph)
