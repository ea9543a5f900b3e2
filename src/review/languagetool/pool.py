"""``--jobs N``: the shared server and N - 1 private ones (PRIVATE_HEAP each) on 127.0.0.1,
started at once and stopped when the run ends."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from pathlib import Path

from review.config import Config
from review.errors import ReviewError
from review.languagetool.engine import LocalEngine
from review.languagetool.errors import LanguageToolUnavailable
from review.languagetool.server import (
    PRIVATE_HEAP,
    ServerInfo,
    ensure_server,
    start_private,
    stop_private,
)
from review.progress import Progress


@contextmanager
def private_server(heap: str = PRIVATE_HEAP) -> Iterator[ServerInfo]:
    """A server of our own for the time of the block; its configuration and log in a folder
    removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="review-languagetool-"))
    try:
        server = start_private(folder, heap)
        try:
            yield server
        finally:
            stop_private(server)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def local_servers(jobs: int, config: Config, progress: Progress | None) -> Iterator[LocalEngine]:
    if progress:
        progress(f"Starting {jobs - 1} more LanguageTool servers…", None, None)
    with ExitStack() as stack, ThreadPoolExecutor(max_workers=jobs) as pool:
        shared = pool.submit(ensure_server, None, config.languagetool_timeout)
        private = [pool.submit(stack.enter_context, private_server()) for _ in range(jobs - 1)]
        try:
            servers = [shared.result(), *(future.result() for future in private)]
        except LanguageToolUnavailable as exc:
            raise ReviewError(f"--jobs {jobs}: LanguageTool unavailable ({exc.reason})") from None
        versions = {server.version for server in servers}
        if len(versions) != 1:
            raise ReviewError(f"--jobs {jobs}: servers of different versions {sorted(versions)}")
        yield LocalEngine(
            [server.url for server in servers], servers[0].version, config.languagetool_concurrency
        )
