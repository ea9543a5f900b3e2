import hashlib
import tracemalloc
from pathlib import Path

from review.cache import KEY_PIECE, ResultCache, cached_segment
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
