"""Running every registered checker over a document (``review.checkers.CHECKERS``)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from queue import SimpleQueue

# The registry is read when used (not bound at import), so that a test can register a checker.
from review import checkers as registry
from review.cache import ResultCache
from review.checker_api import Checker, CheckerUnavailable, Offload, Opening
from review.checkers.consensus.duplicates import merge_duplicates
from review.checkers.consensus.suggestions import EarlyVerdicts
from review.checkers.remembered import package_fingerprint, text_parts
from review.checkers.tag_free import TagFree
from review.config import Config
from review.flags import Flag, from_json_chunks, to_json_chunks
from review.progress import Progress
from review.segment import Sentence
from review.wordlist import KnownWords

__all__ = [
    "CheckResult",
    "Checkers",
    "Found",
    "Kept",
    "Progress",
    "check_document",
    "check_with",
    "found_flags",
    "kept_result",
    "merge_duplicates",
    "open_checkers",
    "settle_flags",
    "settled_result",
]

# Up to this many sentences, the suggestions of flags found are judged while LanguageTool
# still checks: the verdicts are held until the settling, and a book's would be many.
JUDGED_EARLY_UP_TO = 20_000
# Flags handed to that judging at a time (a pass of the detectors each).
JUDGED_AT_ONCE = 128


@dataclass(frozen=True, slots=True)
class Checkers:
    """The checkers opened; ``versions`` maps each one that has a version to it."""

    checkers: tuple[Checker, ...]
    versions: Mapping[str, str]
    notices: tuple[str, ...]
    # Where a text's settled flags are kept (``kept_result``); None: they are not.
    cache: ResultCache | None = None


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The flags of a text and the provenance a saved review records (``versions``)."""

    flags: tuple[Flag, ...]
    versions: Mapping[str, str]
    notices: tuple[str, ...]


def open_checkers(
    config: Config,
    use_servers: bool = True,
    progress: Progress | None = None,
    cache: ResultCache | None = None,
    offload: Offload | None = None,
) -> Checkers:
    """The registered checkers that ``config`` enables, in registry order; those that need a
    server are left out unless ``use_servers``. A checker that cannot be had is a notice, not
    an error.

    Every checker's flags on a word of the project's word list are left out (after the cache,
    so a word taken off the list brings its flags back). A checker that does not read tags is
    given a bilingual file's text without its tag tokens (``TagFree``).
    """
    opening = Opening(config, cache or ResultCache.default(), progress, offload)
    words = config.word_list()
    checkers: list[Checker] = []
    versions: dict[str, str] = {}
    notices: list[str] = []
    for factory in registry.CHECKERS:
        if not factory.enabled(config):
            continue
        if factory.needs_server and not use_servers:
            notices.append(factory.off_notice)
            continue
        try:
            checker = factory.open(opening)
        except CheckerUnavailable as exc:
            notices.append(str(exc))
            continue
        checkers.append(KnownWords(checker if factory.sees_tags else TagFree(checker), words))
        if checker.version:
            versions[factory.name] = checker.version
    return Checkers(tuple(checkers), versions, tuple(notices), opening.cache)


def check_document(
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    progress: Progress | None = None,
    use_servers: bool = True,
    offload: Offload | None = None,
) -> CheckResult:
    opened = open_checkers(config, use_servers, progress, offload=offload)
    return check_with(opened, text, sentences, config)


def check_with(
    opened: Checkers, text: str, sentences: Sequence[Sentence], config: Config
) -> CheckResult:
    """The flags of one text by checkers already opened (a project opens them once), settled
    against each other and the document (``review.checkers.consensus``)."""
    kept = kept_result(opened, text, sentences, config)
    found = found_flags(opened, text, sentences, config, kept)
    return settled_result(opened, found, text, sentences, config, kept)


@dataclass(frozen=True, slots=True)
class Found:
    """Every checker's flags of one text, as found, and our detectors' judging of their
    suggestions, under way (None when they are not judged early)."""

    flags: Sequence[Flag]
    judging: _EarlyJudging | None


@dataclass(frozen=True, slots=True)
class Kept:
    """Where a text's settled flags are kept in ``cache`` (``kept_result``), and what is kept
    there: the hash of the flags found then (``found``; "" when nothing is kept) and the
    settled flags as JSON chunks."""

    cache: ResultCache
    key: str
    found: str = ""
    lines: tuple[str, ...] = ()


def kept_result(
    opened: Checkers, text: str, sentences: Sequence[Sentence], config: Config
) -> Kept | None:
    """What an earlier check of this text kept of its settling (None without a cache). The
    key holds what the settling follows from besides the flags found: the text and its
    sentences, the configuration, the checkers' names and versions (LanguageTool checks
    the suggestions again) and review's code. Looked up before the checkers run: the
    detectors do not judge suggestions early for a text whose settling is kept."""
    if opened.cache is None:
        return None
    key = ResultCache.key(
        "settled/lines",
        package_fingerprint("review"),
        config.key(),
        json.dumps([[c.name, opened.versions.get(c.name, "")] for c in opened.checkers]),
        *text_parts(text, sentences),
    )
    lines = opened.cache.get_lines(key)
    if not lines:
        return Kept(opened.cache, key)
    return Kept(opened.cache, key, lines[0], tuple(lines[1:]))


