"""Running every checker over a document: LanguageTool when it can be had, fluency always."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path

from review.cache import ResultCache
from review.checkers import Checker
from review.config import Config
from review.flags import Flag, Source
from review.segment import Sentence

# (what is happening, done, total); done/total are None while the amount is unknown.
Progress = Callable[[str, int | None, int | None], None]


@dataclass(frozen=True, slots=True)
class Checkers:
    checkers: tuple[Checker, ...]
    languagetool_version: str | None
    notices: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CheckResult:
    flags: tuple[Flag, ...]
    languagetool_version: str | None
    notices: tuple[str, ...]


def open_checkers(
    config: Config,
    use_languagetool: bool = True,
    progress: Progress | None = None,
    cache: ResultCache | None = None,
) -> Checkers:
    """The checkers to run. LanguageTool that cannot be had is a notice, not an error."""
    from review.checkers.fluency import FluencyChecker

    cache = cache or ResultCache.default()
    detectors = FluencyChecker(config)
    fluency = RememberedChecker(detectors, cache, detectors.key)
    checkers: list[Checker] = [fluency]
    if not use_languagetool:
        return Checkers(tuple(checkers), None, ("LanguageTool off (--no-languagetool)",))
    from review.checkers.languagetool import LanguageToolChecker
    from review.languagetool.errors import LanguageToolUnavailable
    from review.languagetool.server import ensure_server

    try:
        server = ensure_server(
            progress=(lambda message: progress(message, None, None)) if progress else None,
            timeout=config.languagetool_timeout,
        )
    except LanguageToolUnavailable as exc:
        notice = f"LanguageTool unavailable ({exc.reason}); fluency checks only"
        return Checkers(tuple(checkers), None, (notice,))
    checkers.insert(
        0,
        LanguageToolChecker(
            server.url,
            server.version,
            config,
            cache,
            progress=(lambda done, total: progress("LanguageTool", done, total))
            if progress
            else None,
        ),
    )
    return Checkers(tuple(checkers), server.version, ())


class RememberedChecker:
    """A checker whose flags for a whole text are kept in the result cache, so a report or a
    reopened review does not run it again. The key holds the checker's code and data (a hash
    of its package's files), its settings, the text and the sentence spans."""

    def __init__(self, checker: Checker, cache: ResultCache, settings: str) -> None:
        self.name = checker.name
        self._checker = checker
        self._cache = cache
        self._version = _package_fingerprint(type(checker).__module__)
        self._settings = settings

    def check(self, text: str, sentences: Sequence[Sentence]) -> Iterable[Flag]:
        spans = ",".join(f"{s.start}:{s.end}:{s.paragraph}" for s in sentences)
        key = ResultCache.key("flags", self.name, self._version, self._settings, spans, text)
        remembered = self._cache.get(key)
        if remembered is not None:
            return [Flag.from_json(item) for item in remembered]
        flags = list(self._checker.check(text, sentences))
        self._cache.put(key, [flag.to_json() for flag in flags])
        return flags


@functools.cache
def _package_fingerprint(module: str) -> str:
    package = Path(import_module(module).__file__ or "").parent
    digest = hashlib.sha256()
    for path in sorted(
        p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def check_document(
    text: str,
    sentences: Sequence[Sentence],
    config: Config,
    progress: Progress | None = None,
    use_languagetool: bool = True,
) -> CheckResult:
    opened = open_checkers(config, use_languagetool, progress)
    flags: list[Flag] = []
    for checker in opened.checkers:
        flags.extend(checker.check(text, sentences))
    return CheckResult(
        merge_duplicates(flags, sentences), opened.languagetool_version, opened.notices
    )


def merge_duplicates(flags: Iterable[Flag], sentences: Sequence[Sentence]) -> tuple[Flag, ...]:
    """Flags sorted by position, with one flag where LanguageTool and a detector agree.

    Two flags from different sources in the same category whose spans of one sentence mostly
    coincide (they share at least half of what they cover together) are the same finding for
    the editor. LanguageTool's stays (every match the server returns is in our output, at its
    offset); on exactly the same span it takes the detector's suggestions when it has none.
    """
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
            kept[twin] = _merged(kept[twin], flag)
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


def _merged(a: Flag, b: Flag) -> Flag:
    languagetool, detector = (a, b) if a.source == Source.LANGUAGETOOL else (b, a)
    same_span = (languagetool.start, languagetool.end) == (detector.start, detector.end)
    if languagetool.replacements or not detector.replacements or not same_span:
        return languagetool
    return replace(languagetool, replacements=detector.replacements)
