"""Which engine this run's LanguageTool checks go through: set by the command (``--jobs``,
``--cluster``), read by ``open_checker``; without one, the shared server of this machine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib.util import find_spec

from review.config import Config
from review.errors import ReviewError
from review.languagetool.engine import Engine
from review.progress import Progress

_ENGINE: ContextVar[Engine | None] = ContextVar("languagetool_engine", default=None)


def current() -> Engine | None:
    return _ENGINE.get()


@contextmanager
def engine_for(config: Config, jobs: int, progress: Progress | None = None) -> Iterator[None]:
    """Checks within go to ``config.cluster`` (Dask) if set, else to ``jobs`` servers here."""
    if config.cluster:
        if find_spec("distributed") is None:
            raise ReviewError(
                "--cluster needs Dask: pip install 'review[cluster]' (dask and distributed)"
            )
        from review.languagetool.cluster import dask_engine

        with dask_engine(config.cluster, config, progress) as engine:
            yield from _using(engine)
    elif jobs > 1:
        from review.languagetool.pool import local_servers

        with local_servers(jobs, config, progress) as engine:
            yield from _using(engine)
    else:
        yield


def _using(engine: Engine) -> Iterator[None]:
    token = _ENGINE.set(engine)
    try:
        yield
    finally:
        _ENGINE.reset(token)
