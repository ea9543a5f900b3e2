"""A persistent cache of checker answers (SQLite in the user cache dir), so reopening is instant."""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from review.cache_root import cache_root
from review.errors import ReviewError
from review.segment import SEGMENTER_VERSION, Sentence, iter_segments

# Characters of a key's part encoded at a time (see ``ResultCache.key``).
KEY_PIECE = 1 << 20
# Keys looked up in one query (``get_many``): SQLite builds still in use allow 999 parameters.
KEYS_AT_ONCE = 500
# The most the cache holds (REVIEW_CACHE_MAX_MB overrides): a check of 10,000 sentences writes
# about 10 MB, and every re-check after an edit writes more, so an unbounded cache grows with
# every text ever reviewed.
DEFAULT_MAX_MB = 1024
# Past its limit, an opening drops at most this much: a cache far over it (a lowered limit)
# shrinks over several openings rather than stalling one.
DROPPED_AT_ONCE = 64 << 20
# What a cache over its limit is brought down to, as a share of the limit: not to just under
# it, which the next check would take it over again.
KEPT_SHARE = 0.8


class ResultCache:
    """Key → JSON value. Keys are hashed so any text can be one; safe to share between threads."""

    def __init__(self, path: Path | None = None, max_bytes: int | None = None) -> None:
        self.path = path or cache_root() / "checks.sqlite3"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            # A cache may lose its last writes to a power cut (they are made again), not be
            # corrupted: in WAL mode NORMAL keeps it whole without an fsync per commit, which
            # a check of 2,000 sentences made a dozen times in series with its work.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        self._keep_within(max_limit() if max_bytes is None else max_bytes)

    def _keep_within(self, limit: int) -> None:
        """Drop the entries written longest ago while the cache holds more than ``limit``
        bytes: down to ``KEPT_SHARE`` of it, at most ``DROPPED_AT_ONCE`` bytes' worth. A
        row's rowid says when it was written (``INSERT OR REPLACE`` gives the row a new one),
        so an entry made again is kept as new; what is dropped is made again when needed."""
        with self._lock:
            page_size, pages, free = (
                self._db.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("page_size", "page_count", "freelist_count")
            )
            held = (pages - free) * page_size
            if held <= limit:
                return
            rows = self._db.execute("SELECT count(*) FROM results").fetchone()[0]
            dropped = min(held - int(limit * KEPT_SHARE), DROPPED_AT_ONCE)
            # Freed pages are used again by later writes: the file stops growing.
            with self._db:
                self._db.execute(
                    "DELETE FROM results WHERE rowid IN "
                    "(SELECT rowid FROM results ORDER BY rowid LIMIT ?)",
                    (math.ceil(rows * dropped / held),),
                )

    @staticmethod
    def key(*parts: str | Iterable[str]) -> str:
        """The hash of ``parts``; a part given as pieces (an iterable of strings, not a
        string) is hashed as the pieces joined, without joining them."""
        digest = hashlib.sha256()
        for part in parts:
            for piece in (part,) if isinstance(part, str) else part:
                # A piece at a time: a book's text encoded at once was its size again (60 MB)
                # on top of what the review holds. Each character encodes alone (a surrogate
                # too), so the pieces give the same bytes.
                for i in range(0, len(piece), KEY_PIECE):
                    digest.update(piece[i : i + KEY_PIECE].encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def get(self, key: str) -> Any | None:
        value = self._value(key)
        return None if value is None else json.loads(value)

    def get_many(self, keys: Sequence[str]) -> dict[str, Any]:
        """The values of those of ``keys`` that have one, in a query per ``KEYS_AT_ONCE`` keys:
        a query per key, each taking the lock, cost more than the values' reading."""
        found: dict[str, Any] = {}
        for i in range(0, len(keys), KEYS_AT_ONCE):
            chunk = keys[i : i + KEYS_AT_ONCE]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT key, value FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
            found.update((key, json.loads(value)) for key, value in rows)
        return found

    def put(self, key: str, value: Any) -> None:
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    def get_lines(self, key: str) -> list[str] | None:
        """The lines ``put_lines`` kept under ``key``."""
        value = self._value(key)
        return None if value is None else value.split("\n") if value else []

    def _value(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put_lines(self, key: str, lines: Sequence[str]) -> None:
        """``lines`` (each without a newline: JSON texts) kept as they are: a book's flags in
        JSON chunks, encoded again as one JSON list, held the interpreter lock 100-150 ms."""
        with self._lock, self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)",
                (key, "\n".join(lines)),
            )

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        """Several values in one transaction (one commit, not one per value)."""
        rows = [(key, json.dumps(value, ensure_ascii=False)) for key, value in items]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO results (key, value) VALUES (?, ?)", rows)

    @staticmethod
    def default() -> ResultCache:
        """The cache in ``cache_root()``, one for the whole process: the segmenter and every
        checker share its connection rather than opening their own."""
        return _opened(cache_root() / "checks.sqlite3")


def max_limit() -> int:
    """The bytes the cache may hold: REVIEW_CACHE_MAX_MB megabytes, else ``DEFAULT_MAX_MB``."""
    given = os.environ.get("REVIEW_CACHE_MAX_MB", "")
    if not given:
        return DEFAULT_MAX_MB << 20
    if not given.isdigit() or int(given) < 1:
        raise ReviewError(
            f"REVIEW_CACHE_MAX_MB must be a whole number of megabytes of at least 1, not {given!r}"
        )
    return int(given) << 20


@functools.cache
def _opened(path: Path) -> ResultCache:
    return ResultCache(path)


def cached_segment(
    text: str,
    cache: ResultCache | None = None,
    on_chunk: Callable[[tuple[Sentence, ...]], None] | None = None,
) -> tuple[Sentence, ...]:
    """``segment(text)``, remembered by text: reopening a long document should not re-run SRX.

    ``on_chunk`` sees the sentences as they come (all at once when they were cached).
    """
    cache = cache or ResultCache.default()
    key = ResultCache.key("segment", SEGMENTER_VERSION, text)
    spans = cache.get(key)
    if spans is not None:
        sentences = tuple(
            Sentence.within(text, f"s{index}", start, end, paragraph)
            for index, (start, end, paragraph) in enumerate(spans, start=1)
        )
        if on_chunk:
            on_chunk(sentences)
        return sentences
    found: list[Sentence] = []
    for chunk in iter_segments(text):
        found.extend(chunk)
        if on_chunk:
            on_chunk(chunk)
    cache.put(key, [[s.start, s.end, s.paragraph] for s in found])
    return tuple(found)
