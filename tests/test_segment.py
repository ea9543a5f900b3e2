import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.cache import ResultCache, cached_segment
from review.document import load_document
from review.segment import Resegmentation, Sentence, iter_segments, resegmented, segment
from support import SEED


def _seed_sentences():
    return segment(load_document(SEED).text)


def test_seed_sentence_count_and_paragraphs() -> None:
    sentences = _seed_sentences()
    assert len(sentences) == 77
    assert [s.id for s in sentences[:3]] == ["s1", "s2", "s3"]
    assert sentences[-1].paragraph == 11


def test_seed_boundaries_checked_by_eye() -> None:
    by_id = {s.id: s.text for s in _seed_sentences()}
    # An opening quotation is its own sentence; the next starts after it.
    assert by_id["s1"] == '"The trip to the avenue is also the world’s public."'
    # A closing quote after a space goes back to the sentence it closes.
    assert by_id["s6"].endswith('make the planet we live in a better place. "')
    assert by_id["s7"] == 'Please learn with "Learn China".'
    # Headings are sentences of their own, without a full stop.
    assert by_id["s9"] == "First, China’s plan that conforms to the trend of the times"
    assert by_id["s46"] == "Second, the connotation of new international relations"
    # "2015,When" is a missing space, not a boundary.
    assert "In September 2015,When attending" in by_id["s44"]
    # The Chinese full stop inside the closing quote ends the sentence.
    assert by_id["s67"].endswith("’ 。”")
    assert by_id["s68"].startswith('He stressed: "China will adhere')
    # A question inside a quotation ends a sentence of the quotation.
    assert by_id["s52"].endswith("What is new about the new international relations?")
    assert by_id["s12"].endswith("stable development of the international community?")


def test_new_york_is_not_a_boundary() -> None:
    text = load_document(SEED).text
    sentence = next(s for s in _seed_sentences() if "new york" in s.text)
    assert sentence.start < text.index("new york") < sentence.end


def test_seed_spans_are_exact() -> None:
    text = load_document(SEED).text
    for s in _seed_sentences():
        assert text[s.start : s.end] == s.text


def _rebuilds(text: str) -> None:
    sentences = segment(text)
    position = 0
    rebuilt = []
    for s in sentences:
        gap = text[position : s.start]
        assert gap.strip() == "", (gap, s)
        rebuilt.append(gap)
        rebuilt.append(s.text)
        assert s.text == text[s.start : s.end] and s.text.strip() == s.text and s.text
        position = s.end
    assert text[position:].strip() == ""
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == text


_pieces = st.sampled_from(
    [
        "Hello",
        "world",
        "U.S.",
        "Dr.",
        " ",
        "  ",
        ".",
        "?",
        "!",
        "\n",
        "\r\n",
        "\n\n",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "。",
        "，",
        "”",
        "(",
        ")",
        "e.g.",
        "3.5",
        "2015,When",
        "\t",
        "new york",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces | st.text(max_size=6), max_size=40).map("".join))
def test_sentences_and_gaps_give_back_the_text(text: str) -> None:
    _rebuilds(text)


def test_chunks_number_on_and_join_to_the_whole() -> None:
    text = load_document(SEED).text
    chunks = list(iter_segments(text, chunk_chars=2_000))
    assert len(chunks) > 3
    assert tuple(s for chunk in chunks for s in chunk) == segment(text)


QUOTED = 'He said: "It is late. We must go." Then they left at once.\nA second line.\n'


def test_a_join_and_a_split_give_the_sentences_and_their_ids() -> None:
    original = segment(QUOTED)
    override = Resegmentation(joined=frozenset({"s2"}), split=frozenset({"s3-10"}))
    assert [(s.id, s.start, s.end, s.text) for s in resegmented(QUOTED, original, override)] == [
        ("s1", 0, 34, 'He said: "It is late. We must go."'),
        ("s3", 35, 44, "Then they"),
        ("s3-10", 45, 58, "left at once."),
        ("s4", 59, 73, "A second line."),
    ]
    assert resegmented(QUOTED, original, Resegmentation()) == original


def test_the_override_moves_starts_and_serialises_sorted_as_ids_read() -> None:
    s3 = segment(QUOTED)[2]
    override = Resegmentation().without_start("s2").with_start(s3, s3.start + 10)
    assert override == Resegmentation(frozenset({"s2"}), frozenset({"s3-10"}))
    assert override.without_start("s3-10").with_start(s3, s3.start) == Resegmentation(
        frozenset({"s2"}), frozenset()
    )
    many = Resegmentation(frozenset({"s10", "s9"}), frozenset({"s12-40", "s12-5"}))
    assert many.to_json() == {"joined": ["s9", "s10"], "split": ["s12-5", "s12-40"]}
    assert Resegmentation.from_json(many.to_json()) == many


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (Resegmentation(joined=frozenset({"s4"})), "joins s4, which starts a line"),
        (Resegmentation(joined=frozenset({"s1"})), "joins s1, which starts a line"),
        (Resegmentation(joined=frozenset({"s9"})), "joins s9, which is no sentence of the text"),
        (
            Resegmentation(split=frozenset({"s3-11"})),
            "splits at s3-11, which is not after a space in s3",
        ),
        (
            Resegmentation(split=frozenset({"s3-99"})),
            "splits at s3-99, which is not after a space in s3",
        ),
        (
            Resegmentation(split=frozenset({"s8-2"})),
            "splits at s8-2, which names no sentence of the text",
        ),
    ],
)
def test_an_override_that_does_not_fit_the_text_is_refused(
    override: Resegmentation, message: str
) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        resegmented(QUOTED, segment(QUOTED), override)