def found_flags(
    opened: Checkers,
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    kept: Kept | None = None,
) -> Found:
    """Every checker's flags of one text, as found: ``check_with`` before the settling."""
    servers = recheckers(opened.checkers)
    judging = (
        _EarlyJudging(text, sentences, config)
        if servers and len(sentences) <= JUDGED_EARLY_UP_TO and not (kept and kept.found)
        else None
    )
    seen = judging.seen if judging else None
    # At once: LanguageTool's checker mostly waits for its servers, and the fluency detectors
    # run in that time rather than after it. The call itself goes to the pool: a checker may do
    # its work before it returns (a cached one does). The settling needs every checker's
    # flags; the detectors judge their suggestions meanwhile. What they share is safe across
    # threads: the result cache holds a lock.
    try:
        with ThreadPoolExecutor(max_workers=max(1, len(opened.checkers))) as pool:
            found = [
                pool.submit(_flags_of, checker, text, sentences, seen)
                for checker in opened.checkers
            ]
            flags = [flag for future in found for flag in future.result()]
    except BaseException:
        if judging:
            judging.abandon()
        raise
    return Found(flags, judging)


def settled_result(
    opened: Checkers,
    found: Found,
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    kept: Kept | None = None,
) -> CheckResult:
    """``found`` (``found_flags``) settled: ``check_with``'s result. When ``kept`` holds the
    settling of the same flags found, it is that; else the settling is kept there."""
    # The flags as a set: a server's answers come in the order they are done.
    found_hash = (
        ResultCache.key(sorted(json.dumps(f.to_json()) for f in found.flags)) if kept else ""
    )
    if kept and kept.found == found_hash:
        settled: Sequence[Flag] = from_json_chunks(kept.lines)
    else:
        early = found.judging.verdicts() if found.judging else None
        settled = settle_flags(found.flags, opened.checkers, text, sentences, config, early=early)
        if kept:
            kept.cache.put_lines(kept.key, [found_hash, *to_json_chunks(settled)])
    return CheckResult(tuple(settled), opened.versions, opened.notices)


def _flags_of(
    checker: Checker,
    text: str,
    sentences: Sequence[Sentence],
    seen: Callable[[list[Flag]], None] | None = None,
) -> list[Flag]:
    """``checker``'s flags, each ``JUDGED_AT_ONCE`` handed to ``seen`` as they come."""
    flags: list[Flag] = []
    told = 0
    for flag in checker.check(text, sentences):
        flags.append(flag)
        if seen and len(flags) - told >= JUDGED_AT_ONCE:
            seen(flags[told:])
            told = len(flags)
    if seen and told < len(flags):
        seen(flags[told:])
    return flags


class _EarlyJudging:
    """Judges the suggestions of flags as the checkers find them (``EarlyVerdicts``), in a
    thread of its own: the checkers' threads hand them over and go on."""

    def __init__(self, text: str, sentences: Sequence[Sentence], config: Config) -> None:
        self._queue: SimpleQueue[list[Flag] | None] = SimpleQueue()
        self._early: EarlyVerdicts | None = None
        self._error: BaseException | None = None
        self._abandoned = False
        self._thread = threading.Thread(
            target=self._judge, args=(text, sentences, config), name="early-judging", daemon=True
        )
        self._thread.start()

    def seen(self, flags: list[Flag]) -> None:
        self._queue.put(flags)

    def _judge(self, text: str, sentences: Sequence[Sentence], config: Config) -> None:
        try:
            early = EarlyVerdicts(text, sentences, config)
            while (flags := self._queue.get()) is not None and not self._abandoned:
                early.judge(flags)
            self._early = early
        except BaseException as exc:  # raised again by verdicts(), not lost with the thread
            self._error = exc
            while self._queue.get() is not None:
                pass

    def verdicts(self) -> EarlyVerdicts | None:
        """The verdicts, once every flag handed over is judged."""
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._early

    def abandon(self) -> None:
        """Stop at the end of the batch under way (a checker failed: no settling follows)."""
        self._abandoned = True
        self._queue.put(None)


def settle_flags(
    flags: Sequence[Flag],
    checkers: Sequence[Checker],
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    document: Sequence[Sentence] | None = None,
    early: EarlyVerdicts | None = None,
) -> tuple[Flag, ...]:
    """``flags``, found by ``checkers``, settled against each other and the document
    (``review.checkers.consensus.settle``, where ``document`` and ``early`` are explained)."""
    from review.checkers.consensus import settle

    return settle(flags, text, sentences, config, recheckers(checkers), document, early)


def recheckers(checkers: Sequence[Checker]) -> list[Checker]:
    """Those of ``checkers`` that also check the sentences each suggestion would make when the
    flags are settled: a server's (LanguageTool)."""
    servers = {factory.name for factory in registry.CHECKERS if factory.needs_server}
    return [c for c in checkers if c.name in servers]
