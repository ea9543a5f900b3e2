"""Running every registered checker over a document (``review.checkers.CHECKERS``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

# The registry is read when used (not bound at import), so that a test can register a checker.
from review import checkers as registry
from review.cache import ResultCache
from review.checker_api import Checker, CheckerUnavailable, Opening
from review.config import Config
from review.flags import Flag
from review.progress import Progress
from review.segment import Sentence

__all__ = ["CheckResult", "Checkers", "Progress", "check_document", "open_checkers"]


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
) -> Checkers:
    """The registered checkers that ``config`` enables, in registry order; those that need a
    server are left out unless ``use_servers``. A checker that cannot be had is a notice, not
    an error."""
    opening = Opening(config, cache or ResultCache.default(), progress)
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
        checkers.append(checker)
        if checker.version:
            versions[factory.name] = checker.version
    return Checkers(tuple(checkers), versions, tuple(notices))


def check_document(
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    progress: Progress | None = None,
    use_servers: bool = True,
) -> CheckResult:
    opened = open_checkers(config, use_servers, progress)
    # At once: LanguageTool's checker mostly waits for its servers, and the fluency detectors
    # run in that time rather than after it.
    with ThreadPoolExecutor(max_workers=max(1, len(opened.checkers))) as pool:
        found = [pool.submit(list, checker.check(text, sentences)) for checker in opened.checkers]
        flags = [flag for future in found for flag in future.result()]
    return CheckResult(merge_duplicates(flags, sentences), opened.versions, opened.notices)


def merge_duplicates(flags: Iterable[Flag], sentences: Sequence[Sentence]) -> tuple[Flag, ...]:
    """Flags sorted by position, with one flag where two checkers agree.

    Two flags from different sources in the same category whose spans of one sentence mostly
    coincide (they share at least half of what they cover together) are the same finding for
    the editor. A positioned checker's flag stays (every match LanguageTool returns is in our
    output, at its offset); on exactly the same span it takes the other's suggestions when it
    has none. Of two flags from checkers that are not positioned, the later one stays.
    """
    positioned = frozenset(factory.name for factory in registry.CHECKERS if factory.positioned)
    order = {s.id: i for i, s in enumerate(sentences)}
    ranked = sorted(
        flags, key=lambda f: (order.get(f.sentence_id, -1), f.start, f.end, f.rule, f.source)
    )
    kept: list[Flag] = []
    for flag in ranked:
        twin = _twin(kept, flag)
        if twin is None:
            kept.append(flag)
        else:
            kept[twin] = _merged(kept[twin], flag, positioned)
    return tuple(kept)


def _twin(kept: list[Flag], flag: Flag) -> int | None:
    """Index of an earlier flag of the same sentence that is the same finding as ``flag``."""
    for index in range(len(kept) - 1, -1, -1):
        other = kept[index]
        if other.sentence_id != flag.sentence_id:
            return None
        if _same_finding(other, flag):
            return index
    return None


def _same_finding(a: Flag, b: Flag) -> bool:
    shared = min(a.end, b.end) - max(a.start, b.start)
    covered = max(a.end, b.end) - min(a.start, b.start)
    return a.source != b.source and a.category == b.category and 2 * shared >= covered > 0


def _merged(a: Flag, b: Flag, positioned: frozenset[str]) -> Flag:
    kept, other = (a, b) if a.source in positioned else (b, a)
    same_span = (kept.start, kept.end) == (other.start, other.end)
    if kept.replacements or not other.replacements or not same_span:
        return kept
    return replace(kept, replacements=other.replacements)
