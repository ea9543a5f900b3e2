"""Where LanguageTool's work runs: batches of paragraphs out, their matches streamed back.

The unit of work is a ``Batch`` of paragraph texts (from any file); an engine answers each
batch with one tuple of matches per paragraph, in whatever order batches finish. Engines never
see the cache or the output: the client that runs them writes both. ``LocalEngine`` spreads
batches over servers on this machine (``--jobs``); ``review.languagetool.cluster`` over Dask.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from itertools import islice
from typing import Protocol

from review.languagetool import wire
from review.languagetool.match import ServerMatch

BatchMatches = tuple[tuple[ServerMatch, ...], ...]


@dataclass(frozen=True, slots=True)
class Batch:
    index: int
    paragraphs: tuple[str, ...]


def batches(paragraphs: Iterable[str], max_chars: int) -> Iterator[Batch]:
    """Consecutive paragraphs, about ``max_chars`` characters a batch (at least one each)."""
    current: list[str] = []
    size = 0
    index = 0
    for paragraph in paragraphs:
        if current and size + len(paragraph) > max_chars:
            yield Batch(index, tuple(current))
            index += 1
            current, size = [], 0
        current.append(paragraph)
        size += len(paragraph)
    if current:
        yield Batch(index, tuple(current))


def check_batch(url: str, settings: wire.Settings, batch: Batch) -> BatchMatches:
    """A batch's matches from the server at ``url``, one paragraph after the other (a slot's
    work: the engine runs as many batches at once as it has slots)."""
    return tuple(wire.check(url, settings, paragraph) for paragraph in batch.paragraphs)


class Engine(Protocol):
    version: str
    # Where the work goes, for messages ("LanguageTool at … did not answer").
    where: str
    # How big a batch this engine wants: small where a batch is cheap to send.
    batch_chars: int

    def run(
        self, settings: wire.Settings, work: Iterable[Batch]
    ) -> Iterator[tuple[Batch, BatchMatches]]: ...


class LocalEngine:
    """``slots`` batches in flight on each of ``urls`` (servers of one LanguageTool version)."""

    batch_chars = 1

    def __init__(self, urls: Sequence[str], version: str, slots: int) -> None:
        self.urls = tuple(urls)
        self.version = version
        self.slots = slots
        self.where = ", ".join(self.urls)

    def run(
        self, settings: wire.Settings, work: Iterable[Batch]
    ) -> Iterator[tuple[Batch, BatchMatches]]:
        lanes = [url for url in self.urls for _ in range(self.slots)]
        todo = iter(work)
        with ThreadPoolExecutor(max_workers=len(lanes)) as pool:
            running: dict[Future[BatchMatches], tuple[Batch, str]] = {}

            def submit(batch: Batch, url: str) -> None:
                running[pool.submit(check_batch, url, settings, batch)] = (batch, url)

            # Each lane keeps one batch running on its server; a finished one takes the next.
            for batch, url in zip(islice(todo, len(lanes)), lanes, strict=False):
                submit(batch, url)
            try:
                while running:
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for future in done:
                        batch, url = running.pop(future)
                        following = next(todo, None)
                        if following is not None:
                            submit(following, url)
                        yield batch, future.result()
            finally:
                for future in running:
                    future.cancel()
