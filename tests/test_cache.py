from pathlib import Path

from review.cache import ResultCache, cached_segment
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
