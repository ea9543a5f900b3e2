"""Running the checkers for the UI: in a worker thread, streaming flags back in batches.

Plain Python (no Textual): the app passes callbacks that post to the UI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from review.checkers import Checker
from review.checking import Checkers, Progress, open_checkers
from review.config import Config
from review.flags import Flag
from review.segment import Sentence

# Yields the checkers in the order they become available: the quick local ones first, so
# flags appear while the LanguageTool server is still starting.
CheckerStages = Callable[[Progress], Iterator[Checkers]]

FLUSH_SECONDS = 0.1
# How often a worker waiting for checkers to open looks whether the app is quitting.
POLL_SECONDS = 0.05


@dataclass(frozen=True, slots=True)
class FlagBatch:
    """Flags found in ``checked`` (sentence id → the text that was checked). With ``replace``
    the batch is the complete new set of flags of those sentences."""

    flags: tuple[Flag, ...]
    checked: Mapping[str, str]
    replace: bool = False


def default_stages(config: Config, use_languagetool: bool = True) -> CheckerStages:
    def stages(progress: Progress) -> Iterator[Checkers]:
        local = open_checkers(config, use_languagetool=False)
        if not use_languagetool:
            yield local
            return
        # Its notice says LanguageTool is off, which is not so: it is starting.
        yield replace(local, notices=())
        yield open_checkers(config, use_languagetool=True, progress=progress)

    return stages


def run_stages(
    stages: CheckerStages,
    text: str,
    sentences: Sequence[Sentence],
    progress: Progress,
    on_opened: Callable[[Checkers], None],
    on_flags: Callable[[FlagBatch], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[Checker, ...]:
    """Open each stage's checkers and stream each new checker's flags; returns every checker
    run (for re-checking edits later). Stops between flags once ``cancelled()`` (the app is
    quitting and waits for this thread)."""
    ran: dict[str, Checker] = {}
    opening = stages(progress)
    while (opened := _next_stage(opening, cancelled)) is not None:
        on_opened(opened)
        for checker in opened.checkers:
            if checker.name in ran:
                continue
            ran[checker.name] = checker
            progress(f"Checking ({checker.name})", None, None)
            _stream(checker, text, sentences, on_flags, cancelled)
    return tuple(ran.values())


def _next_stage(opening: Iterator[Checkers], cancelled: Callable[[], bool]) -> Checkers | None:
    """The next stage's checkers, or None after the last one or once ``cancelled()``.

    They are opened in a daemon thread that this one waits on: opening LanguageTool can take
    minutes (fetching it, starting its server), a thread cannot be interrupted, and a quitting
    app waits for its workers but not for a daemon thread.
    """
    outcome: list[Checkers | None] = []
    failure: list[BaseException] = []
    done = threading.Event()

    def open_next() -> None:
        try:
            outcome.append(next(opening, None))
        except BaseException as exc:  # handed to the waiting worker, which raises it
            failure.append(exc)
        finally:
            done.set()

    threading.Thread(target=open_next, name="review-open-checkers", daemon=True).start()
    while not done.wait(POLL_SECONDS):
        if cancelled():
            return None
    if failure:
        raise failure[0]
    return None if cancelled() else outcome[0]


def _stream(
    checker: Checker,
    text: str,
    sentences: Sequence[Sentence],
    on_flags: Callable[[FlagBatch], None],
    cancelled: Callable[[], bool],
) -> None:
    by_id = {s.id: s.text for s in sentences}
    pending: list[Flag] = []
    flushed = time.monotonic()
    for flag in checker.check(text, sentences):
        if cancelled():
            return
        pending.append(flag)
        if time.monotonic() - flushed >= FLUSH_SECONDS:
            on_flags(_batch(pending, by_id))
            pending = []
            flushed = time.monotonic()
    if pending:
        on_flags(_batch(pending, by_id))


def _batch(flags: list[Flag], texts: Mapping[str, str]) -> FlagBatch:
    return FlagBatch(tuple(flags), {f.sentence_id: texts[f.sentence_id] for f in flags})


def paragraphs_around(sentences: Sequence[Sentence], indices: Iterable[int]) -> list[Sentence]:
    """The sentences of the paragraphs that the sentences at ``indices`` belong to, in order
    (a sentence is checked with its paragraph around it)."""
    chosen: set[int] = set()
    for index in indices:
        paragraph = sentences[index].paragraph
        first = last = index
        while first > 0 and sentences[first - 1].paragraph == paragraph:
            first -= 1
        while last + 1 < len(sentences) and sentences[last + 1].paragraph == paragraph:
            last += 1
        chosen.update(range(first, last + 1))
    return [sentences[index] for index in sorted(chosen)]


def recheck(checkers: Sequence[Checker], text: str, sentences: Sequence[Sentence]) -> FlagBatch:
    """Every flag of ``sentences`` (placed in ``text``) from every checker, as one batch."""
    flags = [flag for checker in checkers for flag in checker.check(text, sentences)]
    return FlagBatch(tuple(flags), {s.id: s.text for s in sentences}, replace=True)
