import json
import tracemalloc

from review.cache import ResultCache
from review.checkers.fluency import FluencyChecker
from review.checkers.remembered import RememberedChecker, package_fingerprint
from review.segment import Sentence, segment


def test_remembered_checker_runs_once_per_text_and_settings(tmp_path) -> None:
    text = "He said，the plan of “一带一路” is good。 In 2015,When he came, he he spoke."
    sentences = segment(text)
    calls = []

    class Counting(FluencyChecker):
        def check(self, text, sentences):
            calls.append(text)
            return super().check(text, sentences)

    # Fingerprinted as the detectors' package, not as the tests folder this class is in.
    Counting.__module__ = FluencyChecker.__module__

    cache = ResultCache(tmp_path / "c.sqlite3")
    fresh = list(RememberedChecker(Counting(), cache, "defaults").check(text, sentences))
    again = list(RememberedChecker(Counting(), cache, "defaults").check(text, sentences))
    other = list(RememberedChecker(Counting(), cache, "other").check(text, sentences))
    assert len(calls) == 2
    assert fresh == again == other == list(FluencyChecker().check(text, sentences))
    assert {f.rule for f in fresh} >= {"MT_FULLWIDTH_PUNCT", "MT_SPACE_MISSING"}


def test_the_key_holds_the_sentence_ids_and_sources(tmp_path) -> None:
    """Two bilingual files with the same targets but other unit ids or sources: each gets
    flags of its own sentences (the cache once gave one file's ids to the other)."""
    from dataclasses import replace

    from review.checkers.terms import GlossaryChecks, Term

    text = "In 2015,When he came. The policy was set."
    cache = ResultCache(tmp_path / "c.sqlite3")
    sentences = [
        replace(s, id=f"1-s{n}", unit="1", source="2015年他来了。")
        for n, s in enumerate(segment(text), start=1)
    ]
    renamed = [replace(s, id=f"9-s{n}", unit="9") for n, s in enumerate(sentences, start=1)]
    resourced = [replace(s, source="政策性银行定了政策。") for s in sentences]

    def flags(checker, sentences):
        remembered = RememberedChecker(checker, cache, "settings")
        return [(f.sentence_id, f.rule) for f in remembered.check(text, sentences)]

    assert flags(FluencyChecker(), sentences) == [("1-s1", "MT_SPACE_MISSING")]
    assert flags(FluencyChecker(), renamed) == [("9-s1", "MT_SPACE_MISSING")]
    terms = GlossaryChecks((Term("policy bank", source="政策性银行"),), "en")
    assert flags(terms, sentences) == []
    assert flags(terms, resourced) == [("1-s1", "TERM_MISSING")]


def test_the_flags_are_kept_in_json_chunks_a_line_each(tmp_path, monkeypatch) -> None:
    # A book's flags as one JSON value took a third of a second to write or read, in one call
    # that held the interpreter lock against the review UI's keys; the chunks encoded again
    # as one JSON list of strings still took 100-150 ms: they are kept as lines.
    import sqlite3

    from review import flags as flags_module

    monkeypatch.setattr(flags_module, "JSON_CHUNK", 2)
    text = "He said，the plan of “一带一路” is good。 In 2015,When he came, he he spoke."
    sentences = segment(text)
    cache = ResultCache(tmp_path / "c.sqlite3")
    fresh = list(RememberedChecker(FluencyChecker(), cache, "").check(text, sentences))
    assert len(fresh) >= 4
    (value,) = sqlite3.connect(tmp_path / "c.sqlite3").execute("SELECT value FROM results")
    chunks = value[0].split("\n")
    assert [len(json.loads(chunk)) for chunk in chunks] == [2] * (len(fresh) // 2) + (
        [1] if len(fresh) % 2 else []
    )
    assert list(RememberedChecker(FluencyChecker(), cache, "").check(text, sentences)) == fresh


def _book(count: int) -> tuple[str, list[Sentence]]:
    text = "".join(f"Sentence number {n} ends here. " for n in range(count))
    sentences, start = [], 0
    for n in range(count):
        end = start + len(f"Sentence number {n} ends here.")
        sentences.append(Sentence.within(text, f"s{n + 1}", start, end, 1, source="源"))
        start = end + 1
    return text, sentences


def _joined_key(text: str, sentences: list[Sentence]) -> str:
    """The fluency detectors' key with the "defaults" settings, made as one string."""
    return ResultCache.key(
        "flags/lines",
        "fluency",
        package_fingerprint(FluencyChecker.__module__),
        "defaults",
        ",".join(f"{s.id}:{s.start}:{s.end}:{s.paragraph}" for s in sentences),
        "\x1f".join(s.source for s in sentences),
        text,
    )


def test_the_key_is_the_spans_and_sources_joined(tmp_path) -> None:
    """Made in pieces, the key is what it was as one string: a cache made before still
    answers (2,500 sentences: three pieces)."""
    text, sentences = _book(2500)
    cache = ResultCache(tmp_path / "c.sqlite3")
    list(RememberedChecker(FluencyChecker(), cache, "defaults").check(text, sentences))
    assert cache.get_lines(_joined_key(text, sentences)) == []


def test_the_key_of_a_book_is_not_made_as_one_string(tmp_path) -> None:
    """100,000 sentences remembered without flags: the check allocates under 2.5 MB, most of
    it the text's piece of a million characters and its UTF-8 (their spans joined at once,
    and the list of them join makes, took it to 10.4 MB)."""
    text, sentences = _book(100_000)
    cache = ResultCache(tmp_path / "c.sqlite3")
    remembered = RememberedChecker(FluencyChecker(), cache, "defaults")
    cache.put_lines(_joined_key(text, sentences), [])
    tracemalloc.start()
    try:
        assert list(remembered.check(text, sentences)) == []
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2_500_000