@pytest.mark.parametrize(
    "data", [{"joined": "s1"}, {"merged": []}, {"split": ["s3"]}, {"split": ["s3-01"]}, []]
)
def test_a_damaged_override_is_refused(data: object) -> None:
    with pytest.raises(ValueError):
        Resegmentation.from_json(data)


def test_segmenting_does_not_import_the_xml_schema_validator() -> None:
    """choppa imports xmlschema to validate a ruleset, which review never asks for: a fifth of
    a second of the first segmenting, in which a check's first LanguageTool requests run."""
    code = (
        "import sys\n"
        "from review.segment import segment\n"
        "print(len(segment('One sentence. Another one.')), 'xmlschema.resources' in sys.modules)\n"
        "import xmlschema\n"
        "print(xmlschema.XMLSchema.__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    # Imported when used, by anyone: the module is the real one then.
    assert done.stdout.split("\n") == ["2 False", "XMLSchema10", ""]


def _held_by(make: Callable[[], object]) -> tuple[object, int]:
    """What ``make()`` gives, and the memory it still holds."""
    tracemalloc.start()
    try:
        made = make()
        return made, tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()


# Paragraphs of two long sentences (about 400 characters each).
_LONG = "".join(
    f"Paragraph {n} begins with a sentence that goes on {'and on ' * 50}to its end. "
    f"Then another one follows it {'further and further ' * 20}until it stops.\n"
    for n in range(500)
)


def test_sentences_share_the_text_they_are_cut_from() -> None:
    # Set up on the same text: a short one left some of the SRX rules' patterns to be
    # compiled within the measure, into the regular expression engines' caches (7.9 MB held
    # once, in a whole run of the suite on Python 3.13). Kept alive through the measure: its
    # sentence ids stay interned, or interning them again may grow the interpreter's table of
    # interned strings within it (1.97 MB held, as the tests before had filled that table).
    earlier = segment(_LONG)
    sentences, held = _held_by(lambda: segment(_LONG))
    assert sentences == earlier
    assert isinstance(sentences, tuple)
    assert len(sentences) == 1000
    assert [s.text for s in sentences] == [_LONG[s.start : s.end] for s in sentences]
    assert sentences[1].text.startswith("Then another one follows it")
    # An object, an id and two offsets a sentence (about 220 bytes): with a copy of its text
    # each (as they had), 650.
    assert held < 300 * len(sentences)


def test_cached_sentences_share_the_text_too(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache.sqlite3")
    first = cached_segment(_LONG, cache)
    again, held = _held_by(lambda: cached_segment(_LONG, cache))
    assert again == first
    assert held < 300 * len(first)


def test_a_sentence_within_its_text_is_equal_to_one_holding_its_own() -> None:
    text = "One here. Two there."
    within = Sentence.within(text, "s2", 10, 20, 1)
    own = Sentence("s2", 10, 20, 1, "Two there.")
    assert within.text == "Two there."
    assert within == own
    assert hash(within) == hash(own)
    assert repr(within) == repr(own)
    assert repr(own) == (
        "Sentence(id='s2', start=10, end=20, paragraph=1, text='Two there.', unit='', source='')"
    )
    # Moved within its text, it is the text there; one holding its own text keeps it.
    assert replace(within, start=0, end=9).text == "One here."
    assert replace(own, id="s9").text == "Two there."
    assert replace(own, start=0, end=4, text="Four").text == "Four"


def test_the_srx_rules_kept_compiled_segment_as_freshly_compiled_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Segmenting loads the rules compiled by an earlier run (``review.built_once``): the
    same boundaries on the seed and on abbreviations, quotes and headings."""
    from review import segment as segmenting

    monkeypatch.setenv("REVIEW_CACHE_DIR", str(tmp_path))
    text = load_document(SEED).text + "\nMr. Smith met Dr. Wu at 5 p.m. today. “Yes.” he said.\n"
    monkeypatch.setattr(segmenting, "_srx", segmenting._srx.__wrapped__)
    fresh = segment(text)
    [kept] = (tmp_path / "built").glob("srx-*.pickle")

    def not_compiled_again() -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(segmenting, "_compiled_srx", not_compiled_again)
    assert segment(text) == fresh
    assert [s.text for s in fresh[-2:]] == [
        "Mr. Smith met Dr. Wu at 5 p.m. today.",
        "“Yes.” he said.",
    ]
    assert kept.stat().st_size > 10_000
