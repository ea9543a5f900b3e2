"""Running the checkers for the UI: in a worker thread, streaming flags back in batches.

Plain Python (no Textual): the app passes callbacks that post to the UI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import TypeVar

from review.checker_api import check_text
from review.checkers import CHECKERS, Checker
from review.checking import Checkers, Progress, open_checkers, recheckers, settle_flags
from review.config import Config, load_config
from review.corrected import CorrectedText, PlacedSentences, joined
from review.flags import Flag
from review.offload import ProcessOffload
from review.segment import Sentence

# Yields the checkers in the order they become available: the quick local ones first, so
# flags appear while the LanguageTool server is still starting.
CheckerStages = Callable[[Progress], Iterator[Checkers]]

FLUSH_SECONDS = 0.1
# At most this many flags a batch: an offloaded pass's flags all arrive at once, and the UI
# takes a batch in one step of its thread (a book's in one held it for 300 ms; 1,000 flags
# or 2,000 settled sentences, with their rows and counts, still held it 50-70 ms at a load
# average of 8).
FLUSH_FLAGS = 250
# Sentences whose settled flags the UI takes in one step.
REPLACE_SENTENCES = 500
# How often a worker waiting for a checker looks whether the app is quitting.
POLL_SECONDS = 0.05

T = TypeVar("T")

# Checkers whose flags compare sentences across the document (``CheckerFactory``).
WHOLE_DOCUMENT = frozenset(factory.name for factory in CHECKERS if factory.whole_document)


@cache
def _fluency_whole_document_rules() -> tuple[str, frozenset[str]]:
    """The fluency checker's name and its detectors' rules that read the whole document.
    Imported when first asked for, not with the UI."""
    from review.checkers.fluency import FluencyChecker, whole_document_rules

    return FluencyChecker.name, whole_document_rules()


def _of_whole_document(flag: Flag) -> bool:
    """Whether ``flag`` follows from the whole document rather than its own paragraph."""
    fluency, rules = _fluency_whole_document_rules()
    return flag.source in WHOLE_DOCUMENT or (flag.source == fluency and flag.rule in rules)


@dataclass(frozen=True, slots=True)
class FlagBatch:
    """Flags found in ``checked`` (sentence id → the text that was checked). With ``replace``
    the batch is the complete new set of flags of those sentences."""

    flags: tuple[Flag, ...]
    checked: Mapping[str, str]
    replace: bool = False


@dataclass(frozen=True, slots=True)
class SettledStages:
    """Checker ``stages`` whose flags the UI settles as ``review check`` does
    (``review.checking.settle_flags``): once the document check has run, and on each re-check.
    Plain stages (a test's recorded checker) show their flags as found."""

    stages: CheckerStages
    config: Config
    # Where a whole document's flags are settled; None: in the calling thread.
    offload: ProcessOffload | None = None

    def __call__(self, progress: Progress) -> Iterator[Checkers]:
        return self.stages(progress)


def settled(
    stages: CheckerStages,
    flags: Sequence[Flag],
    checkers: Sequence[Checker],
    text: str | CorrectedText,
    sentences: Sequence[Sentence],
    document: Sequence[Sentence] | None = None,
) -> tuple[Flag, ...]:
    """``flags`` as the editor should see them when ``stages`` settle (see ``SettledStages``).
    A corrected text not joined is joined only where the settling runs in this process."""
    if not isinstance(stages, SettledStages):
        return tuple(flags)
    if stages.offload is not None:
        use_servers = bool(recheckers(checkers))
        return stages.offload.settle(flags, text, sentences, stages.config, use_servers, document)
    return settle_flags(flags, checkers, *joined(text, sentences), stages.config, document)


def word_list(stages: CheckerStages) -> Path:
    """The word list the checkers of ``stages`` honour: their configuration's, else the
    project's (as `review edit --add-word` finds it)."""
    config = stages.config if isinstance(stages, SettledStages) else load_config()
    return config.word_list()


def default_stages(config: Config, use_languagetool: bool = True) -> SettledStages:
    """The checkers as the UI runs them: the CPU-heavy ones that need no server in another
    process (``ProcessOffload``), so that they leave the interpreter lock to the keys."""
    offload = ProcessOffload()

    def stages(progress: Progress) -> Iterator[Checkers]:
        local = open_checkers(config, use_servers=False, offload=offload)
        if not use_languagetool:
            yield local
            return
        # Its notice says LanguageTool is off, which is not so: it is starting.
        yield replace(local, notices=())
        yield open_checkers(config, use_servers=True, progress=progress, offload=offload)

    return SettledStages(stages, config, offload)


def run_stages(
    stages: CheckerStages,
    text: str | CorrectedText,
    sentences: Sequence[Sentence],
    progress: Progress,
    on_opened: Callable[[Checkers], None],
    on_flags: Callable[[FlagBatch], None],
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[Checker, ...]:
    """Open each stage's checkers and stream each new checker's flags; returns every checker
    run (for re-checking edits later). Stops within POLL_SECONDS once ``cancelled()`` (the app
    is quitting and waits for this thread), even while a checker opens or checks. ``text``
    may be a corrected text not joined (``ReviewState.corrected``): only a checker that
    cannot take it is given it joined.

    Settling stages end with one batch replacing every sentence's flags by the settled ones;
    settling re-checks suggestions (seconds on a book), so it runs here, in the worker, or in
    the stages' offload process."""
    ran: dict[str, Checker] = {}
    found: list[Flag] = []

    def streamed(batch: FlagBatch) -> None:
        found.extend(batch.flags)
        on_flags(batch)

    for opened in interruptible(lambda: stages(progress), cancelled):
        on_opened(opened)
        for checker in opened.checkers:
            if checker.name in ran:
                continue
            ran[checker.name] = checker
            progress(f"Checking ({checker.name})", None, None)
            _stream(checker, text, sentences, streamed, cancelled)
    if isinstance(stages, SettledStages) and not cancelled():
        progress("Settling the flags", None, None)
        checkers = tuple(ran.values())
        for flags in interruptible(
            lambda: [settled(stages, found, checkers, text, sentences)], cancelled
        ):
            for batch in _replacing(flags, sentences):
                on_flags(batch)
    return tuple(ran.values())


def interruptible(items: Callable[[], Iterable[T]], cancelled: Callable[[], bool]) -> Iterator[T]:
    """What ``items()`` yields, each taken in a daemon thread while this one waits, looking
    every POLL_SECONDS whether ``cancelled()``: then it stops at once and leaves that thread
    to finish its step alone.

    Opening LanguageTool (fetching it, starting its server) or a detector's pass over a book
    can take minutes; a thread cannot be interrupted, and a quitting app waits for its
    workers, but not for a daemon thread. Each item is taken only when asked for, as if
    ``items()`` were iterated here.
    """
    asked: SimpleQueue[bool] = SimpleQueue()
    answers: SimpleQueue[tuple[str, object]] = SimpleQueue()

    def answer() -> None:
        try:
            iterator = iter(items())
            while asked.get():
                answers.put(("item", next(iterator)))
        except StopIteration:
            answers.put(("end", None))
        except BaseException as exc:  # raised again in the waiting thread
            answers.put(("error", exc))

    threading.Thread(target=answer, name="review-checking", daemon=True).start()
    try:
        while True:
            asked.put(True)
            while True:
                try:
                    kind, value = answers.get(timeout=POLL_SECONDS)
                    break
                except Empty:
                    if cancelled():
                        return
            if kind == "end" or cancelled():
                return
            if kind == "error":
                raise value  # type: ignore[misc]
            yield value  # type: ignore[misc]
    finally:
        asked.put(False)


def _stream(
    checker: Checker,
    text: str | CorrectedText,
    sentences: Sequence[Sentence],
    on_flags: Callable[[FlagBatch], None],
    cancelled: Callable[[], bool],
) -> None:
    text_of = _texts(sentences)
    pending: list[Flag] = []
    flushed = time.monotonic()
    for flag in interruptible(lambda: check_text(checker, text, sentences), cancelled):
        pending.append(flag)
        if len(pending) >= FLUSH_FLAGS or time.monotonic() - flushed >= FLUSH_SECONDS:
            on_flags(_batch(pending, text_of))
            pending = []
            flushed = time.monotonic()
    if pending:
        on_flags(_batch(pending, text_of))


def _texts(sentences: Sequence[Sentence]) -> Callable[[str], str]:
    """Each sentence's text by its id. From the sentences, not their texts: a sentence cuts
    its text out of the document's when asked, and a book's texts cut at once were the book
    again; and from the original sentences of sentences placed when asked for, not from a
    book's sentences all placed."""
    if isinstance(sentences, PlacedSentences):
        placed = sentences
        originals = {s.id: s for s in placed.originals}
        return lambda sentence_id: placed.text_of(originals[sentence_id])
    by_id = {s.id: s for s in sentences}
    return lambda sentence_id: by_id[sentence_id].text


def _replacing(flags: Sequence[Flag], sentences: Sequence[Sentence]) -> Iterator[FlagBatch]:
    """Replacing batches of ``flags``, REPLACE_SENTENCES sentences each (see FLUSH_FLAGS)."""
    if isinstance(sentences, PlacedSentences):
        placed = sentences
        yield from (
            replace(batch, checked={i: placed.edits.get(i, t) for i, t in batch.checked.items()})
            for batch in _replacing(flags, placed.originals)
        )
        return
    chunk_of = {s.id: i // REPLACE_SENTENCES for i, s in enumerate(sentences)}
    chunks: list[list[Flag]] = [[] for _ in range(0, len(sentences), REPLACE_SENTENCES)]
    for flag in flags:
        chunks[chunk_of[flag.sentence_id]].append(flag)
    for index, chunk in enumerate(chunks):
        part = sentences[index * REPLACE_SENTENCES : (index + 1) * REPLACE_SENTENCES]
        yield FlagBatch(tuple(chunk), {s.id: s.text for s in part}, replace=True)


def _batch(flags: list[Flag], text_of: Callable[[str], str]) -> FlagBatch:
    return FlagBatch(tuple(flags), {f.sentence_id: text_of(f.sentence_id) for f in flags})


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


def recheck(
    checkers: Sequence[Checker],
    text: str | CorrectedText,
    document: Sequence[Sentence],
    sentence_ids: Collection[str],
    stages: CheckerStages,
    had: Sequence[Flag] = (),
) -> FlagBatch:
    """Every flag of the sentences ``sentence_ids`` of ``document`` (every sentence, placed
    in ``text``, the whole current text, which may be a corrected text not joined) from every
    checker, as one batch; settled against the whole text if ``stages`` settle. A
    whole-document checker is not run on these sentences alone: of ``had``, the flags these
    sentences had, its flags that still hold in their texts now are kept (``still_holding``),
    and so are those of the fluency detectors that read the whole document, with what they
    find in these sentences alone (a calque typed in the edit)."""
    if isinstance(document, PlacedSentences):  # only these placed, not a book's sentences
        chosen = (i for i, s in enumerate(document.originals) if s.id in sentence_ids)
        sentences = [document[i] for i in chosen]
    else:
        sentences = [s for s in document if s.id in sentence_ids]
    partial = [c for c in checkers if c.name not in WHOLE_DOCUMENT]
    flags = [flag for checker in partial for flag in check_text(checker, text, sentences)]
    checked = {s.id: s.text for s in sentences}
    found = {(f.sentence_id, f.start, f.end, f.rule) for f in flags}
    flags += (
        f
        for f in still_holding(had, lambda sentence_id: checked.get(sentence_id, ""))
        if (f.sentence_id, f.start, f.end, f.rule) not in found
    )
    return FlagBatch(
        settled(stages, flags, checkers, text, sentences, document), checked, replace=True
    )


def still_holding(flags: Iterable[Flag], text_of: Callable[[str], str]) -> list[Flag]:
    """Of ``flags``, those of whole-document checkers and detectors whose words are still
    where they point in their sentence's current text (``text_of`` a sentence id)."""
    return [
        f
        for f in flags
        if _of_whole_document(f) and text_of(f.sentence_id)[f.start : f.end] == f.text
    ]
