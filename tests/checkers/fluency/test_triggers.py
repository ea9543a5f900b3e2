"""Triggers only save work: a detector finds through them what it finds in every sentence."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from review.checkers.fluency import DETECTORS, Detector
from review.checkers.fluency.document_text import DocumentText
from review.segment import Sentence

TRIGGERED = [detector for detector in DETECTORS.values() if detector.trigger is not None]
TRIGGERS = [detector.trigger for detector in TRIGGERED]

# What each detector with a trigger flags (from its tests), and pieces of text around what
# the triggers look for or must not be fooled by.
SAMPLES = [
    "He said 关系 matters.",
    "The Cyrillic а in wаter.",
    "He left。",
    "He said：yes",
    "A——B",
    "cafÃ© and donâ€™t",
    "bad \ufffd char",
    "bell\x07",
    "the <unk> was",
    "UNK here",
    "< unk > < unk >",
    "trans@@ lation",
    "&quot;quoted&quot;",
    "<b>bold</b>",
    "[[link]]",
    "a 250px image",
    "thumbright",
    "▁word",
    "In September 2015,When he spoke.",
    "It ended.The next day came.",
    "He came;she left.",
    "Note:this.",
    "Yes , he said so .",
    "Did he say ‘no’ ?",
    "Yes,, he said.",
    "What?.",
    "word..",
    "He said ''no''.",
    "ertsherDug",
    "the king'S men",
    "hutsapsut’S",
    "I realized-this was it.",
    "a walk-in and an as-is sale",
    "The co - evolved species.",
    "It is different, different, different, very, very Different.",
]
FRAGMENTS = [
    *SAMPLES,
    "the",
    "The",
    "word",
    "New",
    "york",
    "a",
    "A",
    "D",
    "S",
    "s",
    "k",
    "x",
    "b",
    "3",
    "250",
    " ",
    " ",
    "  ",
    "\t",
    "\u00a0",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "'",
    "’",
    "‘",
    "“",
    "”",
    '"',
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "@",
    "&",
    "<",
    ">",
    "-",
    "—",
    "…",
    "-this",
    "-a",
    "-an",
    "as-is",
    "Th-this",
    "px",
    "thumb",
    "unk",
    "UNK",
    "Unk",
    "<unk>",
    "@@ ",
    "▁",
    "&quot;",
    "中国",
    "关系",
    "привет",
    "а",
    "，",
    "。",
    "：",
    "（",
    "）",
    "「",
    "」",
    "——",
    "……",
    "\u3000",
    "Ã©",
    "â€™",
    "Â",
    "\ufffd",
    "\x07",
    "ertsher",
    "king",
    "mRNA",
    "iPhone",
    "macOS",
    "e.g.",
    "U.S.",
    "5.5",
    "http://x.org/a,b",
    "std::vector",
]
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)
# Between sentences: a space, nothing (the segmenter split "ended.The"), or a new paragraph.
GAPS = st.sampled_from([" ", "", "\n"])


class EverySentence(DocumentText):
    """A document whose detectors scan every sentence, as if no trigger had been found."""

    def matching(self, trigger: object) -> list[Sentence]:
        return list(self.sentences)


@st.composite
def documents(draw: st.DrawFn) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    offset, paragraph = 0, 1
    for number, text in enumerate(draw(st.lists(TEXTS, min_size=1, max_size=4)), start=1):
        if sentences:
            gap = draw(GAPS)
            offset += len(gap)
            paragraph += gap == "\n"
        sentences.append(Sentence(f"s{number}", offset, offset + len(text), paragraph, text))
        offset += len(text)
    return tuple(sentences)


def test_every_triggered_detector_flags_a_sample():
    assert all(any(d().scan(text) for text in SAMPLES) for d in TRIGGERED)


@pytest.mark.parametrize("detector", TRIGGERED, ids=lambda d: d.rule)
def test_trigger_is_in_every_sample_scan_flags(detector):
    for text in SAMPLES:
        if any(detector().scan(text)):
            assert detector.trigger.pattern.search(text), text


@pytest.mark.parametrize("detector", TRIGGERED, ids=lambda d: d.rule)
def test_samples_found_through_triggers_as_in_every_sentence(detector):
    # Each sample twice: glued to the sentence before, and after a space.
    sentences, offset = [], 0
    for number, text in enumerate(SAMPLES * 2):
        offset += number >= len(SAMPLES)
        sentences.append(Sentence(f"s{number}", offset, offset + len(text), 1, text))
        offset += len(text)
    triggered = list(detector().scan_document(DocumentText(sentences, TRIGGERS)))
    assert triggered == list(detector().scan_document(EverySentence(sentences)))
    assert triggered


@pytest.mark.parametrize("detector", TRIGGERED, ids=lambda d: d.rule)
@settings(max_examples=100, deadline=None)
@given(text=TEXTS)
def test_trigger_is_in_every_sentence_scan_flags(detector, text):
    if any(detector().scan(text)):
        assert detector.trigger.pattern.search(text)


@pytest.mark.parametrize("detector", TRIGGERED, ids=lambda d: d.rule)
@settings(max_examples=100, deadline=None)
@given(sentences=documents())
def test_found_through_triggers_as_in_every_sentence(detector, sentences):
    triggered = list(detector().scan_document(DocumentText(sentences, TRIGGERS)))
    assert triggered == list(detector().scan_document(EverySentence(sentences)))


def test_detectors_that_scan_sentences_have_triggers():
    # Without one, a detector scans every sentence; LongSentence (off by default) looks at
    # sentences of 40 words or more, which no character tells apart.
    untriggered = {
        rule
        for rule, detector in DETECTORS.items()
        if detector.trigger is None and detector.scan_document is Detector.scan_document
    }
    assert untriggered == {"MT_LONG_SENTENCE"}
