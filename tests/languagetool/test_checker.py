import json
import re
import socket
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from review.cache import ResultCache
from review.config import Config
from review.corrected import CorrectedText, PlacedSentences
from review.document import load_document
from review.errors import ReviewError
from review.flags import Category, MqmClass, Severity
from review.languagetool.checker import LanguageToolChecker, paragraphs, to_flags
from review.languagetool.match import ServerMatch, classify
from review.languagetool.wire import matches as server_matches
from review.segment import segment
from review.state import ReviewState, SentenceReview
from support import SEED, silent_server

RECORDED = Path(__file__).parent / "data" / "languagetool_seed_paragraph7.json"


def _seed():
    document = load_document(SEED)
    return document, segment(document.text)


def test_recorded_response_maps_to_sentence_offsets() -> None:
    """Uses a recorded LanguageTool 6.8 answer for paragraph 7 of the seed (no server)."""
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    document, sentences = _seed()
    paragraph = next(p for p in paragraphs(sentences) if p.start == recorded["paragraph_start"])
    assert document.text[paragraph.start : paragraph.end] == recorded["text"]
    matches = server_matches(recorded["response"], recorded["text"])
    flags = list(to_flags(document.text, paragraph, matches))
    assert len(flags) == len(recorded["response"]["matches"]) == 10
    new_york = next(f for f in flags if f.rule == "EN_SPECIFIC_CASE" and f.text == "new york")
    sentence = next(s for s in sentences if s.id == new_york.sentence_id)
    assert new_york.sentence_id == "s44"
    assert sentence.start + new_york.start == 8419
    assert sentence.text[new_york.start : new_york.end] == "new york"
    assert new_york.replacements == ("New York",)
    assert (new_york.category, new_york.mqm, new_york.severity) == (
        Category.CAPITALIZATION,
        MqmClass.SPELLING,
        Severity.MINOR,
    )
    assert new_york.source == "languagetool"
    for flag in flags:
        start = next(s for s in sentences if s.id == flag.sentence_id).start + flag.start
        assert document.text[start : start + len(flag.text)] == flag.text


def test_a_rule_and_message_said_again_are_one_string() -> None:
    """A book's flags hold each rule id and message once (recorded answer, decoded twice as
    two paragraphs' answers would be)."""
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    document, sentences = _seed()
    paragraph = next(p for p in paragraphs(sentences) if p.start == recorded["paragraph_start"])
    again = json.loads(RECORDED.read_text(encoding="utf-8"))
    first, second = (
        list(to_flags(document.text, paragraph, server_matches(r["response"], r["text"])))
        for r in (recorded, again)
    )
    assert [(f.rule, f.message) for f in first] == [(f.rule, f.message) for f in second]
    assert all(
        a.rule is b.rule and a.message is b.message for a, b in zip(first, second, strict=True)
    )


@pytest.mark.parametrize(
    ("category", "issue", "expected"),
    [
        ("GRAMMAR", "grammar", (Category.GRAMMAR, MqmClass.GRAMMAR, Severity.MAJOR)),
        ("TYPOS", "misspelling", (Category.SPELLING, MqmClass.SPELLING, Severity.MINOR)),
        ("TYPOGRAPHY", "typographical", (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR)),
        ("MISC", "whitespace", (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR)),
        ("REDUNDANCY", "style", (Category.STYLE, MqmClass.AWKWARD, Severity.MINOR)),
        (
            "PUNCTUATION",
            "typographical",
            (Category.TYPOGRAPHY, MqmClass.TYPOGRAPHY, Severity.MINOR),
        ),
        (
            "SEMANTICS",
            "uncategorized",
            (Category.MISTRANSLATION_RISK, MqmClass.MISTRANSLATION, Severity.MAJOR),
        ),
        ("SOMETHING_NEW", "uncategorized", (Category.OTHER, MqmClass.GRAMMAR, Severity.MINOR)),
    ],
)
def test_classify(category: str, issue: str, expected: tuple) -> None:
    assert classify(category, issue) == expected


def _raw_matches(url: str, text: str) -> list[dict]:
    data = urllib.parse.urlencode({"language": "en-US", "text": text, "level": "picky"}).encode()
    with urllib.request.urlopen(f"{url}/v2/check", data, timeout=120) as answer:
        return json.load(answer)["matches"]


