"""Running every registered checker over a document (``review.checkers.CHECKERS``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

# The registry is read when used (not bound at import), so that a test can register a checker.
from review import checkers as registry
from review.cache import ResultCache
from review.checker_api import Checker, CheckerUnavailable, Offload, Opening
from review.checkers.consensus.duplicates import merge_duplicates
from review.checkers.tag_free import TagFree
from review.config import Config
from review.flags import Flag
from review.progress import Progress
from review.segment import Sentence
from review.wordlist import KnownWords

__all__ = [
    "CheckResult",
    "Checkers",
    "Progress",
    "check_document",
    "check_with",
    "found_flags",
    "merge_duplicates",
    "open_checkers",
    "settle_flags",
    "settled_result",
]


@dataclass(frozen=True, slots=True)
class Checkers:
    """The checkers opened; ``versions`` maps each one that has a version to it."""

    checkers: tuple[Checker, ...]
    versions: Mapping[str, str]
    notices: tuple[str, ...]


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
    return Checkers(tuple(checkers), versions, tuple(notices))


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
    return settled_result(opened, found_flags(opened, text, sentences), text, sentences, config)


def found_flags(opened: Checkers, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
    """Every checker's flags of one text, as found: ``check_with`` before the settling."""
    # At once: LanguageTool's checker mostly waits for its servers, and the fluency detectors
    # run in that time rather than after it. The call itself goes to the pool: a checker may do
    # its work before it returns (a cached one does). The settling needs every checker's
    # flags. What they share is safe across threads: the result cache holds a lock.
    with ThreadPoolExecutor(max_workers=max(1, len(opened.checkers))) as pool:
        found = [pool.submit(_flags_of, checker, text, sentences) for checker in opened.checkers]
        return [flag for future in found for flag in future.result()]


def settled_result(
    opened: Checkers,
    flags: Sequence[Flag],
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
) -> CheckResult:
    """``flags`` (``found_flags``) settled: ``check_with``'s result."""
    settled = settle_flags(flags, opened.checkers, text, sentences, config)
    return CheckResult(settled, opened.versions, opened.notices)


def _flags_of(checker: Checker, text: str, sentences: Sequence[Sentence]) -> list[Flag]:
    return list(checker.check(text, sentences))


def settle_flags(
    flags: Sequence[Flag],
    checkers: Sequence[Checker],
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    document: Sequence[Sentence] | None = None,
) -> tuple[Flag, ...]:
    """``flags``, found by ``checkers``, settled against each other and the document
    (``review.checkers.consensus.settle``, where ``document`` is explained)."""
    from review.checkers.consensus import settle

    return settle(flags, text, sentences, config, recheckers(checkers), document)


def recheckers(checkers: Sequence[Checker]) -> list[Checker]:
    """Those of ``checkers`` that also check the sentences each suggestion would make when the
    flags are settled: a server's (LanguageTool)."""
    servers = {factory.name for factory in registry.CHECKERS if factory.needs_server}
    return [c for c in checkers if c.name in servers]
