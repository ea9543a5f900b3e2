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
from review.flags import Category, Flag, MqmClass, Severity, Source
from review.segment import Sentence

if TYPE_CHECKING:
    from review.checkers.languagetool_client import Client

# LanguageTool category id → ours. Issue types (below) refine what the category leaves open.
_CATEGORIES: dict[str, tuple[Category, MqmClass, Severity]] = {
    "GRAMMAR": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR),
    "CONFUSED_WORDS": (Category.WORDING, MqmClass.GRAMMAR, Severity.MAJOR),
    "SEMANTICS": (Category.MISTRANSLATION_RISK, MqmClass.MISTRANSLATION, Severity.MAJOR),
    "TYPOS": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "CASING": (Category.CAPITALIZATION, MqmClass.SPELLING, Severity.MINOR),
    "PUNCTUATION": (Category.PUNCTUATION, MqmClass.PUNCTUATION, Severity.MINOR),
    "TYPOGRAPHY": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "COMPOUNDING": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "COLLOCATIONS": (Category.WORDING, MqmClass.AWKWARD, Severity.MINOR),
    "NONSTANDARD_PHRASES": (Category.WORDING, MqmClass.AWKWARD, Severity.MINOR),
    "REDUNDANCY": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "STYLE": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "PLAIN_ENGLISH": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "REPETITIONS_STYLE": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "WIKIPEDIA": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "AMERICAN_ENGLISH_STYLE": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
    "BRITISH_ENGLISH": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
}
_ISSUE_TYPES: dict[str, tuple[Category, MqmClass, Severity]] = {
    "misspelling": (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR),
    "grammar": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR),
    "typographical": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "whitespace": (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
    "duplication": (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MINOR),
    "style": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "locale-violation": (Category.SPELLING, MqmClass.INCONSISTENCY, Severity.MINOR),
    "inconsistency": (Category.STYLE, MqmClass.INCONSISTENCY, Severity.MINOR),
    "register": (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR),
    "mistranslation": (Category.MISTRANSLATION_RISK, MqmClass.MISTRANSLATION, Severity.MAJOR),
    "untranslated": (Category.UNTRANSLATED, MqmClass.NON_TRANSLATION, Severity.MAJOR),
}
_FALLBACK = (Category.OTHER, MqmClass.GRAMMAR, Severity.MINOR)


@dataclass(frozen=True, slots=True)
class ServerMatch:
    """What we keep of one LanguageTool match; offsets are into the paragraph sent."""

    offset: int
    length: int
    rule: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]


def classify(category: str, issue_type: str) -> tuple[Category, MqmClass, Severity]:
    """Our category, MQM class and severity for a LanguageTool category id and issue type.

    The issue type wins where it is specific (LanguageTool files many typographic rules under
    MISC or GRAMMAR but marks them `typographical`/`whitespace`).
    """
    if issue_type in ("typographical", "whitespace", "duplication"):
        return _ISSUE_TYPES[issue_type]
    return _CATEGORIES.get(category) or _ISSUE_TYPES.get(issue_type) or _FALLBACK


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

    name = "languagetool"

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
        from review.checkers.languagetool_client import server_match

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
        from review.checkers.languagetool_client import Client

        client: Client | None = getattr(self._local, "client", None)
        if client is None:
            client = Client(self.url, self.config)
            self._local.client = client
        return client


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
            source=Source.LANGUAGETOOL,
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