@pytest.mark.languagetool
def test_every_raw_match_is_in_our_output_at_the_same_offset(languagetool_server, tmp_path):
    document, sentences = _seed()
    raw = set()
    for paragraph in paragraphs(sentences):
        for m in _raw_matches(
            languagetool_server.url, document.text[paragraph.start : paragraph.end]
        ):
            raw.add((paragraph.start + m["offset"], m["length"], m["rule"]["id"]))
    checker = LanguageToolChecker(
        languagetool_server.url,
        languagetool_server.version,
        Config(),
        ResultCache(tmp_path / "cache.sqlite3"),
    )
    start_of = {s.id: s.start for s in sentences}
    ours = {
        (start_of[f.sentence_id] + f.start, f.end - f.start, f.rule)
        for f in checker.check(document.text, sentences)
    }
    assert len(raw) > 40
    assert raw == ours
    assert (8419, 8, "EN_SPECIFIC_CASE") in ours


@pytest.mark.languagetool
def test_warm_cache_answers_without_the_server(languagetool_server, tmp_path) -> None:
    document, sentences = _seed()
    cache = ResultCache(tmp_path / "cache.sqlite3")
    cold = list(
        LanguageToolChecker(
            languagetool_server.url, languagetool_server.version, Config(), cache
        ).check(document.text, sentences)
    )
    dead = f"http://127.0.0.1:{_closed_port()}"
    warm = list(
        LanguageToolChecker(dead, languagetool_server.version, Config(), cache).check(
            document.text, sentences
        )
    )
    assert sorted(warm, key=repr) == sorted(cold, key=repr)
    other_config = LanguageToolChecker(
        dead, languagetool_server.version, Config(picky=False), cache
    )
    with pytest.raises(ReviewError, match="did not answer"):
        list(other_config.check(document.text, sentences))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_silent_server_is_reported_within_the_timeout(tmp_path) -> None:
    """A server that accepts connections and never answers: one line, no hang."""
    with silent_server() as url:
        checker = LanguageToolChecker(url, "6.8", Config(languagetool_timeout=1))
        document, sentences = _seed()
        with pytest.raises(ReviewError, match="did not answer") as caught:
            list(checker.check(document.text, sentences[:3]))
        assert "\n" not in str(caught.value)


@pytest.mark.languagetool
def test_offsets_stay_right_with_astral_characters_in_flight(languagetool_server, tmp_path):
    """Emoji count twice in LanguageTool's (UTF-16) offsets, and language-tool-python fixed them
    through shared state; checks running at once, some with emoji and some without, must
    still flag the same characters."""
    paragraphs_text = [
        ("😀 I has a apple today." if i % 2 else "She go to school every days.") + f" {i}"
        for i in range(24)
    ]
    text = "\n".join(paragraphs_text)
    sentences = segment(text)
    checker = LanguageToolChecker(
        languagetool_server.url,
        languagetool_server.version,
        Config(),
        ResultCache(tmp_path / "c.sqlite3"),
        workers=6,
    )
    by_rule: dict[str, set[str]] = {}
    for flag in checker.check(text, sentences):
        by_rule.setdefault(flag.rule, set()).add(flag.text)
    # An offset shifted by one would flag " a", "n " or "e go" instead.
    assert by_rule["EN_A_VS_AN"] == {"a"}
    assert by_rule["NON3PRS_VERB"] == {"has"}
    assert by_rule["HE_VERB_AGR"] == {"go"}
    assert by_rule["EVERY_EACH_SINGULAR"] == {"days"}
    assert all(len(texts) == 1 for texts in by_rule.values()), by_rule


class _StandInEngine:
    """An engine with no server, a paragraph a batch, that answers as its subclass says."""

    version = "6.8"
    batch_chars = 1


class _DroppingEngine(_StandInEngine):
    """An engine that loses the first batch it is given."""

    where = "the dropping engine"

    def run(self, settings, work):
        for batch in work:
            if batch.index:
                yield batch, tuple(() for _ in batch.paragraphs)


