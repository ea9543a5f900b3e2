import hashlib
import tracemalloc
from pathlib import Path

import pytest

from review import cache as cache_module
from review.cache import KEY_PIECE, ResultCache, cached_segment, max_limit
from review.errors import ReviewError
from review.segment import SEGMENTER_VERSION, segment
from support import SEED


def test_cached_segmentation_equals_a_fresh_one(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    cache = ResultCache(tmp_path / "c.sqlite3")
    first = cached_segment(text, cache)
    again = cached_segment(text, cache)
    assert first == again == segment(text)
    assert len(cache.get(ResultCache.key("segment", SEGMENTER_VERSION, text))) == 77


def test_values_round_trip_and_keys_separate_parts(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite3")
    cache.put(ResultCache.key("a", "bc"), [{"x": "“é”"}])
    assert cache.get(ResultCache.key("a", "bc")) == [{"x": "“é”"}]
    assert cache.get(ResultCache.key("ab", "c")) is None


def test_a_commit_is_not_synced_to_disk_each_time(tmp_path) -> None:
    """WAL with synchronous NORMAL (1): whole after a crash, no fsync per commit."""
    cache = ResultCache(tmp_path / "c.sqlite3")
    assert cache._db.execute("PRAGMA synchronous").fetchone() == (1,)
    assert cache._db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_key_is_the_hash_of_its_parts_encoded_whole() -> None:
    """Hashed a piece at a time, a key is what it always was: a cache made before still
    answers. The text spans several pieces, with a lone surrogate on a piece's edge."""
    said = "“Quoted,” she said. " * 200_000
    text = said[: KEY_PIECE - 1] + "\ud800" + said
    digest = hashlib.sha256()
    for part in ("flags/lines", text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    assert len(text) > 2 * KEY_PIECE
    assert ResultCache.key("flags/lines", text) == digest.hexdigest()


def test_a_key_does_not_encode_a_book_at_once() -> None:
    """A 4-million-character text with curly quotes (2 bytes a character in memory): its key
    allocates under 6 MB: a piece of a million characters (2 MB) and the encoder's buffer for
    it (3 MB). Encoded at once, it took 12 MB, a book's size and more beside the review."""
    text = "“Quoted,” she said. " * 200_000
    tracemalloc.start()
    try:
        ResultCache.key("segment", text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6_000_000


def test_many_values_are_looked_up_in_a_query_per_keys_at_once(monkeypatch, tmp_path) -> None:
    from review import cache as cache_module

    monkeypatch.setattr(cache_module, "KEYS_AT_ONCE", 2)
    cache = ResultCache(tmp_path / "c.sqlite3")
    cache.put_many([("a", [1]), ("b", {"x": "é"}), ("d", None)])
    queries: list[str] = []
    cache._db.set_trace_callback(queries.append)
    assert cache.get_many(["a", "b", "c", "d", "e"]) == {"a": [1], "b": {"x": "é"}, "d": None}
    assert len(queries) == 3
    assert cache.get_many([]) == {}


def _held(cache: ResultCache) -> int:
    page_size, pages, free = (
        cache._db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("page_size", "page_count", "freelist_count")
    )
    return int((pages - free) * page_size)


def _filled(path: Path, entries: int) -> ResultCache:
    """``entries`` values of 10 kB each, keys "0", "1", … in the order written."""
    cache = ResultCache(path)
    cache.put_many((str(n), "x" * 10_000) for n in range(entries))
    return cache


def test_a_cache_over_its_limit_drops_the_oldest_entries_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = _filled(path, 200)  # about 2 MB
    cache.put("0", "made again")  # written again: now the newest
    cache._db.close()
    limit = 1 << 20
    reopened = ResultCache(path, max_bytes=limit)
    kept = [key for (key,) in reopened._db.execute("SELECT key FROM results ORDER BY rowid")]
    # Down to 80 % of the limit: the first keys written went, the newest stayed, in order.
    assert 0.7 * limit < _held(reopened) <= 0.8 * limit
    assert kept[-1] == "0" and kept[:-1] == [str(n) for n in range(200 - len(kept) + 1, 200)]
    assert reopened.get("199") == "x" * 10_000 and reopened.get("1") is None
    # Freed pages are written again: the file stops growing.
    reopened._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    reopened.put_many((f"new{n}", "y" * 10_000) for n in range(40))
    reopened._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert path.stat().st_size == size


def test_a_cache_within_its_limit_is_left_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    _filled(path, 50)._db.close()
    assert ResultCache(path, max_bytes=1 << 20)._db.execute(
        "SELECT count(*) FROM results"
    ).fetchone() == (50,)


def test_an_opening_drops_no_more_than_dropped_at_once(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cache_module, "DROPPED_AT_ONCE", 500_000)
    path = tmp_path / "c.sqlite3"
    _filled(path, 200)._db.close()
    before = ResultCache(path, max_bytes=1 << 30)
    held = _held(before)
    before._db.close()
    after = ResultCache(path, max_bytes=1 << 10)
    assert 0 < held - _held(after) <= 600_000


@pytest.mark.parametrize(("given", "limit"), [("", 1024 << 20), ("5", 5 << 20)])
def test_the_limit_is_a_gigabyte_or_review_cache_max_mb(monkeypatch, given, limit) -> None:
    monkeypatch.setenv("REVIEW_CACHE_MAX_MB", given)
    assert max_limit() == limit


@pytest.mark.parametrize("given", ["0", "-3", "1.5", "lots"])
def test_a_bad_review_cache_max_mb_is_one_line(monkeypatch, given) -> None:
    monkeypatch.setenv("REVIEW_CACHE_MAX_MB", given)
    with pytest.raises(ReviewError, match=r"^REVIEW_CACHE_MAX_MB must be a whole number"):
        max_limit()
