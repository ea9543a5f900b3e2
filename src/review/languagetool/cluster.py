"""``--cluster``: LanguageTool's batches on a Dask distributed cluster.

Each worker gets its own LanguageTool server on its own 127.0.0.1 from ``LanguageToolPlugin``
(jars fetched once per machine into the cache; the server kept for the worker's life and
reused by later runs, restarted if it dies, stopped with the worker). The client submits
batches, a bounded number at a time, and takes the answers as they complete; Dask reruns the
batches of a worker that is lost, and a batch whose server failed is retried.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from review.config import Config
from review.errors import ReviewError
from review.languagetool import wire
from review.languagetool.engine import Batch, BatchMatches, check_batch
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.server import (
    PRIVATE_HEAP,
    ServerInfo,
    alive,
    start_private,
    stop_private,
)
from review.progress import Progress

PLUGIN_NAME = "review-languagetool"
LOCAL_PREFIX = "local:"
# A batch is about this many characters: big enough that Dask's few milliseconds per task
# are small beside LanguageTool's work, small enough that one long file spreads.
BATCH_CHARS = 4_000
# Batches queued per worker thread beyond those running, so that no thread waits for the next.
QUEUED_PER_THREAD = 2
# Attempts after the first for a batch whose worker's server failed (a lost worker's batches
# are rerun by Dask on its own).
RETRIES = 3
SERVER_WAIT_S = 300.0
# How long to try reaching a scheduler before saying none answers.
CONNECT_TIMEOUT_S = 30.0


class LanguageToolPlugin(WorkerPlugin):
    """A Dask worker plugin: this worker's LanguageTool server."""

    name = PLUGIN_NAME
    # Registered again by a later run, it is kept (with its server) rather than replaced.
    idempotent = True

    def __init__(self, heap: str = PRIVATE_HEAP) -> None:
        self._fresh(heap)

    def _fresh(self, heap: str) -> None:
        self.heap = heap
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._server: ServerInfo | None = None
        self._folder: Path | None = None
        self._failure = ""

    # Sent to the workers as its heap alone: locks do not travel, and a server is per worker.
    def __getstate__(self) -> dict[str, Any]:
        return {"heap": self.heap}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._fresh(state["heap"])

    async def setup(self, worker: Any) -> None:
        # In a thread: the worker's event loop must go on answering the scheduler meanwhile.
        await asyncio.to_thread(self._start)

    def teardown(self, worker: Any) -> None:
        with self._lock:
            if self._server is not None:
                stop_private(self._server)
                self._server = None
            if self._folder is not None:
                shutil.rmtree(self._folder, ignore_errors=True)

    def url(self) -> str:
        """The server's address, once it is up; a server that has died is started again."""
        if not self._ready.wait(SERVER_WAIT_S):
            raise LanguageToolUnavailable("this worker's LanguageTool server is not up")
        with self._lock:
            if self._server is None or not alive(self._server):
                self._start_locked()
            if self._server is None:
                raise LanguageToolUnavailable(self._failure)
            return self._server.url

    def version(self) -> str:
        self.url()
        assert self._server is not None
        return self._server.version

    def _start(self) -> None:
        with self._lock:
            self._start_locked()
        self._ready.set()

    def _start_locked(self) -> None:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="review-languagetool-"))
        try:
            self._server = start_private(self._folder, self.heap)
        except LanguageToolUnavailable as exc:
            self._server = None
            self._failure = exc.reason


def _plugin() -> LanguageToolPlugin:
    plugin: LanguageToolPlugin = get_worker().plugins[PLUGIN_NAME]  # type: ignore[assignment]
    return plugin


def _check_on_worker(settings: wire.Settings, batch: Batch) -> BatchMatches:
    try:
        url = _plugin().url()
    except LanguageToolUnavailable as exc:
        raise wire.WireError(f"a worker's LanguageTool server: {exc.reason}") from None
    return check_batch(url, settings, batch)


def _worker_version(dask_worker: Any) -> str:
    # Run by Client.run, after the plugin's set-up: the server is up (or has failed).
    plugin: LanguageToolPlugin = dask_worker.plugins[PLUGIN_NAME]
    return plugin.version()


class DaskEngine:
    batch_chars = BATCH_CHARS

    def __init__(self, client: Client, version: str, where: str) -> None:
        self.client = client
        self.version = version
        self.where = where

    def run(
        self, settings: wire.Settings, work: Iterable[Batch]
    ) -> Iterator[tuple[Batch, BatchMatches]]:
        # At least one in flight: with every worker restarting, the count is 0 for a moment.
        threads = max(1, sum(self.client.nthreads().values()))
        todo = iter(work)
        sent: dict[Any, Batch] = {}

        def submit(batch: Batch) -> Any:
            future = self.client.submit(
                _check_on_worker, settings, batch, retries=RETRIES, pure=False
            )
            sent[future.key] = batch
            return future

        first = [submit(batch) for batch in islice(todo, threads * (1 + QUEUED_PER_THREAD))]
        finished = as_completed(first)
        for future in finished:
            following = next(todo, None)
            if following is not None:
                finished.add(submit(following))
            yield sent.pop(future.key), future.result()
            future.release()


@contextmanager
def dask_engine(address: str, config: Config, progress: Progress | None) -> Iterator[DaskEngine]:
    """A Dask client on ``address`` (``local:N`` starts a LocalCluster of N worker processes
    on 127.0.0.1) with every worker's LanguageTool server up."""
    with ExitStack() as stack:
        if address.startswith(LOCAL_PREFIX):
            workers = _local_workers(address)
            if progress:
                progress(f"Starting {workers} Dask workers and their LanguageTool…", None, None)
            target: Any = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=config.languagetool_concurrency,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
        else:
            target = address
            if progress:
                progress(f"Connecting to the Dask scheduler at {address}…", None, None)
        try:
            client = stack.enter_context(Client(target, timeout=CONNECT_TIMEOUT_S))
        except OSError as exc:
            raise ReviewError(f"--cluster {address}: no Dask scheduler answers ({exc})") from None
        client.register_plugin(LanguageToolPlugin())
        versions = set(client.run(_worker_version).values())
        if len(versions) != 1:
            raise ReviewError(
                f"--cluster {address}: workers run LanguageTool {sorted(versions) or 'none'}"
            )
        yield DaskEngine(client, versions.pop(), f"the Dask cluster at {address}")


def _local_workers(address: str) -> int:
    count = address.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise ReviewError(f"--cluster {address}: expected local:N with N a number of workers")
    return int(count)