def test_a_batch_the_engine_loses_is_an_error_not_a_shorter_output() -> None:
    document, sentences = _seed()
    checker = LanguageToolChecker("", "6.8", Config(), None, engine=_DroppingEngine())
    with pytest.raises(ReviewError) as caught:
        list(checker.check(document.text, sentences))
    assert str(caught.value) == (
        "LanguageTool at the dropping engine did not answer: "
        "some batches of paragraphs came back unanswered"
    )


class _WordEngine(_StandInEngine):
    """An engine that flags every "the" of each paragraph, as a stand-in rule."""

    where = "the word engine"

    def run(self, settings, work):
        for batch in work:
            yield (
                batch,
                tuple(
                    tuple(
                        ServerMatch(m.start(), 3, "THE_WORD", "MISC", "style", "the", ())
                        for m in re.finditer(r"\bthe\b", paragraph)
                    )
                    for paragraph in batch.paragraphs
                ),
            )


def test_an_edited_text_not_joined_gets_the_flags_of_the_joined_text(monkeypatch) -> None:
    """A stand-in engine; the UI gives the checker a corrected text not joined
    (``ReviewState.corrected``): a book's copy and every sentence after an edit placed anew
    were 200 MB of a 60 MB book."""
    document, sentences = _seed()
    state = ReviewState().with_reviews(
        {
            sentences[1].id: SentenceReview(edited="The the trip is long, said the driver."),
            sentences[3].id: SentenceReview(edited=""),
            sentences[6].id: SentenceReview(edited="Short."),
        }
    )
    checker = LanguageToolChecker("", "6.8", Config(), None, engine=_WordEngine())
    joined = state.current_document(document.text, sentences)
    before = [f.to_json() for f in checker.check(*joined)]
    text, placed = state.corrected(document.text, sentences)
    assert isinstance(text, CorrectedText) and isinstance(placed, PlacedSentences)

    def not_joined(self: object) -> str:
        raise AssertionError("the corrected text was joined")

    monkeypatch.setattr(CorrectedText, "joined", not_joined)
    monkeypatch.setattr(PlacedSentences, "joined", not_joined)
    after = [f.to_json() for f in checker.check(text, placed)]
    assert after == before
    edited = [(f[0], f[1], f[2]) for f in after if f[0] == sentences[1].id]
    assert edited == [("s2", 4, 7), ("s2", 27, 30)]
    assert not [f for f in after if f[0] == sentences[3].id]


def test_cached_answers_are_looked_up_a_few_queries_at_a_time(monkeypatch, tmp_path) -> None:
    """A stand-in engine: the paragraphs checked once are answered from the cache in one query
    per ``KEYS_AT_ONCE`` paragraphs (a query each took a tenth of a warm check's time), with
    the same flags; the paragraphs the cache lacks still go to the engine."""
    from review.languagetool import checker as checker_module

    monkeypatch.setattr(checker_module, "KEYS_AT_ONCE", 10)
    document, sentences = _seed()
    cache = ResultCache(tmp_path / "cache.sqlite3")
    engine = _WordEngine()
    first = list(LanguageToolChecker("", "6.8", Config(), cache, engine=engine).check(
        document.text, sentences
    ))  # fmt: skip
    assert sum(f.rule == "THE_WORD" for f in first) > 40
    queries: list[str] = []
    cache._db.set_trace_callback(queries.append)
    again = LanguageToolChecker("", "6.8", Config(), cache, engine=_DroppingEngine())
    assert list(again.check(document.text, sentences)) == first
    looked_up = [q for q in queries if q.startswith("SELECT")]
    paragraph_count = len(paragraphs(sentences))
    assert len(looked_up) == -(-paragraph_count // 10)
    # A paragraph changed: it goes to the engine, the rest come from the cache.
    first_paragraph = paragraphs(sentences)[0]
    head = document.text[first_paragraph.start : first_paragraph.end]
    changed = document.text.replace(head, head.upper(), 1)
    mixed = LanguageToolChecker("", "6.8", Config(), cache, engine=engine)
    fresh = LanguageToolChecker("", "6.8", Config(), None, engine=engine)
    assert list(mixed.check(changed, sentences)) == list(fresh.check(changed, sentences))
